// The journal page's own links (components/ui/soft-nav.tsx's SoftNav, issue 22 item 2): the picker's substituted
// lessons are plain anchors in ONE client component — the same HTML next/link wrote for them, and a plain left
// click still opens the lesson's journal on the client (the diary's rule: tests/unit/diary-soft-nav.test.ts).
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import Link from "@/components/ui/link";
import { JournalPicker } from "@/components/journal/journal-picker";
import { SoftNav } from "@/components/ui/soft-nav";
import { ORIGIN, clickAnchor } from "../support/soft-click";

const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push }) }));

const substitutions = [
  { id: 41, date: new Date("2026-11-20T00:00:00Z"), bellNumber: 3, className: "7Б", subjectName: "Физика" },
  { id: 42, date: new Date("2026-11-21T00:00:00Z"), bellNumber: 1, className: "8А", subjectName: "Химия" },
];

describe("the journal picker's links (issue 22 item 2)", () => {
  afterEach(() => push.mockReset());

  it("writes the substituted lessons' links as next/link did", () => {
    const html = renderToStaticMarkup(
      createElement(JournalPicker, {
        choices: [],
        selected: null,
        periods: [],
        periodId: null,
        substitutions: substitutions as never,
        college: false,
      }),
    );
    const withNextLink = renderToStaticMarkup(
      createElement(
        "p",
        { className: "text-xs text-slate-600" },
        "Замены:",
        " ",
        substitutions.map((l, i) =>
          createElement(
            "span",
            { key: l.id },
            i > 0 && ", ",
            createElement(
              Link,
              { href: `/journal?lesson=${l.id}`, className: "text-blue-700 hover:underline" },
              `${l.date.getUTCDate()}.11.2026`,
              " ",
              l.bellNumber,
              "-й · ",
              l.className,
              " · ",
              l.subjectName,
            ),
          ),
        ),
      ),
    );
    expect(withNextLink).toContain('<a class="text-blue-700 hover:underline" href="/journal?lesson=41">');
    expect(html).toContain(withNextLink);
  });

  it("opens a link's page on the client on a plain left click, and leaves a new-tab click to the browser", () => {
    vi.stubGlobal("location", { origin: ORIGIN });
    try {
      const nav = SoftNav({ as: "nav", children: null }) as ReactElement;
      const click = (extra: object) => clickAnchor(nav, "/journal?lesson=41#x", extra);
      expect(click({})).toHaveBeenCalled();
      expect(push).toHaveBeenCalledWith("/journal?lesson=41#x");
      push.mockReset();
      expect(click({ ctrlKey: true })).not.toHaveBeenCalled();
      expect(push).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
