// «Уроки журнала»: generate the journal's lessons from the timetable for a period (SCH-4).
import { cap, vocabulary } from "@/lib/org/vocabulary";
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { getCurrentUser } from "@/lib/auth/session";
import { heldPermissions } from "@/lib/access/loaders";
import { loadClassPicker } from "@/lib/schedule/timetable/loaders";
import { loadCurrentYear } from "@/lib/org/setup/loaders";
import { addDays, isoDate, mondayOf, todayIn } from "@/lib/org/time";
import { ScheduleTabs } from "@/components/schedule/schedule-tabs";
import { GenerateForm } from "@/components/schedule/generate-form";
import { PageHeader } from "@/components/ui/page-header";

/** The tab's title in the organisation's words (DAY-6, issue 22 round 24): «Занятия журнала» at a college. */
export async function generateMetadata(): Promise<Metadata> {
  const user = await getCurrentUser();
  return { title: `${cap(vocabulary(user?.orgKind ?? "SCHOOL").lesson.nomPl)} журнала` };
}

export default async function LessonsPage() {
  const { user, scopes } = await requireAccess("schedule.edit");
  const [held, classes, year] = await Promise.all([
    heldPermissions(user.organisationId, user.id),
    loadClassPicker(user, scopes),
    loadCurrentYear(user),
  ]);
  const v = vocabulary(user.orgKind);
  const monday = mondayOf(todayIn(user.timeZone));
  // DAY-1: lessons cover the study year — by default from this week to the year's last day.
  const to = year && year.endDate.getTime() > monday.getTime() ? year.endDate : addDays(monday, 13);
  return (
    <div className="space-y-3">
      <ScheduleTabs held={held} current="/schedule/lessons" />
      <PageHeader title={`${cap(v.lesson.nomPl)} журнала`} />
      <p className="max-w-3xl text-sm text-slate-600">
        {cap(v.lesson.nomPl)} (колонки журнала) создаются по расписанию с учётом изменений, замен и каникул. Повторное
        формирование ничего не дублирует. {cap(v.lesson.nom)}, в котором уже есть оценки, посещаемость, тема или
        домашнее задание, никогда не удаляется и не переносится, а попадает в отчёт.
      </p>
      <GenerateForm classes={classes} from={isoDate(monday)} to={isoDate(to)} kind={user.orgKind} />
    </div>
  );
}
