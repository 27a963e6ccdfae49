// «График оценочных процедур» (PRG-4): per class and period the assessments of the approved КТП on
// their planned dates, the warnings (more than one a day, a subject over 10 % of its hours), the
// published version and the changes since; DEPUTY publishes; PDF and XLSX.
import type { Metadata } from "next";
import { forbidden, redirect } from "next/navigation";
import { requireAccess } from "@/lib/access/guard";
import { publishAssessmentsAction } from "@/lib/assessments/actions";
import { loadAssessmentPage } from "@/lib/assessments/loaders";
import { loadDiaryStudents } from "@/lib/diary/loaders";
import { serverNow } from "@/lib/org/clock";
import { formatDate, formatDateTime, todayIn } from "@/lib/org/time";
import { cap, vocabulary } from "@/lib/org/vocabulary";
import { AssessmentCalendar } from "@/components/assessments/assessment-calendar";
import { ScheduleDownloads } from "@/components/assessments/schedule-downloads";
import { SubjectLoads } from "@/components/assessments/subject-loads";
import { ActionForm } from "@/components/ui/action-form";
import { Card, Notice } from "@/components/ui/card";
import { Field, Select } from "@/components/ui/field";
import { PickerForm } from "@/components/ui/picker-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "График оценочных процедур" };

export default async function AssessmentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, scopes } = await requireAccess("assessments.view");
  if (scopes.every((s) => s === "self")) {
    // A family's schedule is the diary's tab of their child.
    const students = await loadDiaryStudents(user);
    redirect(students.length ? `/diary/${students[0].studentId}/assessments` : "/diary");
  }
  const v = vocabulary(user.orgKind);
  const today = todayIn(user.timeZone, serverNow());
  const page = await loadAssessmentPage(user, scopes, await searchParams, today);
  if (!page.allowed) forbidden();
  const s = page.data;
  return (
    <div className="space-y-4">
      <PageHeader title="График оценочных процедур" />
      <p className="max-w-3xl text-sm text-slate-600">
        Контрольные работы утверждённых КТП на датах {v.lesson.genPl}, на которые они приходятся по расписанию. Не
        больше одной оценочной процедуры в день в {v.class.prep} и не больше 10 % часов {v.subject.gen} в периоде.
      </p>
      <PickerForm label={`Выбор ${v.class.gen} и периода`}>
        <Field label={cap(v.class.nom)} name="class">
          <Select
            defaultValue={page.classId ?? undefined}
            options={page.classes.map((c) => ({ value: c.id, label: c.name }))}
          />
        </Field>
        {s && (
          <Field label="Период" name="period">
            <Select defaultValue={s.period.id} options={s.periods.map((p) => ({ value: p.id, label: p.name }))} />
          </Field>
        )}
      </PickerForm>
      {page.classId === null ? (
        <p className="text-sm text-slate-600">Нет {v.class.genPl}, за которые вы отвечаете.</p>
      ) : !s ? (
        <p className="text-sm text-slate-600">У учебного года нет периодов.</p>
      ) : (
        <>
          <Card
            title={`${s.className}, ${s.period.name} (${formatDate(s.period.start)} — ${formatDate(s.period.end)})`}
            actions={<ScheduleDownloads of={{ classId: s.classId }} periodId={s.period.id} />}
          >
            <p role="note" className="text-sm">
              {s.publication
                ? `Опубликован: версия ${s.publication.version} от ${formatDateTime(s.publication.publishedAt, user.timeZone)}${s.publication.publishedBy ? `, ${s.publication.publishedBy}` : ""}. Семьи видят его в дневнике.`
                : "Не опубликован — семьи его пока не видят."}
            </p>
            {s.publication && s.changed > 0 && (
              <Notice tone="info" className="mt-2">
                После публикации в КТП изменилось: {s.changed}. Семьи уже видят новые даты с пометками; опубликуйте
                заново, чтобы зафиксировать новую версию.
              </Notice>
            )}
            {page.canPublish && (
              <ActionForm
                action={publishAssessmentsAction}
                layout="inline"
                className="mt-2"
                label="Публикация графика"
                submitLabel={s.publication ? "Опубликовать заново" : "Опубликовать график"}
              >
                <input type="hidden" name="classId" value={s.classId} />
                <input type="hidden" name="periodId" value={s.period.id} />
              </ActionForm>
            )}
          </Card>
          {s.schedule.warnings.length > 0 && (
            <Notice tone="warning">
              <p className="font-medium">Предупреждения: {s.schedule.warnings.length}</p>
              <ul className="list-disc pl-5">
                {s.schedule.warnings.map((w, i) => (
                  <li key={i}>{w.text}</li>
                ))}
              </ul>
            </Notice>
          )}
          <AssessmentCalendar items={s.shown} empty="В утверждённых КТП нет контрольных работ на этот период." />
          <SubjectLoads loads={s.schedule.subjects} subjectWord={cap(v.subject.nom)} />
        </>
      )}
    </div>
  );
}
