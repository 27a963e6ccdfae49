"use client";
// PLAN-5: planned vs given hours per class × subject (× subgroup) with its teachers, lagging rows flagged;
// PRG-1: beside them the approved work programme's hours and the КТП's; the per-section figures are
// fetched when «по разделам программы» is opened (ProgrammeSections). Issue 22 item 7: the rows come
// as one packed string (fulfilment-rows.ts), not as React elements repeated in the RSC payload.
import { useMemo } from "react";
import { fmtHours } from "@/lib/plans/rules";
import { cap, vocabulary, type OrgKindName } from "@/lib/org/vocabulary";
import { unpackFulfilment } from "./fulfilment-rows";
import { ProgrammeSections } from "./programme-sections";

export function FulfilmentTable({
  rows,
  kind = "SCHOOL",
  empty = "Нет данных учебного плана.",
}: {
  /** packFulfilment's string. */
  rows: string;
  /** The column heads in the organisation's words (DAY-6): «Группа», «Дисциплина», «Преподаватель». */
  kind?: OrgKindName;
  empty?: string;
}) {
  const v = vocabulary(kind);
  const lines = useMemo(() => unpackFulfilment(rows), [rows]);
  if (lines.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      {/* The cells' classes are declared once on the table (ROWS). Columns 4–9 are numbers. */}
      <table className={`w-full text-sm ${ROWS}`} aria-label="Выполнение программ">
        <thead className="bg-slate-100 text-left">
          <tr>
            <th className="px-2 py-1 font-medium">{cap(v.class.nom)}</th>
            <th className="px-2 py-1 font-medium">{cap(v.subject.nom)}</th>
            <th className="px-2 py-1 font-medium">{cap(v.teacher.nom)}</th>
            <th className="px-2 py-1 text-right font-medium">За год</th>
            <th className="px-2 py-1 text-right font-medium">По программе</th>
            <th className="px-2 py-1 text-right font-medium">В КТП</th>
            <th className="px-2 py-1 text-right font-medium">План на дату</th>
            <th className="px-2 py-1 text-right font-medium">Дано</th>
            <th className="px-2 py-1 text-right font-medium">Разница</th>
            <th className="px-2 py-1 font-medium">Оценка</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => {
            const p = l.programme;
            return (
              <tr
                key={`${l.classId}:${l.subjectId}:${l.subgroupId ?? 0}`}
                className={l.lagging ? "bg-red-50" : undefined}
              >
                <td>{l.className}</td>
                <td>
                  {l.subject}
                  {p && <ProgrammeSections classId={l.classId} subjectId={l.subjectId} />}
                </td>
                <td>{l.teachers}</td>
                <td>{fmtHours(l.yearHours)}</td>
                <td>{p ? fmtHours(p.hours) : "—"}</td>
                <td className={p?.mismatch ? "text-amber-800" : undefined}>
                  {p ? (p.ktpHours === null ? "нет КТП" : fmtHours(p.ktpHours)) : "—"}
                </td>
                <td>{fmtHours(l.planned)}</td>
                <td>{fmtHours(l.given)}</td>
                <td className={l.difference < 0 ? "text-red-700" : undefined}>
                  {`${l.difference > 0 ? "+" : l.difference < 0 ? "−" : ""}${fmtHours(Math.abs(l.difference))}`}
                </td>
                <td>{l.lagging ? <b>отстаёт</b> : "в норме"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Every body row and cell of the table (the nested sections' tables are not direct children). */
const ROWS =
  "[&>tbody>tr]:border-t [&>tbody>tr]:border-slate-100 [&>tbody>tr>td]:px-2 [&>tbody>tr>td]:py-0.5 " +
  "[&>tbody>tr>td:nth-child(n+4):nth-child(-n+9)]:text-right [&>tbody>tr>td:nth-child(n+4):nth-child(-n+9)]:tabular-nums " +
  "[&>tbody>tr>td:last-child]:whitespace-nowrap [&>tbody>tr>td>b]:font-medium [&>tbody>tr>td>b]:text-red-700";
