// PLAN-1/PLAN-2: the list of plans with status, hours against the curriculum and deadline warnings.
import Link from "next/link";
import { formatDate } from "@/lib/org/time";
import { fmtHours, STATUS_LABELS, type DeadlineWarning, type HoursCheck, type PlanStatus } from "@/lib/plans/rules";
import { cap, vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

export type PlanListRow = {
  id: number;
  teacherName: string;
  subjectName: string;
  target: string;
  status: PlanStatus;
  version: number;
  submittedAt: Date | null;
  topicCount: number;
  hoursCheck: HoursCheck;
  warnings: DeadlineWarning[];
};

export function StatusBadge({ status }: { status: PlanStatus }) {
  const tone = {
    DRAFT: "bg-slate-100 text-slate-700",
    SUBMITTED: "bg-amber-100 text-amber-900",
    APPROVED: "bg-green-100 text-green-900",
    RETURNED: "bg-red-100 text-red-900",
  }[status];
  return <span className={`rounded px-1.5 py-0.5 text-xs ${tone}`}>{STATUS_LABELS[status]}</span>;
}

export function HoursCell({ check }: { check: HoursCheck }) {
  if (check.curriculum === null) return <span>{fmtHours(check.planned)} / —</span>;
  return (
    <span className={check.matches ? "" : "font-medium text-red-700"}>
      {fmtHours(check.planned)} / {fmtHours(check.curriculum)}
      {!check.matches && ` (${check.difference! > 0 ? "+" : "−"}${fmtHours(Math.abs(check.difference!))})`}
    </span>
  );
}

export function PlanList({ rows, kind = "SCHOOL" }: { rows: PlanListRow[]; kind?: OrgKindName }) {
  const v = vocabulary(kind);
  if (rows.length === 0) return <p className="text-sm text-slate-500">Планов пока нет.</p>;
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <thead className="bg-slate-100 text-left">
          <tr>
            <th className="px-2 py-1 font-medium">{cap(v.teacher.nom)}</th>
            <th className="px-2 py-1 font-medium">Предмет</th>
            <th className="px-2 py-1 font-medium">{cap(v.class.nom)}</th>
            <th className="px-2 py-1 font-medium">Состояние</th>
            <th className="px-2 py-1 font-medium">Тем</th>
            <th className="px-2 py-1 font-medium" title="в КТП / по учебному плану">
              Часы
            </th>
            <th className="px-2 py-1 font-medium">Сдан</th>
            <th className="px-2 py-1 font-medium">Сроки</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id} className="border-t border-slate-100 align-top">
              <td className="px-2 py-1">
                <Link href={`/plans/${p.id}`} className="text-blue-700 hover:underline">
                  {p.teacherName}
                </Link>
              </td>
              <td className="px-2 py-1">{p.subjectName}</td>
              <td className="px-2 py-1">{p.target}</td>
              <td className="px-2 py-1">
                <StatusBadge status={p.status} />{" "}
                {p.version > 1 && <span className="text-xs text-slate-500">ред. {p.version}</span>}
              </td>
              <td className="px-2 py-1 tabular-nums">{p.topicCount}</td>
              <td className="px-2 py-1 tabular-nums">
                <HoursCell check={p.hoursCheck} />
              </td>
              <td className="px-2 py-1">{p.submittedAt ? formatDate(p.submittedAt) : "—"}</td>
              <td className="px-2 py-1">
                {p.warnings.map((w) => (
                  <p key={w.kind} className={w.overdue ? "text-red-700" : "text-amber-800"} role="note">
                    ⚠ {w.text}
                  </p>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
