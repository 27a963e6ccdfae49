// The diary of one student (DRY-1, DRY-4, DRY-5, DRY-7, DAY-4): the week's lessons with times, rooms,
// topics, homework, marks with their assignment type and weight, attendance, changes and events. On a
// phone a day at a time (`?day=`; `?view=week` the whole week), on a wide screen the week (`?week=`).
// Only the student and their parents may open it; any other id answers «Нет доступа» (403) without data.
import { vocabulary } from "@/lib/org/vocabulary";
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireAccess } from "@/lib/access/guard";
import { loadDiaryWeekPage } from "@/lib/diary/loaders";
import { isoDate } from "@/lib/org/time";
import { serverNow } from "@/lib/org/clock";
import { WeekNav } from "@/components/diary/week-nav";
import { WeekView } from "@/components/diary/week-view";
import { DiaryHeader } from "@/components/diary/diary-header";
import { NewsBanner } from "@/components/diary/news-banner";
import { VisitSeen } from "@/components/diary/visit-seen";
import { Announcements } from "@/components/diary/announcements";
import { YearTabs } from "@/components/org/year-tabs";
import { idSchema } from "@/lib/schema";
import { ClubWeek } from "@/components/clubs/club-week";

export const metadata: Metadata = { title: "Дневник" };

const params = z.object({ studentId: idSchema });
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function DiaryPage({
  params: raw,
  searchParams,
}: {
  params: Promise<{ studentId: string }>;
  searchParams: Promise<{ week?: string | string[]; day?: string | string[]; view?: string | string[] }>;
}) {
  const parsed = params.safeParse(await raw);
  if (!parsed.success) notFound();
  const { studentId } = parsed.data;
  const [{ user }, search] = await Promise.all([
    requireAccess("diary.view", { kind: "student", studentId }),
    searchParams,
  ]);
  const now = serverNow();
  // One statement besides the gate's (issue 22 item 5): the week (with PRG-2's club sessions) and the
  // rest of the page — the header, the class teacher (the «write» link), the children, the visit, the
  // years, the announcements and the organisation's study week (DAY-4, which picks the week) — with what
  // is new since the last visit (DRY-7).
  const loaded = await loadDiaryWeekPage(
    user,
    studentId,
    { day: one(search.day), week: one(search.week), view: one(search.view) },
    now,
  );
  const { shown, today, studyDays, week: data, page } = loaded;
  const { monday } = shown;
  const { student, classTeacher, students, news, announcements } = page;
  const { years, periodId } = page.years;
  if (!student) notFound();
  const keep = shown.wholeWeek ? `week=${isoDate(monday)}&view=week` : `day=${isoDate(shown.day)}`;
  return (
    <div className="flex flex-col gap-2 md:gap-3">
      <DiaryHeader
        student={student}
        students={students}
        tab="week"
        periodId={periodId}
        query={keep}
        kind={user.orgKind}
        actions={
          classTeacher && (
            <Link href={`/mail/new?to=${classTeacher.userId}`} className="text-sm text-blue-700 underline">
              Написать {vocabulary(user.orgKind).classTeacher.dat}
            </Link>
          )
        }
      />
      <NewsBanner news={news} timeZone={user.timeZone} />
      <VisitSeen studentId={studentId} />
      {/* Past years (REC-3): each opens its marks, finals and absences; the week arrows reach its days. */}
      <YearTabs
        years={years.map((y) => ({
          ...y,
          href: y.isCurrent ? `/diary/${studentId}` : `/diary/${studentId}/marks?year=${y.id}`,
        }))}
        selectedId={years.find((y) => y.isCurrent)?.id ?? null}
      />
      <WeekNav
        studentId={studentId}
        monday={monday}
        day={shown.day}
        today={today}
        wholeWeek={shown.wholeWeek}
        studyDays={studyDays}
      />
      {/* On a phone the day's lessons come first; the announcements follow them. */}
      <div className="order-last md:order-none">
        <Announcements items={announcements} />
      </div>
      <WeekView
        monday={monday}
        lessons={data.lessons}
        events={data.events}
        due={data.due}
        timeZone={user.timeZone}
        since={news.since}
        studentId={studentId}
        studyDays={studyDays}
        selected={shown.day}
        wholeWeek={shown.wholeWeek}
        now={now}
        kind={user.orgKind}
      />
      <ClubWeek entries={data.clubs} />
    </div>
  );
}
