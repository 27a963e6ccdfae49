// API-1, LRN-1: the week's homework that asks for a hand-in, with the student's hand-in, its state,
// the teacher's comment and mark. diary.view on the student: the student self or a parent of theirs.
import { handinsOf } from "@/lib/api/handin/loaders";
import { handinListSchema } from "@/lib/api/handin/schema";
import { authorizedStudentWeek } from "@/lib/api/student-route";

export const dynamic = "force-dynamic";

export const GET = authorizedStudentWeek(handinListSchema, handinsOf);
