// PLAN-1/PLAN-2: the list of plans with status, hours against the curriculum and deadline warnings.
import Link from "@/components/ui/link";
import { formatDate } from "@/lib/org/time";
import { fmtHours, STATUS_LABELS, type DeadlineWarning, type HoursCheck, type PlanStatus } from "@/lib/plans/rules";
import { cap, vocabulary, type OrgKindName } from "@/lib/org/vocabulary";
import { DataTable, type DataColumn } from "@/components/ui/data-table";

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
  const columns: DataColumn[] = [
    { key: "teacher", header: cap(v.teacher.nom), rowHeader: true, sortable: true },
    { key: "subject", header: "Предмет", sortable: true },
    { key: "target", header: cap(v.class.nom), sortable: true },
    { key: "status", header: "Состояние" },
    { key: "topics", header: "Тем", align: "right" },
    { key: "hours", header: "Часы", title: "в КТП / по учебному плану", align: "right" },
    { key: "submitted", header: "Сдан", sortable: true },
    { key: "warnings", header: "Сроки" },
  ];
  const cells = (p: PlanListRow) => ({
    teacher: {
      value: (
        <Link href={`/plans/${p.id}`} className="text-blue-700 hover:underline">
          {p.teacherName}
        </Link>
      ),
      sort: p.teacherName,
    },
    subject: p.subjectName,
    target: p.target,
    status: (
      <>
        <StatusBadge status={p.status} />{" "}
        {p.version > 1 && <span className="text-xs text-slate-500">ред. {p.version}</span>}
      </>
    ),
    topics: p.topicCount,
    hours: <HoursCell check={p.hoursCheck} />,
    submitted: { value: p.submittedAt ? formatDate(p.submittedAt) : "—", sort: p.submittedAt?.getTime() ?? null },
    warnings: p.warnings.map((w) => (
      <p key={w.kind} className={w.overdue ? "text-red-700" : "text-amber-800"} role="note">
        ⚠ {w.text}
      </p>
    )),
  });
  return <DataTable label="Планы (КТП)" columns={columns} rows={rows.map((p) => ({ key: p.id, cells: cells(p) }))} />;
}
