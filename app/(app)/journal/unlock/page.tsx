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
      <h1 className="text-2xl font-semibold">Открытие дат</h1>
      <p className="max-w-3xl text-sm text-slate-600">
        Отметки и посещаемость меняются в течение установленного в настройках срока после урока. По запросу учителя
        администратор открывает дату для класса и предмета на 12 часов; запрос и решение сохраняются. Закрытый период
        (итоговые отметки выставлены, период закрыт приказом) исправляется только так: администратор открывает даты
        класса и предмета с указанием причины.
      </p>
      <OpenDatesForm choices={pairs.map(([value, label]) => ({ value, label }))} kind={user.orgKind} />
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">Запросов нет.</p>
      ) : (
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b text-left text-slate-500">
              <th className="py-1 pr-3 font-normal">Подан</th>
              <th className="py-1 pr-3 font-normal">{cap(v.teacher.nom)}</th>
              <th className="py-1 pr-3 font-normal">
                {cap(v.class.nom)} · {v.subject.nom}
              </th>
              <th className="py-1 pr-3 font-normal">Дата урока</th>
              <th className="py-1 pr-3 font-normal">Причина</th>
              <th className="py-1 font-normal">Решение</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-100 align-top">
                <td className="py-1 pr-3 tabular-nums">{formatDateTime(r.createdAt, user.timeZone)}</td>
                <td className="py-1 pr-3">{r.requester}</td>
                <td className="py-1 pr-3">
                  {r.className} · {r.subjectName}
                </td>
                <td className="py-1 pr-3 tabular-nums">
                  {formatDate(r.date)}
                  {r.dateTo ? `–${formatDate(r.dateTo)}` : ""}
                </td>
                <td className="py-1 pr-3">{r.reason}</td>
                <td className="py-1">
                  {r.status === "PENDING" ? (
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
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
