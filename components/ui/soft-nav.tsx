"use client";
// Menus of plain anchors (issue 22 items 1, 2 and 5): ONE client component per menu in place of a next/link per
// link. Its links are plain server-rendered anchors; a click on one of them opens the page on the client
// (router.push, as next/link does on a click), so the menus still navigate without reloading — next/link
// made each link a client component of its own (a reference and a props object in the page's flight, and
// its hooks in the HTML render). Used by the diary's menus (DAY-4, DRY-5), the journal page's picker and club
// links, and the layout's header — its brand, the main menu, the phone's bar and the profile link in one
// (components/layout/app-header.tsx) — and footer. Like the app's Link (components/ui/link.tsx), nothing is
// prefetched. The element and its attributes are the caller's (`nav`, `div`, `p` or `header`): the HTML is
// the same as with next/link — the callers write each anchor's `href` last, where next/link puts it.
import { useRouter } from "next/navigation";
import type { HTMLAttributes, MouseEvent } from "react";

/** Whether a click on `a` is one next/link takes over: a plain left click on a link of this site. */
export function opensOnClient(
  a: HTMLAnchorElement,
  e: Pick<globalThis.MouseEvent, "button" | "metaKey" | "ctrlKey" | "shiftKey" | "altKey" | "defaultPrevented">,
  origin: string,
): boolean {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return false;
  const target = a.getAttribute("target");
  if ((target && target !== "_self") || a.hasAttribute("download")) return false;
  return new URL(a.href, origin).origin === origin;
}

export function SoftNav({
  as: Tag = "nav",
  ...props
}: { as?: "nav" | "div" | "p" | "header" } & HTMLAttributes<HTMLElement>) {
  const router = useRouter();
  const onClick = (e: MouseEvent<HTMLElement>) => {
    const a = (e.target as Element).closest("a");
    if (!a || !e.currentTarget.contains(a) || !opensOnClient(a, e, location.origin)) return;
    e.preventDefault();
    const url = new URL(a.href, location.origin);
    router.push(`${url.pathname}${url.search}${url.hash}`);
  };
  return <Tag {...props} onClick={onClick} />;
}
