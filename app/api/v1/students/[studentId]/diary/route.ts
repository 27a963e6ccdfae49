// API-1: a student's diary week: lessons, homework with files, marks, attendance, events (DRY-1). diary.view on the student: the student self or a parent of theirs.
import { diaryOf } from "@/lib/api/family/loaders";
import { diaryWeekSchema } from "@/lib/api/schema";
import { authorizedStudentWeek } from "@/lib/api/student-route";

export const dynamic = "force-dynamic";

export const GET = authorizedStudentWeek(diaryWeekSchema, diaryOf);
