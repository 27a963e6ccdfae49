// Session-bound reads of the daily deadline (DUT-1): the control page's shares per teacher and the
// teacher's own unfilled lessons of the day for the home page. Scopes come from the gate.
import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import type { Scope } from "@/lib/access/matrix";
import { classesToList, listScope } from "@/lib/access/scope";
import { serverNow } from "@/lib/org/clock";
import { todayIn } from "@/lib/org/time";
import { deadlineSettings, fillNames, lessonFills, reminderOf } from "./data";
import { deadlineFigures } from "./report";
import { deadlineAt, deadlineText, missingParts, type FillPart } from "./rules";

/** The shares on `day` (not after today) for the control page's filters. */
export async function loadDeadlineShares(
  user: CurrentUser,
  scopes: readonly Scope[],
  q: { day: Date; classId?: number; teacherId?: number },
) {
  const now = serverNow();
  const today = todayIn(user.timeZone, now);
  let ids = classesToList(await listScope(user, { scopes }));
  if (q.classId) ids = ids && !ids.has(q.classId) ? new Set() : new Set([q.classId]);
  const day = q.day > today ? today : q.day;
  return deadlineFigures(user.organisationId, { day, classIds: ids, teacherId: q.teacherId }, now);
}

export type OpenLesson = {
  lessonId: number;
  classId: number;
  subjectId: number;
  bell: number;
  className: string;
  subject: string;
  missing: FillPart[];
};

/** The teacher's lessons of today not filled yet, the deadline and the reminder if it was sent. */
export const loadMyDeadline = cache(async (user: CurrentUser) => {
  const now = serverNow();
  const today = todayIn(user.timeZone, now);
  const [settings, fills, reminder] = await Promise.all([
    deadlineSettings(user.organisationId),
    lessonFills(user.organisationId, { from: today, to: today, classIds: null, teacherId: user.id }),
    reminderOf(user.organisationId, user.id, today),
  ]);
  const open = fills.filter((l) => missingParts(l).length > 0).sort((a, b) => a.bell - b.bell);
  const names = await fillNames(user.organisationId, {
    teachers: [],
    classes: [...new Set(open.map((l) => l.classId))],
    subjects: [...new Set(open.map((l) => l.subjectId))],
  });
  const lessons: OpenLesson[] = open.map((l) => ({
    lessonId: l.lessonId,
    classId: l.classId,
    subjectId: l.subjectId,
    bell: l.bell,
    className: names.classes.get(l.classId) ?? "—",
    subject: names.subjects.get(l.subjectId) ?? "—",
    missing: missingParts(l),
  }));
  return {
    deadline: deadlineText(settings.minutes),
    passed: now.getTime() >= deadlineAt(today, settings.minutes, settings.timeZone).getTime(),
    reminder,
    lessons,
  };
});
