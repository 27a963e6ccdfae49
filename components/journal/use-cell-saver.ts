"use client";
// Background saving of grid cells (JRN-5, NFR-3): every typed cell is queued and POSTed on its own
// to /api/journal/cell with the version it was loaded with. The queue sends one request at a time
// (so a lesson's first assignment is created once, and later cells of that column use it), keeps
// the newest value per cell, marks a cell saving / saved / failed / conflict / error, and retries
// failed cells (network drop, server error) with a growing delay and when the browser is online again.
import { useCallback, useEffect, useRef, useState } from "react";
import type { CellResponse } from "@/lib/journal/cells";

export type CellRef =
  | { kind: "mark"; lessonId: number; studentId: number; assignmentId: number | null; typeId: number | null }
  | { kind: "attendance"; lessonId: number; studentId: number };

export type CellStatus = {
  state: "saving" | "saved" | "failed" | "conflict" | "error";
  /** The value typed and not yet stored (shown in the cell meanwhile). */
  pending?: string;
  message?: string;
};

export function cellKey(ref: CellRef): string {
  if (ref.kind === "attendance") return `a:${ref.lessonId}:${ref.studentId}`;
  return ref.assignmentId === null ? `p:${ref.lessonId}:${ref.studentId}` : `m:${ref.assignmentId}:${ref.studentId}`;
}

type Item = { ref: CellRef; input: string; comment?: string | null; attempt: number };

export type SaverHooks = {
  /** Resolves a placeholder column to the assignment created meanwhile. */
  resolve: (ref: CellRef) => CellRef;
  version: (ref: CellRef) => number;
  saved: (ref: CellRef, body: Extract<CellResponse, { ok: true }>) => void;
  conflict: (ref: CellRef, body: Extract<CellResponse, { ok: false }>) => void;
};

const RETRY_MS = [1500, 3000, 6000, 10000, 15000];

export function useCellSaver(hooks: SaverHooks) {
  const hooksRef = useRef(hooks);
  useEffect(() => {
    hooksRef.current = hooks;
  });
  const [statuses, setStatuses] = useState<Record<string, CellStatus>>({});
  const pending = useRef(new Map<string, Item>());
  const queue = useRef<string[]>([]);
  const busy = useRef(false);
  // What the server told us, ahead of the grid's next render: versions per cell and the
  // assignment created for a lesson's placeholder column (so the next cell of it uses it).
  const versions = useRef(new Map<string, number>());
  const created = useRef(new Map<number, number>());

  const setStatus = useCallback((key: string, status: CellStatus | null) => {
    setStatuses((prev) => {
      const next = { ...prev };
      if (status) next[key] = status;
      else delete next[key];
      return next;
    });
  }, []);

  const process = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      while (queue.current.length > 0) {
        const key = queue.current.shift()!;
        const item = pending.current.get(key);
        if (!item) continue;
        let ref = hooksRef.current.resolve(item.ref);
        if (ref.kind === "mark" && ref.assignmentId === null && created.current.has(ref.lessonId)) {
          ref = { ...ref, assignmentId: created.current.get(ref.lessonId)! };
        }
        const version = versions.current.get(cellKey(ref)) ?? hooksRef.current.version(ref);
        const payload =
          ref.kind === "mark"
            ? {
                kind: "mark",
                lessonId: ref.lessonId,
                studentId: ref.studentId,
                assignmentId: ref.assignmentId,
                typeId: ref.typeId,
                input: item.input,
                version,
                ...(item.comment !== undefined ? { comment: item.comment } : {}),
              }
            : { kind: "attendance", lessonId: ref.lessonId, studentId: ref.studentId, input: item.input, version };
        let response: Response | null = null;
        let body: CellResponse | null = null;
        try {
          response = await fetch("/api/journal/cell", {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify(payload),
            cache: "no-store",
          });
          body = (await response.json()) as CellResponse;
        } catch {
          body = null;
        }
        const newer = pending.current.get(key) !== item;
        if (!body || (response && response.status >= 500)) {
          // Network drop or server error: keep the value, mark the cell and try again later.
          const attempt = item.attempt + 1;
          if (!newer) {
            item.attempt = attempt;
            setStatus(key, {
              state: "failed",
              pending: item.input,
              message: "Не сохранено: нет связи с сервером. Повторяю…",
            });
          }
          const delay = RETRY_MS[Math.min(attempt - 1, RETRY_MS.length - 1)];
          setTimeout(() => {
            if (!queue.current.includes(key)) queue.current.push(key);
            void process();
          }, delay);
          continue;
        }
        if (!newer) pending.current.delete(key);
        if (body.ok) {
          const doneRef =
            ref.kind === "mark" && ref.assignmentId === null && body.assignmentId
              ? { ...ref, assignmentId: body.assignmentId }
              : ref;
          if (
            doneRef.kind === "mark" &&
            ref.kind === "mark" &&
            ref.assignmentId === null &&
            doneRef.assignmentId !== null
          ) {
            created.current.set(ref.lessonId, doneRef.assignmentId);
          }
          versions.current.set(cellKey(doneRef), body.version);
          hooksRef.current.saved(ref, body);
          const doneKey = cellKey(doneRef);
          if (newer) {
            if (!queue.current.includes(key)) queue.current.push(key);
          } else {
            if (doneKey !== key) setStatus(key, null);
            setStatus(doneKey, { state: "saved" });
            setTimeout(
              () =>
                setStatuses((prev) =>
                  prev[doneKey]?.state === "saved" ? (({ [doneKey]: _gone, ...rest }) => rest)(prev) : prev,
                ),
              1500,
            );
          }
        } else if (body.code === "CONFLICT") {
          if (body.current) versions.current.set(cellKey(ref), body.current.version);
          hooksRef.current.conflict(ref, body);
          if (!newer) setStatus(key, { state: "conflict", message: body.message });
          else if (!queue.current.includes(key)) queue.current.push(key);
        } else if (!newer) {
          setStatus(key, { state: "error", message: body.message });
        } else if (!queue.current.includes(key)) {
          queue.current.push(key);
        }
      }
    } finally {
      busy.current = false;
    }
  }, [setStatus]);

  const enqueue = useCallback(
    (ref: CellRef, input: string, comment?: string | null) => {
      const key = cellKey(ref);
      pending.current.set(key, { ref, input, comment, attempt: 0 });
      setStatus(key, { state: "saving", pending: input });
      if (!queue.current.includes(key)) queue.current.push(key);
      void process();
    },
    [process, setStatus],
  );

  useEffect(() => {
    const online = () => {
      for (const key of pending.current.keys()) if (!queue.current.includes(key)) queue.current.push(key);
      void process();
    };
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (pending.current.size > 0) e.preventDefault();
    };
    window.addEventListener("online", online);
    window.addEventListener("beforeunload", beforeUnload);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("beforeunload", beforeUnload);
    };
  }, [process]);

  const dismiss = useCallback((key: string) => setStatus(key, null), [setStatus]);

  return { statuses, enqueue, dismiss, pendingCount: () => pending.current.size };
}
