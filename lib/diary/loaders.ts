import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import { announcementsFor } from "@/lib/messages/data";
import { todayIn } from "@/lib/org/time";
import { vocabulary } from "@/lib/org/vocabulary";
import { classTeacherOfClass, diaryStudentsOf, diaryWeek, studentClassIdsOn } from "./data";

/**
 * The week of a student the page has authorised with `diary.view` (DRY-1), with the student's club
 * sessions of `clubDays` (PRG-2) — one statement.
 */
export const loadDiaryWeek = cache((user: CurrentUser, studentId: number, monday: Date, clubDays: readonly Date[]) =>
  diaryWeek(user.organisationId, studentId, monday, vocabulary(user.orgKind).teacher.nom, clubDays),
);

/** The children (or the student self) the signed-in user switches between (DRY-5). */
export const loadDiaryStudents = cache((user: CurrentUser) => diaryStudentsOf(user.organisationId, user.id));

/** DRY-4: announcements the reader sees, for the student's current class (the page has authorised diary.view). */
export const loadDiaryAnnouncements = cache(async (user: CurrentUser, studentId: number) => {
  const today = todayIn(user.timeZone);
  const classIds = await studentClassIdsOn(user.organisationId, studentId, today);
  return announcementsFor(user.organisationId, user.roles, classIds, new Date(), 5);
});

/** DAY-4: whom «Написать классному руководителю» writes to — the student's current class teacher (or curator). */
export const loadDiaryClassTeacher = cache((user: CurrentUser, classId: number | null) =>
  classId === null ? Promise.resolve(null) : classTeacherOfClass(user.organisationId, classId),
);
