"use server";
// SCH-4: the scheduler (re)generates the journal's lessons for a period and sees the report of
// lessons kept because they hold journal data.
import { formInput } from "@/lib/schema";
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { formatDate } from "@/lib/org/time";
import { vocabulary } from "@/lib/org/vocabulary";
import { generateForm } from "../schema";
import { departmentClassIds } from "./data";
import { frozenDays, regenerateLessons } from "./mutations";
import { YEAR_CLOSED_REASON } from "@/lib/journal/lock";

export type GenerateSummary = {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  /** Days of a closed period or year left untouched (REC-1, REC-2). */
  frozen: number;
  /** Classes without an approved timetable: no lessons (PRG-3). */
  unapproved: number;
  kept: {
    lessonId: number;
    className: string;
    subjectName: string;
    date: string;
    bellNumber: number;
    reason: string;
  }[];
};

export async function generateLessonsAction(
  _prev: ActionResult<GenerateSummary> | null,
  form: FormData,
): Promise<ActionResult<GenerateSummary>> {
  const parsed = formInput(generateForm, form);
  if (!parsed.ok) return parsed;
  const { classId, from, to } = parsed.data;
  const access = classId
    ? await requireAccessForAction("schedule.edit", { kind: "class", classId })
    : await requireAccessForAction("schedule.edit");
  if (!access.ok) return access;
  const v = vocabulary(access.user.orgKind);
  // REC-2: a closed year's lessons are frozen — generation for its class is refused outright.
  if (classId && (await frozenDays(access.user.organisationId, [classId]))(classId, from)?.code === "year")
    return fail("LOCKED", YEAR_CLOSED_REASON);
  // A department head without a class chosen regenerates their department's groups only.
  const classIds = classId
    ? [classId]
    : access.scopes.includes("all")
      ? null
      : await departmentClassIds(access.user.organisationId, access.user.id);
  const report = await regenerateLessons(access.user.organisationId, access.user.id, { from, to, classIds });
  revalidatePath("/schedule", "layout");
  return ok({
    created: report.created,
    updated: report.updated,
    deleted: report.deleted,
    unchanged: report.unchanged,
    frozen: report.frozen ?? 0,
    unapproved: report.unapproved ?? 0,
    kept: report.kept.map((k) => ({
      lessonId: k.lessonId,
      className: k.className,
      subjectName: k.subjectName,
      date: formatDate(k.date),
      bellNumber: k.bellNumber,
      reason:
        k.reason === "removed"
          ? `${v.lesson.gen} нет в расписании`
          : `${v.lesson.nom} в расписании ${v.lessonChange.changed}`,
    })),
  });
}
