"use server";
// SCH-1: a school-wide event needs events.school; a class event events.class for that class
// (a class teacher: own class) or events.school.
import { formInput } from "@/lib/schema";
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { eventForm } from "../schema";
import { localInstant } from "../week";
import { createEvent } from "./mutations";

export async function createEventAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const parsed = formInput(eventForm, form);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  let access = await requireAccessForAction("events.school");
  if (!access.ok && v.classId !== null)
    access = await requireAccessForAction("events.class", { kind: "class", classId: v.classId });
  if (!access.ok) return access;
  const tz = access.user.timeZone;
  const id = await createEvent(access.user.organisationId, access.user.id, {
    title: v.title,
    description: v.description,
    place: v.place,
    classId: v.classId,
    startsAt: localInstant(v.date, v.startTime, tz),
    endsAt: v.endTime ? localInstant(v.date, v.endTime, tz) : null,
  });
  if (id === null) return fail("NOT_FOUND", "Класс не найден");
  revalidatePath("/schedule", "layout");
  return ok(undefined);
}
