"use client";
// The finals sheet (FIN-1…FIN-4): one row per student, the period's average to two decimals and the
// recommended mark next to it (FIN-2), then one input per final column. Keyboard first: type the
// value (5, 4, н/а, осв, з, нз), Enter / ↓ saves and moves down, ↑ moves up, Esc cancels. Each cell
// is saved on its own with the version it was loaded with; a conflict or a refusal shows its message.
import { useRef, useState } from "react";
import { saveFinalAction } from "@/lib/finals/actions";
import type { FinalsColumn, FinalsRow } from "@/lib/finals/loaders";
import { formatAverage } from "@/lib/journal/averages";
import { FINAL_SPECIALS, finalWord } from "@/lib/journal/marks";
import { Button } from "@/components/ui/button";
import { CellInput } from "@/components/ui/field";
import { MarkBadge, markTextClass } from "@/components/ui/mark-badge";

/** A final as typed («з», «нз», «осв», «5») as the page shows it: a special one by its whole word (FIN-1). */
function shownFinal(text: string): string {
  const special = FINAL_SPECIALS.find((s) => finalWord(s, "input") === text);
  return special ? finalWord(special, "page") : text;
}

type CellState = {
  text: string;
  saved: string;
  version: number;
  status: "idle" | "saving" | "saved" | "error";
  message?: string;
};

const keyOf = (row: number, col: number) => `${row}:${col}`;

export function FinalsTable(props: {
  classId: number;
  subjectId: number;
  columns: FinalsColumn[];
  rows: FinalsRow[];
  periodName: string;
}) {
  const { columns, rows } = props;
  const [cells, setCells] = useState<Record<string, CellState>>(() => {
    const init: Record<string, CellState> = {};
    rows.forEach((r, i) =>
      r.cells.forEach(
        (c, j) => (init[keyOf(i, j)] = { text: c.text, saved: c.text, version: c.version, status: "idle" }),
      ),
    );
    return init;
  });
  const [notice, setNotice] = useState<string | null>(null);
  const table = useRef<HTMLTableElement>(null);
  const selected = columns.findIndex((c) => c.selected);

  const patch = (k: string, p: Partial<CellState>) => setCells((prev) => ({ ...prev, [k]: { ...prev[k], ...p } }));

  // What each cell holds on the server and what is on its way there. A ref, not state: Enter saves
  // and moves the focus, whose blur would otherwise send the same value again with a stale version.
  const server = useRef<Record<string, { saved: string; version: number; pending: string | null }>>({});
  const serverOf = (k: string) =>
    (server.current[k] ??= { saved: cells[k].saved, version: cells[k].version, pending: null });

  async function save(i: number, j: number, text: string) {
    const k = keyOf(i, j);
    const srv = serverOf(k);
    if (srv.pending !== null || text.trim() === srv.saved.trim()) return;
    const col = columns[j];
    srv.pending = text;
    patch(k, { text, status: "saving", message: undefined });
    try {
      const r = await saveFinalAction({
        classId: props.classId,
        subjectId: props.subjectId,
        studentId: rows[i].studentId,
        kind: col.kind,
        periodId: col.periodId,
        text,
        version: srv.version,
      });
      if (r.ok) {
        srv.saved = r.data.text;
        srv.version = r.data.state?.version ?? srv.version;
        patch(k, { text: r.data.text, saved: r.data.text, version: srv.version, status: "saved" });
        setNotice(null);
      } else {
        patch(k, { status: "error", message: r.message });
        setNotice(`${rows[i].name}: ${r.message}`);
      }
    } catch {
      patch(k, { status: "error", message: "Не сохранено: нет связи с сервером" });
      setNotice(`${rows[i].name}: не сохранено — нет связи с сервером`);
    } finally {
      srv.pending = null;
    }
  }

  function focus(i: number, j: number) {
    table.current?.querySelector<HTMLInputElement>(`input[data-cell="${keyOf(i, j)}"]`)?.focus();
  }

  function onKey(e: React.KeyboardEvent<HTMLInputElement>, i: number, j: number) {
    const k = keyOf(i, j);
    if (e.key === "Enter" || e.key === "ArrowDown") {
      e.preventDefault();
      void save(i, j, e.currentTarget.value);
      focus(i + 1, j);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      void save(i, j, e.currentTarget.value);
      focus(i - 1, j);
    } else if (e.key === "Escape") {
      patch(k, { text: serverOf(k).saved, status: "idle", message: undefined });
    }
  }

  async function fillRecommended() {
    if (columns[selected]?.locked) return;
    for (let i = 0; i < rows.length; i++) {
      const k = keyOf(i, selected);
      if (rows[i].canEdit && rows[i].proposalText && serverOf(k).saved === "")
        await save(i, selected, rows[i].proposalText);
    }
  }

  const anyEditable = rows.some((r) => r.canEdit) && selected >= 0 && !columns[selected].locked;
  return (
    <div className="space-y-2">
      {anyEditable && selected >= 0 && (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <Button variant="secondary" type="button" onClick={() => void fillRecommended()}>
            Подставить рекомендованные в пустые ({props.periodName})
          </Button>
          <span className="text-xs text-slate-500">
            Ввод: 2–5, «н/а», «осв», «з» / «нз»; Enter — сохранить и вниз, Esc — отменить.
          </span>
        </div>
      )}
      {notice && (
        <p
          role="alert"
          data-testid="finals-notice"
          className="rounded border border-red-300 bg-red-50 px-3 py-1 text-sm text-red-800"
        >
          {notice}
        </p>
      )}
      <div className="overflow-x-auto">
        <table ref={table} className="min-w-full border-collapse text-sm" data-testid="finals-table">
          <thead>
            <tr className="bg-slate-100 text-left text-xs text-slate-600">
              <th className="border border-slate-200 px-2 py-1">№</th>
              <th className="border border-slate-200 px-2 py-1">Обучающийся</th>
              <th className="border border-slate-200 px-2 py-1" title="Средний балл за выбранный период">
                Ср. балл
              </th>
              <th className="border border-slate-200 px-2 py-1" title="Рекомендуемая отметка (FIN-2)">
                Реком.
              </th>
              <th className="border border-slate-200 px-2 py-1" title="Пропуски уроков за период">
                Пропуски
              </th>
              {columns.map((c) => (
                <th
                  key={`${c.kind}:${c.periodId}`}
                  className={`border border-slate-200 px-2 py-1 ${c.selected ? "bg-blue-50" : ""}`}
                >
                  {c.label}
                  {c.form && <span className="block font-normal text-slate-500">{c.form}</span>}
                  {c.locked && (
                    <span className="block font-normal text-slate-500" title={c.locked}>
                      закрыто
                    </span>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.studentId} className={r.left ? "text-slate-400" : ""} data-student={r.studentId}>
                <td className="border border-slate-200 px-2 py-0.5 text-right text-slate-500">{i + 1}</td>
                <td className="border border-slate-200 px-2 py-0.5 whitespace-nowrap">
                  {r.name}
                  {r.form && (
                    <span
                      className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900"
                      title={r.deputyOnly ? "Итоговую отметку выставляет заместитель директора" : undefined}
                    >
                      {r.form}
                    </span>
                  )}
                  {r.left && <span className="ml-1 text-xs">(выбыл)</span>}
                </td>
                <td
                  className={`border border-slate-200 px-2 py-0.5 text-right tabular-nums ${r.outlook.riskFail ? "text-red-600" : ""}`}
                  data-testid="average"
                >
                  {formatAverage(r.outlook.average)}
                </td>
                <td
                  className="border border-slate-200 px-2 py-0.5 text-center font-medium"
                  data-testid="proposal"
                  title={r.outlook.proposalReason ?? undefined}
                >
                  {r.proposalText === "з" ? "зачёт" : r.proposalText === "нз" ? "незачёт" : r.proposalText}
                  {r.proposalText && r.outlook.proposalReason && (
                    <span className="block text-[10px] font-normal text-slate-500" data-testid="proposal-reason">
                      {r.outlook.proposalReason}
                    </span>
                  )}
                </td>
                <td className="border border-slate-200 px-2 py-0.5 text-right tabular-nums">
                  {r.outlook.absences || ""}
                </td>
                {columns.map((c, j) => {
                  const k = keyOf(i, j);
                  const cell = cells[k];
                  return (
                    <td
                      key={k}
                      className={`border border-slate-200 p-0 text-center ${c.selected ? "bg-blue-50/40" : ""}`}
                    >
                      {r.canEdit && !c.locked ? (
                        <CellInput
                          data-cell={k}
                          data-status={cell.status}
                          state={cell.status}
                          aria-label={`${r.name}, ${c.label}`}
                          title={cell.message}
                          value={cell.text}
                          placeholder={c.selected ? r.proposalText : ""}
                          onChange={(e) => patch(k, { text: e.target.value, status: "idle" })}
                          onKeyDown={(e) => onKey(e, i, j)}
                          onBlur={(e) => void save(i, j, e.target.value)}
                          className={markTextClass(cell.text)}
                        />
                      ) : (
                        <MarkBadge
                          variant="text"
                          className="px-1"
                          title={c.locked ?? undefined}
                          data-cell={k}
                          label={shownFinal(cell.text)}
                        />
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
