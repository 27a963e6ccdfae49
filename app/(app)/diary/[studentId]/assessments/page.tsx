// The diary's «График контрольных» (PRG-4): the published assessment schedule of the student's class
// for a period — current dates from the КТП, changes since publication marked; PDF and XLSX. The
// student and their parents (assessments.view «self» on the student) and staff may open it; nothing
// is shown before the deputy publishes the period's schedule.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireAccess } from "@/lib/access/guard";
import { loadFamilySchedule } from "@/lib/assessments/loaders";
import { loadDiaryStudents } from "@/lib/diary/loaders";
import { serverNow } from "@/lib/org/clock";
import { formatDate, todayIn } from "@/lib/org/time";
import { loadStudentHeader } from "@/lib/people/loaders";
import { idSchema } from "@/lib/schema";
import { AssessmentCalendar } from "@/components/assessments/assessment-calendar";
import { DiaryHeader } from "@/components/diary/diary-header";
import { PeriodTabs } from "@/components/diary/period-tabs";
import { ScheduleDownloads } from "@/components/assessments/schedule-downloads";

export const metadata: Metadata = { title: "Дневник: график контрольных" };

const params = z.object({ studentId: idSchema });
const periodParam = idSchema;

export default async function DiaryAssessmentsPage({
  params: raw,
  searchParams,
}: {
  params: Promise<{ studentId: string }>;
  searchParams: Promise<{ period?: string | string[] }>;
}) {
  const parsed = params.safeParse(await raw);
  if (!parsed.success) notFound();
  const { studentId } = parsed.data;
  const { user } = await requireAccess("assessments.view", { kind: "student", studentId });
  const p = periodParam.safeParse((await searchParams).period);
  const today = todayIn(user.timeZone, serverNow());
  const [student, students, view] = await Promise.all([
    loadStudentHeader(user, studentId),
    loadDiaryStudents(user),
    loadFamilySchedule(user.organisationId, studentId, p.success ? p.data : null, today),
  ]);
  if (!student) notFound();
  const s = view.data;
  return (
    <div className="space-y-3">
      <DiaryHeader
        student={student}
        students={students}
        tab="assessments"
        periodId={view.period?.id ?? null}
        kind={user.orgKind}
      />
      <PeriodTabs base={`/diary/${studentId}/assessments`} periods={view.periods} currentId={view.period?.id ?? null} />
      {!view.period ? (
        <p className="text-sm text-slate-600">Нет учебного периода.</p>
      ) : !s ? (
        <p className="text-sm text-slate-600">
          График оценочных процедур на {view.period.name.toLowerCase()} ещё не опубликован.
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-600">
            {view.period.name}: {formatDate(view.period.start)} — {formatDate(view.period.end)}. Опубликован{" "}
            {formatDate(s.publication!.publishedAt)}
            {s.changed > 0 ? `; изменений после публикации: ${s.changed}` : ""}.
          </p>
          <div className="flex gap-2">
            <ScheduleDownloads of={{ studentId }} periodId={view.period.id} />
          </div>
          <AssessmentCalendar items={s.shown} empty="В этом периоде оценочных процедур нет." warnDays={false} />
        </>
      )}
    </div>
  );
}
