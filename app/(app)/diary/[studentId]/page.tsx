// The diary of one student (DRY-1, DRY-4, DRY-5, DRY-7): the week's lessons with times, rooms, topics,
// homework, marks with their assignment type and weight, attendance, changes and events. Only the
// student and their parents may open it; any other id answers «Нет доступа» (403) without data.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireAccess } from "@/lib/access/guard";
import { loadStudentHeader } from "@/lib/people/loaders";
import { loadDiaryStudents, loadDiaryWeek } from "@/lib/diary/loaders";
import { weekFromParam } from "@/lib/diary/rules";
import { todayIn } from "@/lib/org/time";
import { loadStudyDays } from "@/lib/org/loaders";
import { WeekNav } from "@/components/diary/week-nav";
import { WeekView } from "@/components/diary/week-view";
import { DiaryTabs } from "@/components/diary/diary-tabs";
import { NewsBanner } from "@/components/diary/news-banner";
import { Announcements } from "@/components/diary/announcements";
import { loadDiaryAnnouncements } from "@/lib/diary/loaders";
import { defaultPeriodId, loadDiaryVisit } from "@/lib/diary/marks/loaders";

export const metadata: Metadata = { title: "Дневник" };

const params = z.object({ studentId: z.coerce.number().int().positive().max(2_147_483_647) });

export default async function DiaryPage({
  params: raw,
  searchParams,
}: {
  params: Promise<{ studentId: string }>;
  searchParams: Promise<{ week?: string | string[] }>;
}) {
  const parsed = params.safeParse(await raw);
  if (!parsed.success) notFound();
  const { studentId } = parsed.data;
  const { user } = await requireAccess("diary.view", { kind: "student", studentId });
  const week = (await searchParams).week;
  const monday = weekFromParam(typeof week === "string" ? week : undefined, todayIn(user.timeZone));
  const [student, students, data, news, periodId, announcements, studyDays] = await Promise.all([
    loadStudentHeader(user, studentId),
    loadDiaryStudents(user),
    loadDiaryWeek(user, studentId, monday),
    loadDiaryVisit(user, studentId),
    defaultPeriodId(user.organisationId, studentId, todayIn(user.timeZone)),
    loadDiaryAnnouncements(user, studentId),
    loadStudyDays(user),
  ]);
  if (!student) notFound();
  return (
    <div className="space-y-3">
      <div>
        <h1 className="text-2xl font-semibold">Дневник</h1>
        <p className="text-sm text-slate-600">
          {student.fullName} · {student.className ?? "не зачислен в класс"}
        </p>
      </div>
      <DiaryTabs studentId={studentId} active="week" periodId={periodId} />
      <NewsBanner news={news} timeZone={user.timeZone} />
      <WeekNav studentId={studentId} monday={monday} students={students} studyDays={studyDays} />
      <Announcements items={announcements} />
      <WeekView
        monday={monday}
        lessons={data.lessons}
        events={data.events}
        timeZone={user.timeZone}
        since={news.since}
        studyDays={studyDays}
      />
    </div>
  );
}
