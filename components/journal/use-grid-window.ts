"use client";
// Issue 22 item 4: the grid holds a window of the period's lessons (lib/journal/grid-window.ts); when
// the teacher scrolls (or moves with the keyboard) to its left or right edge, the next step of lessons
// comes from GET /api/journal/grid and is added in place — the active cell and what is on screen stay
// where they were. The buttons beside the grid say what is not loaded yet and load it on a click.
import { useCallback, useLayoutEffect, useRef, useState, type Dispatch, type RefObject } from "react";
import type { GridView } from "@/lib/journal/grid";
import { mergeWindow, type PackedWindow } from "@/lib/journal/grid-window";
import type { Col, GridAction, Pos } from "./grid-state";

type Dir = "before" | "after";
/** How close to an edge (px) the scroll must come to load the next lessons. */
const EDGE = 160;

export function useGridWindow(p: {
  query: string | null;
  view: GridView;
  setView: Dispatch<(v: GridView) => GridView>;
  boxRef: RefObject<HTMLDivElement | null>;
  cols: Col[];
  pos: Pos;
  dispatch: Dispatch<GridAction>;
  setNotice: (text: string | null) => void;
}) {
  const { query, view, setView, boxRef, cols, pos, dispatch, setNotice } = p;
  const [loading, setLoading] = useState<Dir | null>(null);
  const busy = useRef(false);
  const hidden = view.hidden;

  const load = useCallback(
    async (dir: Dir) => {
      const first = view.lessons[0];
      const last = view.lessons[view.lessons.length - 1];
      if (busy.current || !query || !hidden || !first || hidden[dir] === 0) return;
      busy.current = true;
      setLoading(dir);
      const url = `/api/journal/grid?${query}&from=${first.id}&to=${last.id}&dir=${dir}`;
      const res = await fetch(url).catch(() => null);
      const body = res
        ? ((await res.json().catch(() => null)) as { ok: boolean; data?: PackedWindow; message?: string } | null)
        : null;
      if (body?.ok && body.data) {
        const step = body.data;
        setView((v) => mergeWindow(v, step, dir));
      } else setNotice(body?.message ?? "Не удалось загрузить уроки: нет связи с сервером");
      busy.current = false;
      setLoading(null);
    },
    [query, view.lessons, hidden, setView, setNotice],
  );

  // Lessons added at the start push the columns right: the active cell follows its column and the
  // scroll position keeps what was on screen.
  const firstCol = useRef<{ id: string; width: number } | null>(null);
  useLayoutEffect(() => {
    const box = boxRef.current;
    const before = firstCol.current;
    firstCol.current = cols[0] ? { id: cols[0].id, width: box?.scrollWidth ?? 0 } : null;
    if (!before || !cols[0] || cols[0].id === before.id) return;
    const shift = cols.findIndex((c) => c.id === before.id);
    if (shift <= 0) return;
    if (box) box.scrollLeft += box.scrollWidth - before.width;
    dispatch({ type: "goto", row: pos.row, col: pos.col + shift });
    // Only the columns' change matters here; the position is read as it was before it.
  }, [cols]);

  // Only a horizontal scroll toward an edge loads (moving down the rows scrolls too).
  const lastLeft = useRef<number | null>(null);
  const onScroll = useCallback(() => {
    const box = boxRef.current;
    if (!box || !hidden) return;
    const left = box.scrollLeft;
    if (left === lastLeft.current) return;
    lastLeft.current = left;
    if (left < EDGE && hidden.before > 0) void load("before");
    else if (left + box.clientWidth > box.scrollWidth - EDGE && hidden.after > 0) void load("after");
  }, [boxRef, hidden, load]);

  return { hidden, loading, load, onScroll };
}
