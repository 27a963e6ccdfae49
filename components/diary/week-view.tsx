// The diary week (DRY-1, DRY-4, DAY-4, DAY-10, LRN-1, LRN-2): packed on the server into compact data
// with every text formatted (week-pack.ts), laid out by one client component (week-board.tsx) — the
// RSC payload carries the week's data once, not a server tree of elements and class names (issue 22
// item 5). The data goes as ONE JSON string (round 15): React's flight writes a string of 1 KB or more
// as a raw text row, so neither the server's serialiser nor the page render's and the browser's flight
// readers walk the week value by value (≈ 2,000 values on a full week) — JSON.stringify and JSON.parse
// do it natively. The HTML is complete without script.
import type { DiaryDue, DiaryEvent, DiaryLesson } from "@/lib/diary/data";
import type { StudyDays } from "@/lib/schedule/week";
import type { OrgKindName } from "@/lib/org/vocabulary";
import { packWeek } from "./week-pack";
import { WeekBoard } from "./week-board";

export function WeekView({
  monday,
  lessons,
  events,
  due = [],
  timeZone,
  since = null,
  studentId,
  studyDays,
  selected = null,
  wholeWeek = true,
  now,
  kind,
}: {
  studyDays: StudyDays;
  /** DAY-4: the day a phone shows (highlighted on a wide screen). */
  selected?: Date | null;
  /** DAY-4: false — a phone shows only the selected day. */
  wholeWeek?: boolean;
  monday: Date;
  lessons: DiaryLesson[];
  events: DiaryEvent[];
  /** DAY-4: homework due on the week's days. */
  due?: DiaryDue[];
  timeZone: string;
  since?: Date | null;
  /** The diary's student: homework asking for a hand-in links to its hand-in page (LRN-1). */
  studentId?: number;
  /** The request's moment (a hand-in's state: missing after its deadline). */
  now: Date;
  /** DAY-6: the organisation's kind (a college's week carries its words). */
  kind?: OrgKindName;
}) {
  const week = packWeek({
    monday,
    lessons,
    events,
    due,
    timeZone,
    since,
    studentId,
    studyDays,
    selected,
    wholeWeek,
    now,
    kind,
  });
  return <WeekBoard week={JSON.stringify(week)} />;
}
