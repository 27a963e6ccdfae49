import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import { diaryStudentsOf, diaryWeek } from "./data";

/** The week of a student the page has authorised with `diary.view` (DRY-1). */
export const loadDiaryWeek = cache((user: CurrentUser, studentId: number, monday: Date) =>
  diaryWeek(user.organisationId, studentId, monday),
);

/** The children (or the student self) the signed-in user switches between (DRY-5). */
export const loadDiaryStudents = cache((user: CurrentUser) => diaryStudentsOf(user.organisationId, user.id));
