// API-1: a student's homework set on the week's lessons, with files (JRN-2). diary.view on the student: the student self or a parent of theirs.
import { homeworkOf } from "@/lib/api/family/loaders";
import { homeworkListSchema } from "@/lib/api/schema";
import { authorizedStudentWeek } from "@/lib/api/student-route";

export const dynamic = "force-dynamic";

export const GET = authorizedStudentWeek(homeworkListSchema, homeworkOf);
