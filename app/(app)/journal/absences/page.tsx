// «Отсутствия» (DUT-3, DUT-4; seeds 001 §3.4, 002 §4.4.2, 003 §7.3): the class teacher (ADMIN,
// DEPUTY, a head of department for their groups) records a student's absence for a date range from a
// document in one action, edits or withdraws it, and answers the parents' notices.
import { cap, vocabulary } from "@/lib/org/vocabulary";
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { requireAccess } from "@/lib/access/guard";
import { loadAbsencePage } from "@/lib/absences/loaders";
import { ABSENCE_REASON_LABELS, NOTICE_REASON_LABELS, documentText, rangeText } from "@/lib/absences/rules";
import { formatDate, formatDateTime, isoDate } from "@/lib/org/time";
import { AbsenceForm } from "@/components/absences/absence-form";
import { NoticeDecision, WithdrawAbsence } from "@/components/absences/small-forms";
import { PickerForm } from "@/components/ui/picker-form";
import { DateInput, Field, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Table, THead, Td, Tr } from "@/components/ui/table";

export const metadata: Metadata = { title: "Отсутствия" };

const STATUS = { PENDING: "ждёт ответа", ACCEPTED: "принято", DECLINED: "отклонено" } as const;

export default async function AbsencesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, scopes } = await requireAccess("absence.record");
  const v = vocabulary(user.orgKind);
  const page = await loadAbsencePage(user, scopes, await searchParams);
  if (!page.allowed) forbidden();
  const classWord = cap(v.class.nom);
  const today = isoDate(page.today);
  const pending = page.notices.filter((n) => n.status === "PENDING");
  return (
    <div className="space-y-4">
      <PageHeader title="Отсутствия обучающихся" />
      <PickerForm label={`Выбор ${v.class.gen} и дней`}>
        <Field label={classWord} name="class">
          <Select
            defaultValue={page.classId ?? undefined}
            options={page.classes.map((c) => ({ value: c.id, label: c.name }))}
          />
        </Field>
        <Field label="С" name="from">
          <DateInput defaultValue={isoDate(page.from)} />
        </Field>
        <Field label="По" name="to">
          <DateInput defaultValue={isoDate(page.to)} />
        </Field>
      </PickerForm>
      {page.classId === null ? (
        <p className="text-sm text-slate-600">Нет {v.class.genPl}, где вы отмечаете отсутствия.</p>
      ) : (
        <>
          <section className="space-y-2" aria-label="Сообщения родителей">
            <h2 className="text-lg font-semibold">
              Сообщения родителей{pending.length > 0 ? ` · ждут ответа: ${pending.length}` : ""}
            </h2>
            {page.notices.length === 0 ? (
              <p className="text-sm text-slate-600">Новых сообщений нет.</p>
            ) : (
              <ul className="space-y-3">
                {page.notices.map((n) => (
                  <li key={n.id} data-notice={n.id} className="rounded border border-slate-200 bg-white p-3 text-sm">
                    <p>
                      <span className="font-medium">{n.student}</span> · {rangeText(n.dateFrom, n.dateTo)} ·{" "}
                      {NOTICE_REASON_LABELS[n.reason]}
                    </p>
                    <p className="text-xs text-slate-500">
                      {n.author}, {formatDateTime(n.createdAt, user.timeZone)}
                      {n.fileName && (
                        <>
                          {" · "}
                          <a
                            className="text-blue-700 hover:underline"
                            href={`/api/absences/file?kind=notice&id=${n.id}`}
                          >
                            {n.fileName}
                          </a>
                        </>
                      )}
                    </p>
                    {n.comment && <p className="mt-1">{n.comment}</p>}
                    {n.status === "PENDING" ? (
                      <div className="mt-2">
                        <NoticeDecision noticeId={n.id} reason={n.reason} />
                      </div>
                    ) : (
                      <p className={`mt-1 text-xs ${n.status === "ACCEPTED" ? "text-emerald-700" : "text-red-700"}`}>
                        {STATUS[n.status]}
                        {n.decidedBy ? ` — ${n.decidedBy}` : ""}
                        {n.declineReason ? `: ${n.declineReason}` : ""}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <AbsenceForm students={page.roll} today={today} />
          <section className="space-y-2">
            <h2 className="text-lg font-semibold">
              Отсутствия с {formatDate(page.from)} по {formatDate(page.to)}
            </h2>
            {page.absences.length === 0 ? (
              <p className="text-sm text-slate-600">Отсутствий за эти дни нет.</p>
            ) : (
              <Table label="Отсутствия" maxHeight="none">
                <THead
                  headers={[
                    "Обучающийся",
                    "Дни",
                    "Причина",
                    "Документ",
                    `${cap(v.lesson.genPl)} отмечено`,
                    "Записал",
                    "Действия",
                  ]}
                />
                <tbody>
                  {page.absences.map((a) => (
                    <Tr
                      key={a.id}
                      data-absence={a.id}
                      className={a.status === "WITHDRAWN" ? "text-slate-400 line-through" : ""}
                    >
                      <Td>{a.student}</Td>
                      <Td>{rangeText(a.dateFrom, a.dateTo)}</Td>
                      <Td>{ABSENCE_REASON_LABELS[a.reason]}</Td>
                      <Td>
                        {documentText(a)}
                        {a.fileName && (
                          <a
                            className="ml-1 text-blue-700 hover:underline"
                            href={`/api/absences/file?kind=absence&id=${a.id}`}
                          >
                            файл
                          </a>
                        )}
                      </Td>
                      <Td className="tabular-nums">{a.lessons}</Td>
                      <Td>{a.createdBy}</Td>
                      <Td>
                        {a.status === "ACTIVE" ? (
                          <details>
                            <summary className="cursor-pointer text-blue-700">Изменить или отменить</summary>
                            <div className="mt-2 space-y-2">
                              <AbsenceForm
                                today={today}
                                edit={{
                                  absenceId: a.id,
                                  dateFrom: isoDate(a.dateFrom),
                                  dateTo: isoDate(a.dateTo),
                                  reason: a.reason,
                                  documentKind: a.documentKind,
                                  documentNumber: a.documentNumber ?? "",
                                  documentDate: a.documentDate ? isoDate(a.documentDate) : "",
                                }}
                              />
                              <WithdrawAbsence absenceId={a.id} />
                            </div>
                          </details>
                        ) : (
                          "отменено"
                        )}
                      </Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
            )}
          </section>
        </>
      )}
    </div>
  );
}
