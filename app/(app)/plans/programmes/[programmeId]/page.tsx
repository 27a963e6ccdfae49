// One work programme (PRG-1): its sections (hours, outcomes, control works), the workflow (the
// author submits, DEPUTY approves or returns, an approved one reopens as the next version), the
// КТП made from it with their hours against the programme's, and «Создать КТП» for the loads.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireAccess } from "@/lib/access/guard";
import { heldPermissions } from "@/lib/access/loaders";
import { loadProgramme } from "@/lib/programmes/loaders";
import { KIND_LABELS, ktpDue, programmeHoursMessage, sectionsText } from "@/lib/programmes/rules";
import { fmtHours, STATUS_LABELS } from "@/lib/plans/rules";
import { serverNow } from "@/lib/org/clock";
import { formatDate } from "@/lib/org/time";
import { cap, gradeName, vocabulary } from "@/lib/org/vocabulary";
import {
  KtpFromProgrammeButton,
  ProgrammeReviewForm,
  ProgrammeStepButton,
  SectionsForm,
} from "@/components/programmes/programme-forms";
import { Card, Notice } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { idSchema } from "@/lib/schema";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Рабочая программа" };

const params = z.object({ programmeId: idSchema });

export default async function ProgrammePage({ params: raw }: { params: Promise<{ programmeId: string }> }) {
  const parsed = params.safeParse(await raw);
  if (!parsed.success) notFound();
  const { user, scopes, permission } = await requireAccess(["programmes.approve", "programmes.edit"]);
  const all = permission === "programmes.approve" || scopes.includes("all");
  const p = await loadProgramme(user.organisationId, parsed.data.programmeId, all ? null : user.id);
  if (!p) notFound();
  const held = await heldPermissions(user.organisationId, user.id);
  const mine = (held.get("programmes.edit") ?? []).includes("all") || p.authorId === user.id;
  const canEdit = held.has("programmes.edit") && mine;
  const v = vocabulary(user.orgKind);
  const draft = p.status === "DRAFT" || p.status === "RETURNED";
  const total = p.sections.reduce((s, x) => s + x.hours, 0);
  const due = p.status === "APPROVED" && p.approvedAt ? ktpDue(p.approvedAt, serverNow()) : null;
  return (
    <div className="space-y-4">
      <PageHeader
        back={{ href: "/plans/programmes", label: "Рабочие программы" }}
        title={p.title}
        subtitle={
          <>
            {p.subject.name}
            {p.kind !== "SUBJECT" ? `, ${KIND_LABELS[p.kind]}` : ""}
            {p.grade ? `, ${gradeName(v, p.grade)}` : ""}
            {p.specialty ? `, ${p.specialty}` : ""} · {fmtHours(total)} ч · <b>{STATUS_LABELS[p.status]}</b>
            {p.version > 1 ? `, редакция ${p.version}` : ""}
            {p.approvedAt && p.status === "APPROVED" ? ` ${formatDate(p.approvedAt)}` : ""}
          </>
        }
      />
      {p.reviewComment && p.status === "RETURNED" && <Notice tone="error">Замечание завуча: {p.reviewComment}</Notice>}
      {due && (
        <Notice tone={due.overdue ? "error" : "info"}>
          КТП по программе сдаются до {formatDate(due.due)} (неделя после утверждения)
          {due.overdue ? " — срок прошёл" : ""}.
        </Notice>
      )}
      <DataTable
        label="Разделы"
        empty="Разделов пока нет"
        columns={[
          { key: "n", header: "№", align: "right" },
          { key: "title", header: "Раздел", rowHeader: true },
          { key: "hours", header: "Часов", align: "right" },
          { key: "outcomes", header: "Планируемые результаты" },
          { key: "works", header: "Контрольные работы" },
        ]}
        rows={p.sections.map((s, i) => ({
          key: i,
          cells: {
            n: i + 1,
            title: s.title,
            hours: fmtHours(s.hours),
            outcomes: s.outcomes ?? "—",
            works: s.controlWorks.join(", ") || "—",
          },
        }))}
      />
      {canEdit && draft && <SectionsForm programmeId={p.id} text={sectionsText(p.sections)} />}
      {canEdit && draft && <ProgrammeStepButton programmeId={p.id} step="submit" />}
      {canEdit && p.status === "APPROVED" && <ProgrammeStepButton programmeId={p.id} step="reopen" />}
      {held.has("programmes.approve") && p.status === "SUBMITTED" && (
        <Card title="Решение завуча">
          <ProgrammeReviewForm programmeId={p.id} />
        </Card>
      )}
      <DataTable
        label="КТП по программе"
        empty="КТП по этой программе пока нет"
        columns={[
          { key: "title", header: "КТП", rowHeader: true },
          { key: "teacher", header: cap(v.teacher.nom) },
          { key: "status", header: "Состояние" },
          { key: "hours", header: "Часы против программы" },
        ]}
        rows={p.plans.map((x) => ({
          key: x.id,
          cells: {
            title: (
              <Link href={`/plans/${x.id}`} className="text-blue-700 hover:underline">
                {x.title ?? "КТП"}
              </Link>
            ),
            teacher: x.teacherName,
            status: STATUS_LABELS[x.status],
            hours: programmeHoursMessage(x.hours, total),
          },
        }))}
      />
      {p.status === "APPROVED" && p.loads.some((l) => !l.hasPlan) && (
        <Card title="Создать КТП по программе">
          <ul className="space-y-2 text-sm">
            {p.loads
              .filter((l) => !l.hasPlan)
              .map((l) => (
                <li key={l.loadId} className="flex flex-wrap items-center gap-3">
                  <span>
                    {l.teacherName} — {l.className}, {l.subjectName}
                  </span>
                  <KtpFromProgrammeButton
                    programmeId={p.id}
                    loadId={l.loadId}
                    label={`${l.className}, ${l.teacherName}`}
                  />
                </li>
              ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
