"use client";
// The line under the grid: what the active cell is, its save state or conflict, the mark's
// comment, and the cell's history (JRN-7) on demand.
import { type MarkKindName } from "@/lib/journal/marks";
import { useState } from "react";
import { formatAverage } from "@/lib/journal/averages";
import { cellOf, studentSummary, type GridLesson, type GridStudent, type GridView } from "@/lib/journal/grid";
import { ATTENDANCE_LABELS, markLabel, type AttendanceCodeName } from "@/lib/journal/rules";
import type { CellRef, CellStatus } from "./use-cell-saver";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { formatNumber } from "@/lib/org/vocabulary";

type Col = {
  lesson: GridLesson;
  kind: "att" | "mark";
  assignment?: { id: number; typeName: string; weight: number; description: string | null } | null;
};

type Change = {
  id: string;
  at: string;
  user: string;
  oldValue: unknown;
  newValue: unknown;
  reason: string | null;
  entity: string;
};

function describe(value: unknown): string {
  if (value === null || value === undefined) return "пусто";
  const v = value as {
    kind?: MarkKindName;
    value?: number | null;
    isHospital?: boolean;
    comment?: string | null;
    code?: AttendanceCodeName;
    missedHours?: number | null;
    topic?: string | null;
    text?: string;
    allPresent?: boolean;
    typeId?: number;
  };
  if (v.kind)
    return `${markLabel({ kind: v.kind, value: v.value ?? null })}${v.isHospital ? " (больница)" : ""}${v.comment ? ` — «${v.comment}»` : ""}`;
  if (v.code) return `${ATTENDANCE_LABELS[v.code]}${v.missedHours ? `, ${formatNumber(v.missedHours)} ч.` : ""}`;
  if (v.allPresent) return "все присутствуют";
  if (v.topic !== undefined) return `тема «${v.topic ?? ""}»`;
  if (v.text !== undefined) return `д/з «${v.text}»`;
  if (v.typeId !== undefined) return "задание добавлено";
  return JSON.stringify(value);
}

const dt = (iso: string) =>
  new Intl.DateTimeFormat("ru-RU", {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  })
    .format(new Date(iso))
    .replace(",", "");

export function CellBar(props: {
  view: GridView;
  col: Col | null;
  student: GridStudent | null;
  cellRef: CellRef | null;
  status: CellStatus | undefined;
  notice: string | null;
  canEditComment: boolean;
  onComment: (comment: string | null) => void;
  onCloseNotice: () => void;
}) {
  const { view, col, student, cellRef } = props;
  const [history, setHistory] = useState<{ key: string; rows: Change[] | null; error?: string } | null>(null);
  const [comment, setComment] = useState<{ key: string; text: string } | null>(null);
  if (!col || !student || !cellRef) return null;
  const key = `${cellRef.kind}:${cellRef.lessonId}:${cellRef.studentId}:${cellRef.kind === "mark" ? cellRef.assignmentId : ""}`;
  const mark =
    cellRef.kind === "mark" && cellRef.assignmentId !== null
      ? cellOf(view.marks, cellRef.assignmentId, student.id)
      : undefined;
  const summary = studentSummary(view, student.id);

  const loadHistory = async () => {
    const params = new URLSearchParams({
      kind: cellRef.kind,
      lessonId: String(cellRef.lessonId),
      studentId: String(cellRef.studentId),
    });
    if (cellRef.kind === "mark") {
      if (cellRef.assignmentId === null) {
        setHistory({ key, rows: [] });
        return;
      }
      params.set("assignmentId", String(cellRef.assignmentId));
    }
    setHistory({ key, rows: null });
    const res = await fetch(`/api/journal/history?${params}`).catch(() => null);
    const body = res
      ? ((await res.json().catch(() => null)) as { ok: boolean; data?: Change[]; message?: string } | null)
      : null;
    setHistory(
      body?.ok ? { key, rows: body.data ?? [] } : { key, rows: [], error: body?.message ?? "Нет связи с сервером" },
    );
  };

  return (
    <div className="space-y-1 rounded border border-slate-200 bg-slate-50 px-3 py-2 text-xs">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <span className="font-medium">{student.name}</span>
        <span>
          {col.lesson.date.split("-").reverse().join(".")} ·{" "}
          {col.kind === "att"
            ? "посещаемость"
            : col.assignment
              ? `${col.assignment.typeName}, вес ${formatNumber(col.assignment.weight)}`
              : "отметка (задание «Ответ на уроке»)"}
        </span>
        {summary.average !== null && (
          <span>
            ср. {formatAverage(summary.average)} → <b>{summary.forecast.current}</b>
            {summary.forecast.next && summary.forecast.needed.some((n) => n.count) && (
              <span className="text-slate-500">
                {" "}
                (до «{summary.forecast.next}»:{" "}
                {summary.forecast.needed
                  .filter((n) => n.count)
                  .map((n) => `${n.count}×«${n.value}»`)
                  .join(" или ")}
                )
              </span>
            )}
          </span>
        )}
        {props.status?.message && (
          <span
            className={props.status.state === "conflict" ? "font-medium text-orange-700" : "font-medium text-red-700"}
          >
            {props.status.message}
          </span>
        )}
        <span className="ml-auto flex gap-2">
          {cellRef.kind === "mark" && mark && props.canEditComment && (
            <Button
              variant="secondary"
              size="sm"
              type="button"
              onClick={() => setComment({ key, text: mark.comment ?? "" })}
            >
              Комментарий
            </Button>
          )}
          <Button variant="secondary" size="sm" type="button" onClick={() => void loadHistory()}>
            История ячейки
          </Button>
        </span>
      </div>
      {props.notice && (
        <div className="flex items-center gap-2 text-slate-700">
          <span>{props.notice}</span>
          <Button variant="ghost" type="button" aria-label="Скрыть" onClick={props.onCloseNotice}>
            ×
          </Button>
        </div>
      )}
      {mark?.comment && <div className="text-slate-600">Комментарий: {mark.comment}</div>}
      {comment && comment.key === key && (
        <form
          className="flex items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            props.onComment(comment.text.trim() || null);
            setComment(null);
          }}
        >
          <label className="flex flex-1 items-center gap-2">
            Комментарий к отметке
            <Input
              className="flex-1"
              autoFocus
              maxLength={500}
              value={comment.text}
              onChange={(e) => setComment({ key, text: e.target.value })}
            />
          </label>
          <Button size="sm" type="submit">
            Сохранить
          </Button>
          <Button variant="ghost" type="button" onClick={() => setComment(null)}>
            Отмена
          </Button>
        </form>
      )}
      {history && history.key === key && (
        <div className="rounded border border-slate-200 bg-white p-2" aria-label="История ячейки">
          {history.rows === null ? (
            "Загрузка…"
          ) : history.error ? (
            <span className="text-red-700">{history.error}</span>
          ) : history.rows.length === 0 ? (
            "Изменений нет (значение внесено при начальной загрузке или ячейка пуста)."
          ) : (
            <table className="w-full text-left">
              <thead>
                <tr className="text-slate-500">
                  <th className="pr-3 font-normal">Когда</th>
                  <th className="pr-3 font-normal">Кто</th>
                  <th className="pr-3 font-normal">Было</th>
                  <th className="pr-3 font-normal">Стало</th>
                  <th className="font-normal">Причина</th>
                </tr>
              </thead>
              <tbody>
                {history.rows.map((r) => (
                  <tr key={r.id} className="border-t border-slate-100">
                    <td className="pr-3 tabular-nums">{dt(r.at)}</td>
                    <td className="pr-3">{r.user}</td>
                    <td className="pr-3">{describe(r.oldValue)}</td>
                    <td className="pr-3">{describe(r.newValue)}</td>
                    <td>{r.reason ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}
