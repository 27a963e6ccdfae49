// API-1: a student's week's attendance marks (JRN-3). diary.view on the student: the student self or a parent of theirs.
import { attendanceOf } from "@/lib/api/family/loaders";
import { attendanceListSchema } from "@/lib/api/schema";
import { authorizedStudentWeek } from "@/lib/api/student-route";

export const dynamic = "force-dynamic";

export const GET = authorizedStudentWeek(attendanceListSchema, attendanceOf);
