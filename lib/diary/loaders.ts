import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import { todayIn } from "@/lib/org/time";
import { vocabulary } from "@/lib/org/vocabulary";
import { diaryPage, diaryStudentsOf, diaryWeek } from "./data";

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
