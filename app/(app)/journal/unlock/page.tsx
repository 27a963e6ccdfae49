// «Открытие дат» (JRN-6, 003 §7.4, REC-1): teachers' requests to change marks after the lock window;
// ADMIN opens the date for the class and subject for 12 hours or rejects, or opens a class × subject
// × date range with a reason (the only way back into a closed period). Requests and decisions stay.
import { cap, vocabulary } from "@/lib/org/vocabulary";
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { unlockRequests } from "@/lib/journal/unlock/data";
import { journalChoices } from "@/lib/journal/data";
import { OpenDatesForm } from "@/components/journal/open-dates-form";
import { formatDate, formatDateTime } from "@/lib/org/time";
import { serverNow } from "@/lib/org/clock";
import { UnlockDecision } from "@/components/journal/unlock-decision";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Открытие дат" };

const STATUS = { PENDING: "ждёт решения", APPROVED: "открыто", REJECTED: "отклонено" } as const;

export default async function UnlockPage() {
  const { user } = await requireAccess("journal.unlock");
  const v = vocabulary(user.orgKind);
  const [rows, loads] = await Promise.all([
    unlockRequests(user.organisationId),
    journalChoices(user.organisationId, { all: true, classIds: [], teacherId: null }),
  ]);
  const pairs = [...new Map(loads.map((l) => [`${l.classId}:${l.subjectId}`, `${l.className} · ${l.subjectName}`]))];
  const now = serverNow().getTime();
  return (
    <div className="space-y-4">
      <PageHeader title="Открытие дат" />
      <p className="max-w-3xl text-sm text-slate-600">
        Отметки и посещаемость меняются в течение установленного в настройках срока после {v.lesson.gen}. По запросу{" "}
        {v.teacher.gen} администратор открывает дату для {v.class.gen} и {v.subject.gen} на 12 часов; запрос и решение
        сохраняются. Закрытый период (итоговые отметки выставлены, период закрыт приказом) исправляется только так:
        администратор открывает даты {v.class.gen} и {v.subject.gen} с указанием причины.
      </p>
      <OpenDatesForm choices={pairs.map(([value, label]) => ({ value, label }))} kind={user.orgKind} />
      <DataTable
        label="Запросы на открытие дат"
        empty="Запросов нет."
        columns={[
          { key: "createdAt", header: "Подан", className: "tabular-nums" },
          { key: "requester", header: cap(v.teacher.nom) },
          { key: "load", header: `${cap(v.class.nom)} · ${v.subject.nom}` },
          { key: "date", header: `Дата ${v.lesson.gen}`, className: "tabular-nums" },
          { key: "reason", header: "Причина" },
          { key: "decision", header: "Решение" },
        ]}
        rows={rows.map((r) => ({
          key: r.id,
          cells: {
            createdAt: formatDateTime(r.createdAt, user.timeZone),
            requester: r.requester,
            load: `${r.className} · ${r.subjectName}`,
            date: `${formatDate(r.date)}${r.dateTo ? `–${formatDate(r.dateTo)}` : ""}`,
            reason: r.reason,
            decision:
              r.status === "PENDING" ? (
                <UnlockDecision requestId={r.id} label={`${r.className}, ${formatDate(r.date)}`} />
              ) : (
                <span>
                  {STATUS[r.status]}
                  {r.status === "APPROVED" && r.openUntil && (
                    <>
                      {" "}
                      до {formatDateTime(r.openUntil, user.timeZone)}
                      {r.openUntil.getTime() < now ? " (истекло)" : ""}
                    </>
                  )}
                  <span className="block text-xs text-slate-500">
                    {r.decider}
                    {r.decidedAt ? `, ${formatDateTime(r.decidedAt, user.timeZone)}` : ""}
                    {r.decisionNote ? ` — ${r.decisionNote}` : ""}
                  </span>
                </span>
              ),
          },
        }))}
      />
    </div>
  );
}
