// DAY-4: on a phone the main menu is a bottom bar of the role's first four menu items and «Ещё» —
// the same list the header's menu draws (DAY-7), cut at four; the current page's item is marked.
import { describe, expect, it } from "vitest";
import { MATRIX } from "@/lib/access/matrix";
import type { MatrixColumn } from "@/lib/access/roles";
import {
  NAV_ITEMS,
  PHONE_BAR,
  currentHref,
  menuOrder,
  navItemOpen,
  phoneMenuOf,
  splitMenu,
  type NavItem,
} from "@/components/layout/nav-items";

/** The menu a user holding the default rights of these matrix columns sees, as the header builds it. */
function menuOfColumns(columns: readonly MatrixColumn[], role: string) {
  const held = new Map<string, string[]>();
  for (const row of MATRIX) {
    const defaults = row.defaults as Partial<Record<MatrixColumn, string>>;
    const scopes = [...new Set(columns.map((c) => defaults[c]).filter((s): s is string => s !== undefined))];
    if (scopes.length > 0) held.set(row.key, scopes);
  }
  const open = NAV_ITEMS.filter((item) => navItemOpen(item, held as never));
  return menuOrder(open, role);
}

const hrefs = (items: readonly NavItem[]) => items.map((i) => i.href);

describe("the phone's bottom bar (DAY-4)", () => {
  const cases: [string, MatrixColumn[], string, string[]][] = [
    ["parent", ["PARENT"], "PARENT", ["/", "/diary", "/schedule", "/mail"]],
    ["student", ["STUDENT"], "STUDENT", ["/", "/diary", "/schedule", "/mail"]],
    ["teacher", ["TEACHER"], "TEACHER", ["/", "/journal", "/schedule", "/plans"]],
    [
      "class teacher (a college's curator)",
      ["TEACHER", "CLASS_TEACHER"],
      "TEACHER",
      ["/", "/journal", "/schedule", "/plans"],
    ],
    ["deputy", ["DEPUTY"], "DEPUTY", ["/", "/control", "/journal", "/journal/closing"]],
    ["administrator", ["ADMIN"], "ADMIN", ["/", "/people/staff", "/admin/access", "/org"]],
  ];
  for (const [who, columns, role, four] of cases) {
    it(`${who}: the first ${PHONE_BAR} items of the role's own menu, «Ещё» the rest in the same order`, () => {
      const ordered = menuOfColumns(columns, role);
      const { bar, more } = splitMenu(ordered);
      const phone = phoneMenuOf(ordered);
      expect(hrefs(phone.bar)).toEqual(four);
      expect([...hrefs(phone.bar), ...hrefs(phone.more)]).toEqual([...hrefs(bar), ...hrefs(more)]);
      expect(phone.more.length).toBeGreaterThan(0);
    });
  }

  it("a short menu has no «Ещё»", () => {
    const phone = phoneMenuOf(["/", "/diary", "/mail"]);
    expect(phone).toEqual({ bar: ["/", "/diary", "/mail"], more: [] });
  });

  it("a short label is the start of the full one (the link's name stays the full label)", () => {
    for (const item of NAV_ITEMS) if (item.short) expect(item.label.startsWith(item.short), item.href).toBe(true);
  });

  it("every role's four fit a fifth of a 390 px screen: at most 11 letters shown", () => {
    for (const [, columns, role] of cases) {
      for (const item of phoneMenuOf(menuOfColumns(columns, role)).bar)
        expect((item.short ?? item.label).length, item.href).toBeLessThanOrEqual(11);
    }
  });
});

describe("the current page's menu item (DAY-4)", () => {
  const menu = ["/", "/journal", "/journal/closing", "/diary", "/mail"];
  it("is the longest item the path is under; «Главная» only on the home page", () => {
    expect(currentHref("/", menu)).toBe("/");
    expect(currentHref("/diary/12/marks", menu)).toBe("/diary");
    expect(currentHref("/journal", menu)).toBe("/journal");
    expect(currentHref("/journal/closing", menu)).toBe("/journal/closing");
    expect(currentHref("/journal/attendance", menu)).toBe("/journal");
    expect(currentHref("/mail/new", menu)).toBe("/mail");
  });
  it("is none for a page outside the menu (a path merely starting with an item's letters included)", () => {
    expect(currentHref("/profile", menu)).toBeNull();
    expect(currentHref("/diaryx", menu)).toBeNull();
  });
});
