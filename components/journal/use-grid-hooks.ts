"use client";
// Pieces of the journal grid (journal-grid.tsx) in their own hooks: the cells' saves and the rows
// they touch, what happens as the grid opens and the cursor moves (DAY-3), and «+» — all present —
// on an attendance column (JRN-5).
import { useCallback, useEffect, useRef, useState, type Dispatch, type RefObject } from "react";
import type { GridView } from "@/lib/journal/grid";
import {
  applyAllPresent,
  applyConflict,
  applySaved,
  cellVersion,
  ddmm,
  resolvePlaceholder,
  type Col,
  type Pos,
} from "./grid-state";
import { useCellSaver } from "./use-cell-saver";

/** Every cell saved on its own in the background (use-cell-saver), the view updated from the answer. */
export function useGridSaves(p: {
  viewRef: RefObject<GridView>;
  setView: Dispatch<(v: GridView) => GridView>;
  setNotice: (text: string | null, atCell?: boolean) => void;
  refresh: () => void;
}) {
  const { viewRef, setView, setNotice, refresh } = p;
  // Issue 22 item 4: a save or a conflict changes one student's cells; its row's revision goes up
  // and only that row re-renders (grid-row.tsx rowPropsEqual), not the whole table.
  const [rowRev, setRowRev] = useState<ReadonlyMap<number, number>>(() => new Map());
  const touchRow = useCallback(
    (studentId: number) => setRowRev((m) => new Map(m).set(studentId, (m.get(studentId) ?? 0) + 1)),
    [],
  );
  const saver = useCellSaver({
    resolve: (ref) => resolvePlaceholder(viewRef.current, ref),
    version: (ref) => cellVersion(viewRef.current, ref),
    saved: (ref, body) => {
      setView((v) => applySaved(v, ref, body));
      touchRow(ref.studentId);
    },
    conflict: (ref, body) => {
      if (body.reload) {
        setNotice(body.message, true);
        refresh();
        return;
      }
      const current = body.current;
      if (!current) return;
      setNotice(body.message, true);
      setView((v) => applyConflict(v, ref, current));
      touchRow(ref.studentId);
    },
  });
  return { saver, rowRev };
}

export function useGridOpening(p: {
  boxRef: RefObject<HTMLDivElement | null>;
  pos: Pos;
  cols: Col[];
  hydrated: boolean;
  focusGrid: () => void;
  lessonOnly: number | null;
  /** DAY-3: the journal to reopen next time (a cookie the journal page reads for this user). */
  remember?: { cookie: string; value: string } | null;
}) {
  const { boxRef, pos, cols, hydrated, focusGrid, lessonOnly, remember } = p;
  // The first scroll shows the opening lesson whole: «nearest» alone stopped at its attendance column,
  // so today's lesson opened cut at the frame's right edge with its marks column out of view (round 24's
  // walk). Its last column is brought in first, then the active cell (which wins if both do not fit).
  const shownWhole = useRef(false);
  useEffect(() => {
    const at = (col: number) => boxRef.current?.querySelector<HTMLElement>(`[data-pos="${pos.row}:${col}"]`);
    const el = at(pos.col);
    if (!el) return;
    if (!shownWhole.current) {
      shownWhole.current = true;
      const lesson = cols[pos.col]?.lesson.id;
      let last = pos.col;
      while (lesson !== undefined && cols[last + 1]?.lesson.id === lesson) last++;
      at(last)?.scrollIntoView({ block: "nearest", inline: "nearest" });
    }
    el.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [boxRef, pos, cols, hydrated]);

  // DAY-3: the journal opens at today's column (or the period's last lesson, initialUi): the cells
  // exist only after hydration, so the effect above scrolls once they do; the keyboard focus then
  // lands in the grid (the layout's skip link «К журналу» leads here too).
  const opened = useRef(false);
  useEffect(() => {
    if (!hydrated || opened.current) return;
    opened.current = true;
    if (!lessonOnly) focusGrid();
  }, [hydrated, focusGrid, lessonOnly]);
  useEffect(() => {
    if (remember)
      document.cookie = `${remember.cookie}=${remember.value}; path=/journal; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
  }, [remember]);
}

/** «+» on an attendance column: everyone without a mark is present (the marked absences stay). */
export function useAllPresent(p: {
  cols: Col[];
  canEdit: boolean;
  setView: Dispatch<(v: GridView) => GridView>;
  setNotice: (text: string | null) => void;
}) {
  const { cols, canEdit, setView, setNotice } = p;
  return useCallback(
    async (col: number) => {
      const c = cols[col];
      if (!c || !canEdit) return;
      const res = await fetch("/api/journal/cell", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ kind: "allPresent", lessonId: c.lesson.id }),
      }).catch(() => null);
      const body = res ? ((await res.json().catch(() => null)) as { ok: boolean; message?: string } | null) : null;
      if (body?.ok) {
        setView((v) => applyAllPresent(v, c.lesson.id));
        setNotice(`${ddmm(c.lesson.date)}: все присутствуют (отмеченные пропуски сохранены)`);
      } else setNotice(body?.message ?? "Не удалось отметить: нет связи с сервером");
    },
    [cols, canEdit, setView, setNotice],
  );
}
