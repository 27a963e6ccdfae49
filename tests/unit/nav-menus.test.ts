// The layout's menus on every page (DAY-4, DAY-7; issue 22 item 1): the header is ONE SoftNav
// (components/ui/soft-nav.tsx) around plain anchors — the brand, the menu's line, the phone's bar, the
// profile — whose links the app's one listener opens on the client; both menus get ONE list of hrefs (React's flight wrote
// the repeated bar and «Ещё» arrays once by reference already: the bytes barely move, the props are one);
// neither «Ещё» list is in the HTML until it is opened.
import { createElement, isValidElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MATRIX, type Scope } from "@/lib/access/matrix";
import type { CurrentUser } from "@/lib/auth/session";
import { NAV_ITEMS, menuOrder, navItemOpen } from "@/components/layout/nav-items";
import { anchorsOf, clickAnchor } from "../support/soft-click";

let pathname = "/journal";
vi.mock("next/navigation", () => ({ usePathname: () => pathname }));

/** The default rights of the TEACHER column of the matrix, as the gate hands them to the header. */
function teacherHeld(): Map<string, Scope[]> {
  const held = new Map<string, Scope[]>();
  for (const row of MATRIX) {
    const scope = (row.defaults as Partial<Record<string, Scope>>).TEACHER;
    if (scope !== undefined) held.set(row.key, [scope]);
  }
  return held;
}
vi.mock("@/lib/access/loaders", () => ({ heldPermissions: async () => teacherHeld() }));
vi.mock("@/lib/messages/mail/loaders", () => ({ loadUnreadCount: async () => 2 }));
vi.mock("@/components/messages/unread-badge", () => ({
  UnreadBadge: () => createElement("span", { "data-testid": "unread-badge" }, "2"),
}));
vi.mock("@/components/auth/sign-out-button", () => ({ SignOutButton: () => createElement("button", null, "Выйти") }));

const { AppHeader } = await import("@/components/layout/app-header");
const { AppFooter } = await import("@/components/layout/app-footer");
const { SoftNav } = await import("@/components/ui/soft-nav");

const user: CurrentUser = {
  id: 7,
  organisationId: 1,
  login: "teacher",
  fullName: "Иванова Мария Петровна",
  shortName: "Иванова М. П.",
  roles: ["TEACHER"],
  mustChangePassword: false,
  sessionId: "s",
  orgKind: "SCHOOL",
  orgName: "Школа № 1",
  timeZone: "Europe/Moscow",
};

const teacherMenu = menuOrder(
  NAV_ITEMS.filter((item) => navItemOpen(item, teacherHeld())),
  "TEACHER",
).map((item) => item.href);

const count = (text: string, part: string) => text.split(part).length - 1;

/** Every element of a server-rendered tree whose type is `type` (client components stay unrendered). */
function elementsOf(node: ReactNode, type: unknown, found: ReactElement[] = []): ReactElement[] {
  if (Array.isArray(node)) for (const n of node) elementsOf(n, type, found);
  else if (isValidElement(node)) {
    if (node.type === type) found.push(node);
    const props = node.props as Record<string, unknown>;
    for (const value of Object.values(props)) elementsOf(value as ReactNode, type, found);
  }
  return found;
}

describe("the layout's header and menus (issue 22 item 1)", () => {
  afterEach(() => {
    pathname = "/journal";
  });

  it("hands both menus ONE list of hrefs (not the bar and «Ещё» to each)", async () => {
    const flight = JSON.stringify(await AppHeader({ user }));
    expect(teacherMenu.length).toBeGreaterThan(12); // the header's eight, «Ещё» the rest
    for (const href of teacherMenu.filter((h) => h !== "/")) expect(count(flight, `"${href}"`), href).toBe(1);
  });

  it("draws both menus as plain anchors, neither «Ещё» list until it is opened", async () => {
    const html = renderToStaticMarkup(await AppHeader({ user }));
    expect(count(html, 'aria-label="Основное меню"')).toBe(2);
    // the brand, the header's eight, the phone's four, the profile: «Ещё»'s items are not in the page
    expect(count(html, "<a ")).toBe(1 + 8 + 4 + 1);
    expect(html).not.toContain('href="/org/load"');
    expect(count(html, "<details")).toBe(2);
    expect(html).not.toContain("<details open");
    // the current page marked in the phone's bar; the unread count on the header's «Почта» and the phone's «Ещё»
    expect(html).toMatch(/<a aria-current="page" class="[^"]*" href="\/journal">/);
    expect(count(html, 'data-testid="unread-badge"')).toBe(1);
    expect(html).toContain("непрочитанных письма");
  });

  it("opens every header link on the client on a plain left click, and leaves a Ctrl+click to the browser", async () => {
    const header = (await AppHeader({ user })) as ReactElement<{ as: string }>;
    expect(header.type).toBe(SoftNav);
    expect(header.props.as).toBe("header");
    const html = renderToStaticMarkup(header);
    expect(html).toMatch(/^<header class="[^"]*" data-soft-nav="">/);
    const hrefs = anchorsOf(html).map((a) => a.attrs.href);
    expect(hrefs).toEqual(expect.arrayContaining(["/", "/journal", "/profile"]));
    for (const href of hrefs) {
      const { preventDefault, push } = clickAnchor(html, href);
      expect(preventDefault, href).toHaveBeenCalled();
      expect(push).toHaveBeenCalledWith(href);
    }
    const ctrl = clickAnchor(html, "/journal", { ctrlKey: true });
    expect(ctrl.preventDefault).not.toHaveBeenCalled();
    expect(ctrl.push).not.toHaveBeenCalled();
  });

  it("the footer's links are plain anchors in one SoftNav too", () => {
    const footer = AppFooter();
    expect(elementsOf(footer, SoftNav)).toHaveLength(1);
    const html = renderToStaticMarkup(footer);
    expect(html).toContain(
      '<nav aria-label="Нормативные документы" class="flex flex-wrap gap-x-4 gap-y-1" data-soft-nav=""><a class="hover:text-blue-700 hover:underline" href="/documents/regulation">',
    );
    const { preventDefault, push } = clickAnchor(html, "/documents");
    expect(preventDefault).toHaveBeenCalled();
    expect(push).toHaveBeenCalledWith("/documents");
  });
});
