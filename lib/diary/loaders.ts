import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import { addDays, todayIn } from "@/lib/org/time";
import type { StudyDays } from "@/lib/schedule/week";
import { vocabulary } from "@/lib/org/vocabulary";
import { diaryPage, diaryStudentsOf, diaryWeek } from "./data";
import { diaryDay, diaryMondayEitherWeek, onStudyDays } from "./rules";
import { visitNewsAfter } from "./marks/loaders";

/**
 * The week of a student the page has authorised with `diary.view` (DRY-1), with the student's club
 * sessions of `clubDays` (PRG-2) — one statement.
 */
export const loadDiaryWeek = cache((user: CurrentUser, studentId: number, monday: Date, clubDays: readonly Date[]) =>
  diaryWeek(user.organisationId, studentId, monday, vocabulary(user.orgKind).teacher.nom, clubDays),
);

/** The children (or the student self) the signed-in user switches between (DRY-5). */
export const loadDiaryStudents = cache((user: CurrentUser) => diaryStudentsOf(user.organisationId, user.id));

/**
 * The week page's reads besides the week (one statement, DIARY_PAGE): the header, the class teacher
 * (DAY-4), the children (DRY-5), the visit (DRY-7), the years (REC-3) and the five newest announcements
 * for the student's classes today and the user's roles (DRY-4) — the page has authorised diary.view.
 */
export const loadDiaryPage = cache((user: CurrentUser, studentId: number, now: Date) =>
  diaryPage(user.organisationId, user.id, studentId, {
    roles: user.roles,
    today: todayIn(user.timeZone, now),
    now,
    announcements: 5,
  }),
);

/** The study days of the week from `monday` (PRG-2: the clubs shown under the lessons). */
const studyDates = (monday: Date, studyDays: StudyDays) =>
  Array.from({ length: studyDays }, (_, i) => addDays(monday, i));

/**
 * The week page's two statements at once (issue 22 item 5): DIARY_PAGE brings the organisation's study
 * week (DAY-4) with the rest of the page, and the week is read beside it — its Monday does not depend on
 * the study week but on a Saturday without a chosen day (then it waits for DIARY_PAGE); its clubs are
 * read for Monday…Saturday and kept on the study days; what is new since the last visit (DRY-7) with the
 * page's statement. The page has authorised diary.view.
 */
export async function loadDiaryWeekPage(
  user: CurrentUser,
  studentId: number,
  params: { day?: string; week?: string; view?: string },
  now: Date,
) {
  const today = todayIn(user.timeZone, now);
  const page = loadDiaryPage(user, studentId, now);
  // DRY-7: what is new since the visit — counted in DIARY_PAGE, else read apart beside the week.
  const withNews = page.then(async (p) => ({
    ...p,
    news: await visitNewsAfter(user.organisationId, user.id, studentId, p.seen, now, p.news),
  }));
  const monday = diaryMondayEitherWeek(params, today);
  const week = monday
    ? loadDiaryWeek(user, studentId, monday, studyDates(monday, 6))
    : page.then(({ studyDays }) => {
        const { monday: m } = diaryDay(params, today, studyDays);
        return loadDiaryWeek(user, studentId, m, studyDates(m, studyDays));
      });
  const [p, w] = await Promise.all([withNews, week]);
  const { studyDays } = p;
  const shown = diaryDay(params, today, studyDays);
  return {
    page: p,
    week: { ...w, clubs: onStudyDays(w.clubs, shown.monday, studyDays) },
    shown,
    today,
    studyDays,
  };
}
