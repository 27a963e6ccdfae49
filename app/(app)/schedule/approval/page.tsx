// «Утверждение расписания» (PRG-3): the scheduler submits the year's timetable; the director
// approves it or returns it with a comment; the edits made since the last approval are listed.
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { heldPermissions } from "@/lib/access/loaders";
import { loadApproval } from "@/lib/schedule/approval/loaders";
import { describeEntry } from "@/lib/schedule/approval/rules";
import { formatDateTime } from "@/lib/org/time";
import { ScheduleTabs } from "@/components/schedule/schedule-tabs";
import { DecideVersionForms, SubmitVersionForm } from "@/components/schedule/approval-forms";
import { Card, Notice } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { cap, vocabulary } from "@/lib/org/vocabulary";

export const metadata: Metadata = { title: "Утверждение расписания" };

const STATUS = { SUBMITTED: "на утверждении", APPROVED: "утверждена", RETURNED: "возвращена" } as const;

export default async function ApprovalPage() {
  const { user } = await requireAccess(["timetable.approve", "schedule.edit"]);
  const held = await heldPermissions(user.organisationId, user.id);
  const canApprove = held.has("timetable.approve");
  const canSubmit = (held.get("schedule.edit") ?? []).includes("all");
  const view = await loadApproval(user);
  const v = vocabulary(user.orgKind);
  const returned = view?.versions[0]?.status === "RETURNED" ? view.versions[0] : null;
  return (
    <div className="space-y-4">
      <ScheduleTabs held={held} current="/schedule/approval" />
      <PageHeader title={<>Утверждение расписания{view ? ` на ${view.yearName} учебный год` : ""}</>} />
      {!view ? (
        <p className="text-sm text-slate-500">Нет текущего учебного года.</p>
      ) : (
        <>
          <p className="text-sm text-slate-600">
            {cap(v.lesson.nomPl)} журнала создаются только по утверждённому директором расписанию. Изменения после
            утверждения действуют сразу и видны директору ниже, пока не будет утверждена новая версия.
          </p>
          {view.approvedNumber === null ? (
            <Notice tone="warning">Расписание ещё не утверждено: {v.lesson.nomPl} журнала по нему не создаются.</Notice>
          ) : (
            <Notice tone="success">Действует утверждённая версия {view.approvedNumber}.</Notice>
          )}
          {returned && (
            <Notice tone="error">
              Версия {returned.number} возвращена{returned.decidedBy ? ` (${returned.decidedBy})` : ""}:{" "}
              <span data-testid="return-comment">{returned.comment}</span>
            </Notice>
          )}
          {view.pending && canApprove && (
            <Card title={`Версия ${view.pending.number} ждёт решения`}>
              <DecideVersionForms versionId={view.pending.id} number={view.pending.number} />
            </Card>
          )}
          {view.pending && !canApprove && <Notice>Версия {view.pending.number} на утверждении у директора.</Notice>}
          {!view.pending && canSubmit && <SubmitVersionForm />}
          <DataTable
            label={`Изменения после утверждения (${view.changes.length})`}
            empty="Изменений после утверждения нет"
            columns={[
              { key: "kind", header: "Изменение" },
              { key: "entry", header: `${cap(v.lesson.nom)} расписания`, rowHeader: true },
              { key: "before", header: "Было" },
            ]}
            rows={view.changes.map((c, i) => ({
              key: `${c.kind}-${c.entry.id}-${i}`,
              cells: {
                // DAY-6 (issue 22 round 24): the participle agrees with the lesson's noun — a college's
                // «занятие» is «добавлено / удалено / изменено».
                kind: v.lessonChange[c.kind],
                entry: describeEntry(c.entry, v),
                before: c.kind === "changed" ? describeEntry(c.before, v) : "—",
              },
            }))}
          />
          <DataTable
            label="Версии расписания"
            empty="Расписание ещё не отправлялось на утверждение"
            columns={[
              { key: "number", header: "Версия", rowHeader: true },
              { key: "status", header: "Состояние" },
              { key: "submitted", header: "Отправлена" },
              { key: "decided", header: "Решение" },
              { key: "comment", header: "Комментарий" },
            ]}
            rows={view.versions.map((version) => ({
              key: version.id,
              cells: {
                number: `${version.number} (${version.entries} ${v.lessonShort})`,
                status: STATUS[version.status],
                submitted: `${formatDateTime(version.submittedAt, user.timeZone)}${version.submittedBy ? `, ${version.submittedBy}` : ""}${version.note ? ` — ${version.note}` : ""}`,
                decided: version.decidedAt
                  ? `${formatDateTime(version.decidedAt, user.timeZone)}${version.decidedBy ? `, ${version.decidedBy}` : ""}`
                  : "—",
                comment: version.comment ?? "—",
              },
            }))}
          />
        </>
      )}
    </div>
  );
}
