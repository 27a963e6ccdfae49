// API-1: a student's week's lessons with times, rooms, changes, and events (SCH-2). diary.view on the student: the student self or a parent of theirs.
import { scheduleOf } from "@/lib/api/family/loaders";
import { scheduleSchema } from "@/lib/api/schema";
import { authorizedStudentWeek } from "@/lib/api/student-route";

export const dynamic = "force-dynamic";

export const GET = authorizedStudentWeek(scheduleSchema, scheduleOf);
