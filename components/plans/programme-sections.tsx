"use client";
// PRG-1: one fulfilment line's sections under «по разделам программы» — fetched from
// /plans/fulfilment/sections when the deputy opens it (issue 22 item 7: the page no longer ships
// every line's sections), kept while the page stays open.
import { useState } from "react";
import type { ActionResult } from "@/lib/errors";
import { fmtHours, type ProgrammeComparison } from "@/lib/plans/rules";

type State =
  | { kind: "closed" }
  | { kind: "loading" }
  | { kind: "failed"; message: string }
  | { kind: "shown"; comparison: ProgrammeComparison };

const FAILED = "Не удалось загрузить разделы программы — откройте ещё раз";

export function ProgrammeSections({ classId, subjectId }: { classId: number; subjectId: number }) {
  const [state, setState] = useState<State>({ kind: "closed" });
  const load = () => {
    if (state.kind === "loading" || state.kind === "shown") return;
    setState({ kind: "loading" });
    fetch(`/plans/fulfilment/sections?class=${classId}&subject=${subjectId}`, {
      headers: { accept: "application/json" },
    })
      .then((res) => res.json() as Promise<ActionResult<ProgrammeComparison>>)
      .then((answer) =>
        setState(answer.ok ? { kind: "shown", comparison: answer.data } : { kind: "failed", message: answer.message }),
      )
      .catch(() => setState({ kind: "failed", message: FAILED }));
  };
  return (
    <details className="mt-0.5 text-xs" onToggle={(e) => e.currentTarget.open && load()}>
      <summary className="cursor-pointer text-blue-700">по разделам программы</summary>
      {state.kind === "shown" ? (
        <SectionsTable comparison={state.comparison} />
      ) : state.kind === "failed" ? (
        <p role="alert" className="text-red-700">
          {state.message}
        </p>
      ) : (
        <p className="text-slate-500">Загрузка…</p>
      )}
    </details>
  );
}

/** The programme's sections: hours by the programme, in the КТП and given to date. */
export function SectionsTable({ comparison: p }: { comparison: ProgrammeComparison }) {
  return (
    <>
      <p className="text-slate-500">«{p.programmeTitle}»</p>
      <table className="mt-1" aria-label={`Разделы программы «${p.programmeTitle}»`}>
        <thead>
          <tr className="text-left text-slate-500">
            <th className="pr-2 font-normal">Раздел</th>
            <th className="pr-2 text-right font-normal">Программа</th>
            <th className="pr-2 text-right font-normal">КТП</th>
            <th className="text-right font-normal">Дано</th>
          </tr>
        </thead>
        <tbody>
          {p.sections.map((s) => (
            <tr key={s.title}>
              <td className="pr-2">{s.title}</td>
              <td className="pr-2 text-right tabular-nums">{s.programme === null ? "—" : fmtHours(s.programme)}</td>
              <td
                className={`pr-2 text-right tabular-nums ${s.programme !== null && s.ktp !== s.programme ? "text-amber-800" : ""}`}
              >
                {fmtHours(s.ktp)}
              </td>
              <td className="text-right tabular-nums">{fmtHours(s.given)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
