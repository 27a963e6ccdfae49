"use server";
// The class teacher sets the reason of each absence in own class (JRN-4: УП / НП / Б, and ОТ);
// each row is written with the version it was loaded with (NFR-3) and recorded in the history.
// The one lock (kind «reason»): never in a closed period or year (REC-1, REC-2); the edit window and
// a final do not hold it — the documents behind a reason arrive late.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { idSchema } from "@/lib/people/schema";
import { requireUserForAction } from "@/lib/access/guard";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { authorizeAny } from "@/lib/access/authorize";
import { emitWebhookEvent } from "@/lib/webhooks/mutations";
import { writeAttendance } from "../mutations";
import { reasonApplies, type AttendanceCodeName } from "../rules";
import { lessonClass } from "./data";
import { journalLockContext } from "../data";
import { journalLock, lockFactsOf, type LockContext } from "../lock";
import { serverNow } from "@/lib/org/clock";
import { formatDate, todayIn } from "@/lib/org/time";

const CODES: readonly AttendanceCodeName[] = ["N", "UP", "NP", "B", "OT"];
const versionSchema = z.coerce.number().int().min(0).max(2_147_483_647);

export async function saveReasonsAction(
  _prev: ActionResult<{ message: string }> | null,
  data: FormData,
): Promise<ActionResult<{ message: string }>> {
  const signedIn = await requireUserForAction();
  if (!signedIn.ok) return signedIn;
  const user = signedIn.user;
  // Ids and versions are bounded to the database's int (a 500 before: «99999999999999999999»).
  const parsedClass = idSchema.safeParse(data.get("classId"));
  if (!parsedClass.success) return fail("INVALID_INPUT");
  const classId = parsedClass.data;
  if (!(await authorizeAny(user, ["attendance.reason"], { kind: "class", classId }))) return fail("FORBIDDEN");
  const changes: { lessonId: number; studentId: number; code: AttendanceCodeName; version: number }[] = [];
  for (const [key, value] of data.entries()) {
    const m = /^r:(\d+):(\d+)$/.exec(key);
    if (!m || typeof value !== "string") continue;
    const [code, original, version] = value.split(":");
    if (!CODES.includes(code as AttendanceCodeName) || !CODES.includes(original as AttendanceCodeName))
      return fail("INVALID_INPUT", "Недопустимый код посещаемости");
    if (code === original) continue;
    const lessonId = idSchema.safeParse(m[1]);
    const studentId = idSchema.safeParse(m[2]);
    const expected = versionSchema.safeParse(version);
    if (!lessonId.success || !studentId.success || !expected.success) return fail("INVALID_INPUT");
    changes.push({
      lessonId: lessonId.data,
      studentId: studentId.data,
      code: code as AttendanceCodeName,
      version: expected.data,
    });
  }
  if (changes.length > 500) return fail("INVALID_INPUT", "Слишком много изменений за раз");
  let saved = 0;
  const conflicts: string[] = [];
  const now = serverNow();
  const places = new Map<number, { classId: number; subjectId: number; date: Date } | null>();
  const contexts = new Map<number, LockContext | null>();
  for (const c of changes) {
    if (!places.has(c.lessonId)) places.set(c.lessonId, await lessonClass(user.organisationId, c.lessonId));
    const place = places.get(c.lessonId);
    if (place?.classId !== classId) return fail("FORBIDDEN");
    if (!contexts.has(place.subjectId))
      contexts.set(place.subjectId, await journalLockContext(user.organisationId, classId, place.subjectId, now));
    const ctx = contexts.get(place.subjectId);
    const lock = ctx
      ? journalLock("reason", lockFactsOf(ctx, place.date, { today: todayIn(ctx.timeZone, now), now }))
      : null;
    // Checked for every row before anything is written.
    if (lock && !lock.open) return fail("LOCKED", `${formatDate(place.date)}: ${lock.reason}`);
  }
  for (const c of changes) {
    const r = await writeAttendance({
      organisationId: user.organisationId,
      userId: user.id,
      lessonId: c.lessonId,
      studentId: c.studentId,
      next: { code: c.code, missedHours: null },
      expectedVersion: c.version,
      asReason: true,
      allow: (current) => (current !== null && reasonApplies(current, c.code) ? "write" : "deny"),
      reason: null,
      now,
    });
    if (r.ok) {
      saved++;
      if (!r.unchanged)
        await emitWebhookEvent(
          user.organisationId,
          "attendance.changed",
          { lessonId: c.lessonId, studentId: c.studentId, code: r.state?.code ?? null, version: r.version },
          now,
        );
    } else conflicts.push(`${c.lessonId}:${c.studentId}`);
  }
  revalidatePath("/journal/attendance");
  if (conflicts.length)
    return fail(
      "CONFLICT",
      `Сохранено: ${saved}. Не сохранено (изменены другим пользователем): ${conflicts.length} — обновите страницу`,
    );
  return ok({ message: `Сохранено причин: ${saved}` });
}
