// Issue 19 item 1: every page's title is the kit's PageHeader (components/ui/page-header.tsx) — one
// title size, one grey subtitle line, actions on the right — so no page or domain component writes
// and styles its own `<h1>`. The few that may are listed with the reason.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PageHeader } from "@/components/ui/page-header";
import { repoRoot, sourceFiles } from "../support/source-files";

const OWN_H1: Record<string, string> = {
  "app/login/page.tsx": "outside the app shell: the sign-in card's centred title",
  "app/change-password/page.tsx": "outside the app shell: the same centred card as the sign-in page",
  "app/not-found.tsx": "outside the app shell: a centred one-line message page",
  "app/forbidden.tsx": "outside the app shell: a centred one-line message page",
  "app/unauthorized.tsx": "outside the app shell: a centred one-line message page",
  "app/(app)/people/logins/slips/route.ts": "a printable HTML document built as a string, not a React page",
  "components/messages/message-card.tsx": "the message's subject inside its card (a <p> in the compact list)",
};

const files = [...sourceFiles("app"), ...sourceFiles("components")]
  .map((f) => path.relative(repoRoot, f).split(path.sep).join("/"))
  .filter((f) => !f.startsWith("components/ui/"));

describe("page titles on the kit (issue 19 item 1)", () => {
  it("no page or domain component writes its own <h1> outside the allow-list", () => {
    const own = files.filter((f) => !(f in OWN_H1) && /<h1[\s>]/.test(readFileSync(path.join(repoRoot, f), "utf8")));
    expect(own).toEqual([]);
  });

  it("the allow-list names only files that still write one (stale entries go)", () => {
    const stale = Object.keys(OWN_H1).filter((f) => !/<h1[\s>]/.test(readFileSync(path.join(repoRoot, f), "utf8")));
    expect(stale).toEqual([]);
  });

  it("PageHeader renders the back link, the one <h1>, the subtitle and the actions", () => {
    const out = renderToStaticMarkup(
      h(PageHeader, {
        back: { href: "/archive", label: "Архив" },
        title: "Реестр архива",
        subtitle: "2025/2026 учебный год",
        actions: h("a", { href: "/x" }, "Скачать"),
      }),
    );
    expect(out.match(/<h1/g)).toHaveLength(1);
    expect(out).toMatch(/<h1[^>]*>Реестр архива<\/h1>/);
    expect(out).toContain('href="/archive"');
    expect(out).toMatch(/← (<!-- -->)?Архив/);
    expect(out).toMatch(/<p class="text-sm text-slate-600">2025\/2026 учебный год<\/p>/);
    expect(out).toContain("justify-between");
    expect(renderToStaticMarkup(h(PageHeader, { title: "Почта" }))).not.toContain("justify-between");
  });
});
