"use client";
// The «Ещё» drop-down of the main menu (DAY-7). A bare <details> stays open after a client-side
// navigation (the layout is not re-rendered) and then covers the new page's controls: this one
// closes when the path changes, on Escape and on a click outside it. On a phone the panel spans the
// screen's width below «Ещё» (placed against the page, not the «Ещё» item: «Ещё» sits at the end of
// the menu's last line, and a 288 px panel from there ran past a 390 px screen's edge); it scrolls
// with the page, so an administrator's long list is read to its end.
import { useEffect, useRef, type ReactNode } from "react";
import { usePathname } from "next/navigation";

export function MoreMenu({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();

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
    <details ref={ref} className="sm:relative">
      <summary className="cursor-pointer list-none text-slate-700 hover:text-blue-700">Ещё ▾</summary>
      <div className="absolute inset-x-2 z-50 mt-1 space-y-2 sm:inset-x-auto sm:left-0 sm:w-72 rounded border border-slate-200 bg-white p-3 shadow-lg">
        {children}
      </div>
    </details>
  );
}
