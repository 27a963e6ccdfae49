// «Рабочие программы» (PRG-1): the year's programmes per subject and grade (or discipline and
// specialty), a new one, and the КТП due from the approved ones (overdue a week after approval).
import type { Metadata } from "next";
import { cap, gradeWord, vocabulary } from "@/lib/org/vocabulary";
import Link from "@/components/ui/link";
import { requireAccess } from "@/lib/access/guard";
import { heldPermissions } from "@/lib/access/loaders";
import { loadProgrammeList } from "@/lib/programmes/loaders";
import { dueText, KIND_LABELS } from "@/lib/programmes/rules";
import { fmtHours, STATUS_LABELS } from "@/lib/plans/rules";
import { serverNow } from "@/lib/org/clock";
import { formatDate } from "@/lib/org/time";
import { CreateProgrammeForm } from "@/components/programmes/programme-forms";
import { Notice } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Рабочие программы" };

export default async function ProgrammesPage() {
  const { user, scopes, permission } = await requireAccess(["programmes.approve", "programmes.edit"]);
  const all = permission === "programmes.approve" || scopes.includes("all");
  const [view, held] = await Promise.all([
    loadProgrammeList(user.organisationId, all ? null : user.id, serverNow()),
    heldPermissions(user.organisationId, user.id),
  ]);
  const year = view?.year ?? null;
  const rows = view?.rows ?? [];
  const warnings = view?.warnings ?? [];
  const college = user.orgKind === "COLLEGE";
  const editable = held.has("programmes.edit");
  return (
    <div className="space-y-4">
      <PageHeader
        title="Рабочие программы"
        subtitle={year && <>{year.name} учебный год</>}
        actions={
          <Link href="/plans" className="text-sm text-blue-700 hover:underline">
            Планы (КТП)
          </Link>
        }
      />
      {warnings.length > 0 && (
        <Notice tone={warnings.some((w) => w.overdue) ? "error" : "warning"}>
          <ul role="list" aria-label="Сроки КТП">
            {warnings.map((w) => (
              <li key={`${w.programmeId}-${w.teacherId}-${w.className}`}>
                {all ? `${w.teacherName}: ` : ""}
                {dueText(w, formatDate)}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {year && editable && <CreateProgrammeForm subjects={view?.subjects ?? []} college={college} />}
      <DataTable
        label="Рабочие программы"
        empty="Рабочих программ пока нет"
        columns={[
          { key: "title", header: "Программа", rowHeader: true, sortable: true },
          { key: "subject", header: cap(vocabulary(user.orgKind).subject.nom), sortable: true },
          {
            key: "grade",
            header: `${cap(gradeWord(vocabulary(user.orgKind)))}${college ? ", специальность" : ""}`,
            sortable: true,
          },
          { key: "hours", header: "Часов", align: "right" },
          { key: "status", header: "Состояние", sortable: true },
          { key: "author", header: "Автор" },
        ]}
        rows={rows.map((r) => ({
          key: r.id,
          cells: {
            title: (
              <Link href={`/plans/programmes/${r.id}`} className="text-blue-700 hover:underline">
                {r.title}
              </Link>
            ),
            subject: `${r.subjectName}${r.kind !== "SUBJECT" ? ` (${KIND_LABELS[r.kind]})` : ""}`,
            grade: [r.grade ?? "", r.specialty ?? ""].filter(Boolean).join(", ") || "—",
            hours: fmtHours(r.hours),
            status: `${STATUS_LABELS[r.status]}${r.version > 1 ? `, редакция ${r.version}` : ""}`,
            author: r.authorName,
          },
        }))}
      />
    </div>
  );
}
