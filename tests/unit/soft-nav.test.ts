// The app's ONE soft navigation (components/ui/soft-nav.tsx, issue 22 items 1, 5 and 7): the app's Link is a
// plain server-rendered anchor marked for it — no client component per link — and a click the listener takes
// over is exactly a plain left click on a marked anchor of this site (the Link's own, or any inside a SoftNav);
// never an unmarked anchor (a file, an export), a download, a new tab or window, another site, or a click
// something else already handled.
import { createElement, isValidElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import Link from "@/components/ui/link";
import { SoftNav } from "@/components/ui/soft-nav";
import { SoftNavListener } from "@/components/ui/soft-nav-listener";
import { DiaryTabs } from "@/components/diary/diary-tabs";
import RootLayout from "@/app/layout";
import { anchorsOf, clickAnchor } from "../support/soft-click";

const html = (node: ReactNode) => renderToStaticMarkup(createElement("div", null, node));

const taken = (markup: string, href: string, extra: object = {}) => {
  const { preventDefault, push } = clickAnchor(markup, href, extra);
  expect(preventDefault.mock.calls.length > 0, href).toBe(push.mock.calls.length > 0);
  return push.mock.calls.length > 0 ? (push.mock.calls[0][0] as string) : null;
};

describe("the app's Link (issue 22)", () => {
  it("is a plain anchor element, not a component: the mark, and href after the caller's attributes", () => {
    const link = Link({ href: "/mail", className: "underline", "aria-current": "page", children: "Почта" });
    expect((link as ReactElement).type).toBe("a");
    expect(renderToStaticMarkup(link)).toBe(
      '<a class="underline" aria-current="page" href="/mail" data-soft-nav="">Почта</a>',
    );
  });

  it("opens its page on the client on a plain left click, the query and the fragment kept", () => {
    const markup = html(createElement(Link, { href: "/diary/12?week=2026-12-07#day-3" }, "Неделя"));
    expect(taken(markup, "/diary/12?week=2026-12-07#day-3")).toBe("/diary/12?week=2026-12-07#day-3");
  });

  it("leaves to the browser a modifier key, another button, a click already handled, a new tab, another site", () => {
    const markup = html([
      createElement(Link, { key: 1, href: "/mail" }, "Почта"),
      createElement(Link, { key: 2, href: "/documents", target: "_blank" }, "Документы"),
      createElement(Link, { key: 3, href: "https://other.example/mail" }, "Чужой сайт"),
      createElement(Link, { key: 4, href: "/finals", target: "_self" }, "Итоги"),
    ]);
    for (const k of ["metaKey", "ctrlKey", "shiftKey", "altKey"])
      expect(taken(markup, "/mail", { [k]: true })).toBe(null);
    expect(taken(markup, "/mail", { button: 1 })).toBe(null);
    expect(taken(markup, "/mail", { defaultPrevented: true })).toBe(null);
    expect(taken(markup, "/documents")).toBe(null);
    expect(taken(markup, "https://other.example/mail")).toBe(null);
    expect(taken(markup, "/finals")).toBe("/finals");
  });
});

describe("SoftNav regions and unmarked anchors (issue 22)", () => {
  it("takes every anchor inside a SoftNav, and no plain anchor outside one (an export, a file)", () => {
    const markup = html([
      createElement(SoftNav, { key: 1, as: "p" }, createElement("a", { href: "/journal?lesson=41" }, "урок")),
      createElement("a", { key: 2, href: "/people/staff/export?format=xlsx" }, "Выгрузить"),
    ]);
    expect(markup).toContain('<p data-soft-nav=""><a href="/journal?lesson=41">');
    expect(taken(markup, "/journal?lesson=41")).toBe("/journal?lesson=41");
    expect(taken(markup, "/people/staff/export?format=xlsx")).toBe(null);
  });

  it("the diary's tabs open on the client, its period report (a download) is the browser's", () => {
    const markup = html(createElement(DiaryTabs, { studentId: 12, active: "week", periodId: 3 }));
    expect(anchorsOf(markup).every((a) => a.marked)).toBe(true);
    expect(taken(markup, "/diary/12/marks")).toBe("/diary/12/marks");
    expect(taken(markup, "/diary/12/report?format=pdf&periodId=3")).toBe(null);
  });
});

describe("the one listener (issue 22)", () => {
  /** Every element of a tree whose type is `type`. */
  function elementsOf(node: ReactNode, type: unknown, found: ReactElement[] = []): ReactElement[] {
    if (Array.isArray(node)) for (const n of node) elementsOf(n, type, found);
    else if (isValidElement(node)) {
      if (node.type === type) found.push(node);
      for (const value of Object.values(node.props as Record<string, unknown>))
        elementsOf(value as ReactNode, type, found);
    }
    return found;
  }

  it("is mounted once, in the root layout, so every page's marked links have it", () => {
    const tree = RootLayout({ children: createElement("main", null, "страница") });
    expect(elementsOf(tree, SoftNavListener)).toHaveLength(1);
  });
});
