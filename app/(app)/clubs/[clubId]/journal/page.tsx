// The club's journal (PRG-2): a date the club met (its slots up to today), the session's topic (the
// КТП's next topic offered), each member's attendance (JRN-4 codes) and — only where the
// organisation allows — a mark; below, the sessions held and the attendance summary (RPT-3 style).
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireAccess } from "@/lib/access/guard";
import { saveClubSessionAction } from "@/lib/clubs/actions";
import { loadClubJournal, loadClubReportForm } from "@/lib/clubs/loaders";
import { attendedPercent, CLUB_ATTENDANCE_CODES } from "@/lib/clubs/rules";
import { ATTENDANCE_LABELS, ATTENDANCE_TITLES } from "@/lib/journal/rules";
import { serverNow } from "@/lib/org/clock";
import { formatDate, isoDate, todayIn, weekdayName } from "@/lib/org/time";
import { idSchema } from "@/lib/schema";
import { parseDateKey } from "@/lib/schedule/week";
import { ActionForm } from "@/components/ui/action-form";
import { Card, Notice } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Field, Input, Select } from "@/components/ui/field";
import { PickerForm } from "@/components/ui/picker-form";
import { ClubReportForm } from "@/components/clubs/club-report-form";
import { PageHeader } from "@/components/ui/page-header";
import { cap, vocabulary } from "@/lib/org/vocabulary";

export const metadata: Metadata = { title: "Журнал объединения" };

const params = z.object({ clubId: idSchema });

export default async function ClubJournalPage({
  params: raw,
  searchParams,
}: {
  params: Promise<{ clubId: string }>;
  searchParams: Promise<{ date?: string | string[] }>;
}) {
  const parsed = params.safeParse(await raw);
  if (!parsed.success) notFound();
  const { user } = await requireAccess("clubs.journal", { kind: "club", clubId: parsed.data.clubId });
  const query = await searchParams;
  const chosen = typeof query.date === "string" ? parseDateKey(query.date) : null;
  const today = todayIn(user.timeZone, serverNow());
  const view = await loadClubJournal(user.organisationId, parsed.data.clubId, today, chosen);
  if (!view) notFound();
  const { club, session, date, settings } = view;
  const v = vocabulary(user.orgKind);
  const reportForm = await loadClubReportForm(user.organisationId, club.year, today);
  const cellOf = (studentId: number) => session?.cells.find((c) => c.studentId === studentId);
  const codeOptions = CLUB_ATTENDANCE_CODES.map((c) => ({
    value: c,
    label: `${ATTENDANCE_LABELS[c]} — ${ATTENDANCE_TITLES[c]}`,
  }));
  const frozen = club.year.status === "CLOSED" ? "Учебный год закрыт" : null;
  const nameOf = new Map(club.members.map((m) => [m.studentId, m]));
  return (
    <div className="space-y-4">
      <PageHeader
        title={<>Журнал: {club.name}</>}
        subtitle={<>Руководитель: {club.leaderName}</>}
        actions={
          <Link href={`/clubs/${club.id}`} className="text-sm text-blue-700 hover:underline">
            Объединение, КТП
          </Link>
        }
      />
      {view.dates.length === 0 ? (
        <Notice tone="info">Занятий по расписанию ещё не было: поставьте объединение в расписание.</Notice>
      ) : (
        <PickerForm label="Выбор занятия" submitLabel="Открыть" primary>
          <Field label="Занятие" name="date">
            <Select
              name="date"
              defaultValue={date ? isoDate(date) : undefined}
              options={[...view.dates].reverse().map((d) => {
                const held = view.sessions.some((s) => s.date.getTime() === d.getTime());
                return { value: isoDate(d), label: `${formatDate(d)}, ${weekdayName(d)}${held ? " ✓" : ""}` };
              })}
            />
          </Field>
        </PickerForm>
      )}
      {date && (
        <Card title={`Занятие ${formatDate(date)}${session ? "" : " (не заполнено)"}`}>
          {!settings.marksAllowed && (
            <p className="mb-2 text-xs text-slate-500">Отметки в журналах объединений организация не выставляет.</p>
          )}
          <ActionForm
            action={saveClubSessionAction}
            submitLabel="Сохранить занятие"
            label="Занятие объединения"
            resetOnSuccess={false}
            disabledReason={frozen}
            key={isoDate(date)}
          >
            <input type="hidden" name="clubId" value={club.id} />
            <input type="hidden" name="date" value={isoDate(date)} />
            <Field label="Тема занятия" name="topic">
              <Input required maxLength={300} defaultValue={session?.topic ?? view.nextTopic} className="w-full" />
            </Field>
            <DataTable
              label="Посещаемость занятия"
              empty={`В объединении нет ${v.student.genPl}`}
              columns={[
                { key: "name", header: cap(v.student.nom), rowHeader: true },
                { key: "class", header: cap(v.class.nom) },
                { key: "code", header: "Посещаемость" },
                ...(settings.marksAllowed ? [{ key: "mark", header: "Отметка" }] : []),
              ]}
              rows={club.members.map((m) => ({
                key: m.studentId,
                cells: {
                  name: m.name,
                  class: m.className,
                  code: (
                    <Select
                      name={`a:${m.studentId}`}
                      aria-label={`Посещаемость: ${m.name}`}
                      size="sm"
                      placeholder="присутствовал"
                      defaultValue={cellOf(m.studentId)?.code ?? ""}
                      options={codeOptions}
                    />
                  ),
                  mark: (
                    <Input
                      name={`m:${m.studentId}`}
                      aria-label={`Отметка: ${m.name}`}
                      size="sm"
                      inputMode="numeric"
                      maxLength={2}
                      defaultValue={cellOf(m.studentId)?.mark ?? ""}
                      className="w-14"
                    />
                  ),
                },
              }))}
            />
          </ActionForm>
        </Card>
      )}
      <Card title="Проведённые занятия">
        <DataTable
          label="Проведённые занятия"
          empty="Занятий ещё не записано"
          columns={[
            { key: "date", header: "Дата", rowHeader: true, sortable: true },
            { key: "topic", header: "Тема" },
            { key: "absent", header: "Отсутствовали" },
          ]}
          rows={[...view.sessions].reverse().map((s) => ({
            key: s.id,
            cells: {
              date: { value: formatDate(s.date), sort: s.date.getTime() },
              topic: s.topic,
              absent:
                s.cells
                  .filter((c) => c.code && c.code !== "OP")
                  .map((c) => `${nameOf.get(c.studentId)?.name ?? "—"} (${ATTENDANCE_LABELS[c.code!]})`)
                  .join(", ") || "—",
            },
          }))}
        />
      </Card>
      <Card title="Посещаемость (по занятиям объединения)">
        <DataTable
          label="Посещаемость объединения"
          empty={`В объединении нет ${v.student.genPl}`}
          columns={[
            { key: "name", header: cap(v.student.nom), rowHeader: true, sortable: true },
            { key: "class", header: cap(v.class.nom), sortable: true },
            { key: "sessions", header: "Занятий", align: "right" },
            { key: "absent", header: "Пропущено", align: "right", sortable: true },
            { key: "excused", header: "из них по ув. причине", align: "right" },
            { key: "late", header: "Опозданий", align: "right" },
            { key: "percent", header: "Посещено, %", align: "right", sortable: true },
          ]}
          rows={view.summary.map((r) => {
            const m = nameOf.get(r.studentId);
            const percent = attendedPercent(r);
            return {
              key: r.studentId,
              cells: {
                name: m?.name ?? "—",
                class: m?.className ?? "—",
                sessions: r.sessions,
                absent: r.absent,
                excused: r.excused,
                late: r.late,
                percent: { value: percent === null ? "—" : `${percent}`, sort: percent ?? -1 },
              },
            };
          })}
        />
      </Card>
      <ClubReportForm
        kind={user.orgKind}
        clubId={club.id}
        title="Отчёт о посещаемости объединения (PDF, XLSX)"
        {...reportForm}
      />
    </div>
  );
}
