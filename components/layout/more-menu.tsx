"use client";
// The «Ещё» drop-down of the main menu (DAY-7). A bare <details> stays open after a client-side
// navigation (the layout is not re-rendered) and then covers the new page's controls: this one
// closes when the path changes, on Escape and on a click (a tap) outside it.
// In the header (sm and up) the panel opens below «Ещё»; in the phone's bottom bar (DAY-4, `up`) it
// opens upward over the page, spans the bar's width, and scrolls inside itself when the list is
// longer than the screen (an administrator's is ≈ 1,000 px), so its end is above the bar. The phone's
// list is drawn only while it is open: every page's HTML would otherwise carry the whole menu a second
// time (the header's copy is there for `sm` and up), ≈ 2 ms of server time per page (issue 22).
import { useEffect, useRef, useState, type ReactNode } from "react";
import { usePathname } from "next/navigation";

type MoreMenuProps = {
  children: ReactNode;
  /** The phone bar's menu: opens upward, scrolls inside itself. */
  up?: boolean;
  summary?: ReactNode;
  summaryClassName?: string;
};

const HEADER_SUMMARY = "cursor-pointer list-none text-slate-700 hover:text-blue-700";

export function MoreMenu({ children, up = false, ...look }: MoreMenuProps) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);

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
      <div
        className={
          up
            ? "absolute inset-x-2 bottom-full z-50 mb-2 max-h-[calc(100dvh-5rem-env(safe-area-inset-bottom))] space-y-2 overflow-y-auto overscroll-contain rounded border border-slate-200 bg-white p-3 shadow-lg"
            : "absolute inset-x-2 z-50 mt-1 space-y-2 sm:inset-x-auto sm:left-0 sm:w-72 rounded border border-slate-200 bg-white p-3 shadow-lg"
        }
      >
        {!up || open ? children : null}
      </div>
    </details>
  );
}
