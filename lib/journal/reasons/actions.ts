"use server";
// The class teacher sets the reason of each absence in own class (JRN-4: УП / НП / Б, and ОТ);
// each row is written with the version it was loaded with (NFR-3) and recorded in the history.
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { authorizeAny } from "@/lib/access/authorize";
import { writeAttendance } from "../mutations";
import { reasonApplies, type AttendanceCodeName } from "../rules";
import { lessonClass } from "./data";

const CODES: readonly AttendanceCodeName[] = ["N", "UP", "NP", "B", "OT"];

export async function saveReasonsAction(
  _prev: ActionResult<{ message: string }> | null,
  data: FormData,
): Promise<ActionResult<{ message: string }>> {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword) return fail("UNAUTHENTICATED");
  const classId = Number(data.get("classId"));
  if (!Number.isInteger(classId) || classId <= 0) return fail("INVALID_INPUT");
  if (!(await authorizeAny(user, ["attendance.reason"], { kind: "class", classId }))) return fail("FORBIDDEN");
  const changes: { lessonId: number; studentId: number; code: AttendanceCodeName; version: number }[] = [];
  for (const [key, value] of data.entries()) {
    const m = /^r:(\d+):(\d+)$/.exec(key);
    if (!m || typeof value !== "string") continue;
    const [code, original, version] = value.split(":");
    if (!CODES.includes(code as AttendanceCodeName) || !CODES.includes(original as AttendanceCodeName))
      return fail("INVALID_INPUT", "Недопустимый код посещаемости");
    if (code === original) continue;
    changes.push({
      lessonId: Number(m[1]),
      studentId: Number(m[2]),
      code: code as AttendanceCodeName,
      version: Number(version),
    });
  }
  if (changes.length > 500) return fail("INVALID_INPUT", "Слишком много изменений за раз");
  let saved = 0;
  const conflicts: string[] = [];
  const now = new Date();
  for (const c of changes) {
    if ((await lessonClass(user.organisationId, c.lessonId)) !== classId) return fail("FORBIDDEN");
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
    if (r.ok) saved++;
    else conflicts.push(`${c.lessonId}:${c.studentId}`);
  }
  revalidatePath("/journal/attendance");
  if (conflicts.length)
    return fail(
      "CONFLICT",
      `Сохранено: ${saved}. Не сохранено (изменены другим пользователем): ${conflicts.length} — обновите страницу`,
    );
  return ok({ message: `Сохранено причин: ${saved}` });
}
