// The app's ONE soft navigation (issue 22 items 1, 5 and 7): every link is a plain server-rendered anchor,
// and ONE listener mounted in the root layout (soft-nav-listener.tsx) opens a clicked page on the client
// (router.push, as next/link did on a click) when the anchor is marked — by the app's Link
// (components/ui/link.tsx), which marks the anchor itself, or by being inside a SoftNav, which marks a
// whole menu (the layout's header and footer, the diary's menus, the journal picker's links). next/link
// made each link a client component of its own: a reference and a props object in the page's flight and
// its hooks in the HTML render (≈ 25 µs per link, round 16's profile); a mark is one attribute. Nothing is
// prefetched. Only marked anchors are taken over: a plain <a> (a file, a route handler's export) stays the
// browser's. Server-safe: no hooks here, so a SoftNav or a Link costs a server component nothing more than
// its element.
import type { HTMLAttributes } from "react";

/** The attribute that puts an anchor — itself, or any element around it — under the app's soft navigation. */
export const SOFT_NAV = "data-soft-nav";

type Click = Pick<globalThis.MouseEvent, "button" | "metaKey" | "ctrlKey" | "shiftKey" | "altKey" | "defaultPrevented">;

/** Whether a click on `a` is one next/link took over: a plain left click on a link of this site. */
export function opensOnClient(a: HTMLAnchorElement, e: Click, origin: string): boolean {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return false;
  const target = a.getAttribute("target");
  if ((target && target !== "_self") || a.hasAttribute("download")) return false;
  return new URL(a.href, origin).origin === origin;
}

/**
 * The address a click opens on the client, or null when the browser keeps the click: the clicked anchor
 * must be marked (SOFT_NAV on it or around it) and the click one next/link took over (opensOnClient).
 */
export function softHref(e: Click & { target: EventTarget | null }, origin: string): string | null {
  const a = (e.target as Partial<Element> | null)?.closest?.("a") as HTMLAnchorElement | null | undefined;
  if (!a || !a.closest(`[${SOFT_NAV}]`) || !opensOnClient(a, e, origin)) return null;
  const url = new URL(a.href, origin);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The listener's work for one click: push the page it opens, and keep the browser from loading it. */
export function softClick(
  e: Click & { target: EventTarget | null; preventDefault(): void },
  origin: string,
  push: (href: string) => void,
): void {
  const href = softHref(e, origin);
  if (href === null) return;
  e.preventDefault();
  push(href);
}

/** A menu of plain anchors, all opened on the client. The element and its attributes are the caller's. */
export function SoftNav({
  as: Tag = "nav",
  ...props
}: { as?: "nav" | "div" | "p" | "header" } & HTMLAttributes<HTMLElement>) {
  return <Tag {...props} data-soft-nav="" />;
}
