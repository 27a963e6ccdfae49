"use client";
// The «Ещё» drop-down of the main menu (DAY-7). A bare <details> stays open after a client-side
// navigation (the layout is not re-rendered) and then covers the new page's controls: this one
// closes when the path changes, on Escape and on a click (a tap) outside it.
// In the header (sm and up) the panel opens below «Ещё»; in the phone's bottom bar (DAY-4, `up`) it
// opens upward over the page, spans the bar's width, and scrolls inside itself when the list is
// longer than the screen (an administrator's is ≈ 1,000 px), so its end is above the bar. Both lists (the
// header's and the phone's) are drawn only while open: every page's HTML carried the menu's rest once per
// menu, ≈ 1–2 ms of server time per page (issue 22 item 1, rounds 17 and 18). A tap before hydration opens
// the bare <details> (no panel yet): `open` is read from the element on mount, so the list appears then.
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { usePathname } from "next/navigation";
import { NAV_GROUPS, type MenuEntry } from "./nav-items";

type MoreMenuProps = {
  children: ReactNode;
  /** The phone bar's menu: opens upward, scrolls inside itself. */
  up?: boolean;
  summary?: ReactNode;
  summaryClassName?: string;
};

/**
 * «Ещё» open looks like the menu's current item (DAY-7): the phone bar's aria-current cell is
 * `font-semibold text-blue-700`; the header's items have no current look, so there the colour only (bold
 * would widen «Ещё» at the end of a full line and could wrap it). Styled from the element's own `open`
 * attribute ([open] > summary) — the state a screen reader hears as «expanded» — so it holds before
 * hydration too (a tap then opens the bare <details>). Before round 20 «Ещё» looked the same open and closed.
 */
export const OPEN_SUMMARY = "[[open]>&]:text-blue-700";
export const OPEN_CELL = "[[open]>&]:font-semibold [[open]>&]:text-blue-700";

const HEADER_SUMMARY = `cursor-pointer list-none text-slate-700 hover:text-blue-700 ${OPEN_SUMMARY}`;

export function MoreMenu({ children, up = false, ...look }: MoreMenuProps) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  const [open, setOpen] = useState(false);

  // Closed when the path changes (not on mount); and on mount the list follows the element: a <details>
  // tapped open before hydration fired its toggle event before React listened for it.
  const shownAt = useRef(pathname);
  useEffect(() => {
    const details = ref.current;
    if (!details) return;
    if (shownAt.current !== pathname) {
      shownAt.current = pathname;
      details.open = false;
    }
    setOpen(details.open);
  }, [pathname]);

  // The header's panel opens under «Ещё», rightwards; where «Ещё» ends a long line near the screen's right
  // edge (an administrator's menu at 1024 px: 855 + 288 px) it ran off the screen — then it opens leftwards.
  const panel = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const box = panel.current;
    if (!open || up || !box) return;
    if (box.getBoundingClientRect().right > document.documentElement.clientWidth) {
      box.style.left = "auto";
      box.style.right = "0";
    }
  }, [open, up]);

  useEffect(() => {
    const close = (event: Event) => {
      const details = ref.current;
      if (!details?.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== "Escape") return;
        details.open = false;
        details.querySelector("summary")?.focus();
        return;
      }
      if (!details.contains(event.target as Node)) details.open = false;
    };
    document.addEventListener("click", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("click", close);
      document.removeEventListener("keydown", close);
    };
  }, []);

  return (
    <details ref={ref} className={up ? undefined : "sm:relative"} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className={look.summaryClassName ?? HEADER_SUMMARY}>{look.summary ?? "Ещё ▾"}</summary>
      {open && (
        <div
          ref={panel}
          className={
            up
              ? "absolute inset-x-2 bottom-full z-50 mb-2 max-h-[calc(100dvh-5rem-env(safe-area-inset-bottom))] space-y-2 overflow-y-auto overscroll-contain rounded border border-slate-200 bg-white p-3 shadow-lg"
              : "absolute inset-x-2 z-50 mt-1 space-y-2 sm:inset-x-auto sm:left-0 sm:w-72 rounded border border-slate-200 bg-white p-3 shadow-lg"
          }
        >
          {children}
        </div>
      )}
    </details>
  );
}

/** «Ещё»'s list: the items by menu section, each section under its name. */
export function MenuGroups({
  items,
  badge,
  current = null,
  linkClassName,
}: {
  items: readonly MenuEntry[];
  /** What follows «Почта» (the unread count). */
  badge: ReactNode;
  /** The current page's item: marked aria-current. */
  current?: string | null;
  linkClassName: string;
}) {
  return NAV_GROUPS.map((group) => {
    const inGroup = items.filter((item) => item.group === group);
    if (inGroup.length === 0) return null;
    return (
      <div key={group}>
        <p className="text-[11px] uppercase tracking-wide text-slate-500">{group}</p>
        <ul>
          {inGroup.map((item) => (
            <li key={item.href}>
              <a className={linkClassName} aria-current={item.href === current ? "page" : undefined} href={item.href}>
                {item.label}
                {item.href === "/mail" && badge}
              </a>
            </li>
          ))}
        </ul>
      </div>
    );
  });
}
