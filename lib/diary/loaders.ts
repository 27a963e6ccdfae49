import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import { todayIn } from "@/lib/org/time";
import { vocabulary } from "@/lib/org/vocabulary";
import { diaryStudentsOf, diaryWeekPage } from "./data";
import { diaryDay } from "./rules";
import { visitNewsAfter } from "./marks/loaders";

/** The children (or the student self) the signed-in user switches between (DRY-5). */
export const loadDiaryStudents = cache((user: CurrentUser) => diaryStudentsOf(user.organisationId, user.id));

/**
 * The week page in ONE statement (issue 22 item 5; two in round 13): DIARY_WEEK_PAGE brings the
 * organisation's study week (DAY-4) with the rest of the page and the week of the Monday diaryDay gives
 * for that study week — the statement picks between diaryDay's Mondays for a five- and a six-day week
 * (they differ on a Saturday without a chosen day); the club sessions of the study days (PRG-2); what is
 * new since the last visit (DRY-7) counted in the statement, else read apart. The page has authorised
 * diary.view.
 */
export async function loadDiaryWeekPage(
  user: CurrentUser,
  studentId: number,
  params: { day?: string; week?: string; view?: string },
  now: Date,
) {
  const today = todayIn(user.timeZone, now);
  const mondays = { five: diaryDay(params, today, 5).monday, six: diaryDay(params, today, 6).monday };
  const { page, week } = await diaryWeekPage(
    user.organisationId,
    user.id,
    studentId,
    { roles: user.roles, today, now, announcements: 5 },
    mondays,
    vocabulary(user.orgKind).teacher.nom,
  );
  const news = await visitNewsAfter(user.organisationId, user.id, studentId, page.seen, now, page.news);
  const { studyDays } = page;
  return { page: { ...page, news }, week, shown: diaryDay(params, today, studyDays), today, studyDays };
}
