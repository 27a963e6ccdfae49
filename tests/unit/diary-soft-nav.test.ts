// The diary's menus open their links on the client (components/ui/soft-nav.tsx, issue 22 item 5) exactly
// when next/link would: a plain left click on a link of this site — never a download, a new tab or window,
// another site, or a click something else already handled.
import { describe, expect, it } from "vitest";
import { opensOnClient } from "@/components/ui/soft-nav";

const origin = "https://journal.example";
const link = (href: string, attrs: Record<string, string> = {}) =>
  ({
    href: new URL(href, origin).href,
    getAttribute: (n: string) => attrs[n] ?? null,
    hasAttribute: (n: string) => n in attrs,
  }) as unknown as HTMLAnchorElement;
const click = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, defaultPrevented: false };

describe("the diary's menus: which clicks open on the client (DAY-4)", () => {
  it("a plain left click on a page of this site", () => {
    expect(opensOnClient(link("/diary/12?day=2026-12-07"), click, origin)).toBe(true);
    expect(opensOnClient(link("/diary/12/marks", { target: "_self" }), click, origin)).toBe(true);
  });

  it("not with a modifier key or another button (a new tab or window), nor when already handled", () => {
    for (const k of ["metaKey", "ctrlKey", "shiftKey", "altKey"] as const)
      expect(opensOnClient(link("/diary/12"), { ...click, [k]: true }, origin)).toBe(false);
    expect(opensOnClient(link("/diary/12"), { ...click, button: 1 }, origin)).toBe(false);
    expect(opensOnClient(link("/diary/12"), { ...click, defaultPrevented: true }, origin)).toBe(false);
  });

  it("not a download (the period report), a link to a new tab, or another site", () => {
    expect(opensOnClient(link("/diary/12/report?format=pdf", { download: "" }), click, origin)).toBe(false);
    expect(opensOnClient(link("/diary/12", { target: "_blank" }), click, origin)).toBe(false);
    expect(opensOnClient(link("https://other.example/diary/12"), click, origin)).toBe(false);
  });
});
