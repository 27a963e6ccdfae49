"use server";
// ADMIN's decision on a request to open a locked date (JRN-6): approve for 12 hours or reject; and
// ADMIN's own opening of class × subject × dates with a reason (REC-1: the only way back into a
// closed period), 12 hours, audited.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { firstIssue, multiLine, idSchema } from "@/lib/schema";
import { requireUserForAction } from "@/lib/access/guard";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { authorizeAny } from "@/lib/access/authorize";
import { serverNow } from "@/lib/org/clock";
import { formatDate, formatDateTime } from "@/lib/org/time";
import { YEAR_CLOSED_REASON } from "../lock";
import { openTarget, unlockTarget } from "./data";
import { decideUnlockRequest, openDates } from "./mutations";
import { openDatesSchema } from "./schema";

const schema = z.object({
  requestId: idSchema,
  decision: z.enum(["approve", "reject"]),
  note: multiLine().trim().max(500, "Комментарий — не длиннее 500 символов").optional(),
});

export async function decideUnlockAction(
  _prev: ActionResult<{ message: string }> | null,
  data: FormData,
): Promise<ActionResult<{ message: string }>> {
  const signedIn = await requireUserForAction();
  if (!signedIn.ok) return signedIn;
  const user = signedIn.user;
  const parsed = schema.safeParse({
    requestId: data.get("requestId"),
    decision: data.get("decision"),
    note: data.get("note") ?? undefined,
  });
  if (!parsed.success) return fail("INVALID_INPUT", firstIssue(parsed.error));
  const target = await unlockTarget(user.organisationId, parsed.data.requestId);
  if (!target) return fail("NOT_FOUND");
  if (
    !(await authorizeAny(user, ["journal.unlock"], {
      kind: "class",
      classId: target.classId,
      subjectId: target.subjectId,
    }))
  )
    return fail("FORBIDDEN");
  const approve = parsed.data.decision === "approve";
  const r = await decideUnlockRequest({
    organisationId: user.organisationId,
    deciderId: user.id,
    requestId: parsed.data.requestId,
    decision: { approve, note: parsed.data.note || null },
    now: serverNow(),
  });
  if (!r) return fail("CONFLICT", "Решение по запросу уже принято");
  revalidatePath("/journal/unlock");
  return ok({ message: approve ? "Дата открыта на 12 часов" : "Запрос отклонён" });
}

export async function openDatesAction(
  _prev: ActionResult<{ message: string }> | null,
  data: FormData,
): Promise<ActionResult<{ message: string }>> {
  const signedIn = await requireUserForAction();
  if (!signedIn.ok) return signedIn;
  const user = signedIn.user;
  const parsed = openDatesSchema.safeParse({
    classId: data.get("classId"),
    subjectId: data.get("subjectId"),
    from: data.get("from") ?? "",
    to: data.get("to") ?? "",
    reason: data.get("reason") ?? "",
  });
  if (!parsed.success) return fail("INVALID_INPUT", firstIssue(parsed.error));
  const { classId, subjectId, from, to, reason } = parsed.data;
  if (!(await authorizeAny(user, ["journal.unlock"], { kind: "class", classId, subjectId }))) return fail("FORBIDDEN");
  const target = await openTarget(user.organisationId, classId, subjectId);
  if (!target) return fail("NOT_FOUND", "Класс или предмет не найден");
  if (target.yearClosed) return fail("LOCKED", YEAR_CLOSED_REASON);
  if (from < target.yearStart || to > target.yearEnd)
    return fail("INVALID_INPUT", "Даты должны лежать внутри учебного года класса");
  const r = await openDates({
    organisationId: user.organisationId,
    adminId: user.id,
    ...parsed.data,
    now: serverNow(),
  });
  revalidatePath("/journal/unlock");
  return ok({
    message: `${target.className}, ${target.subjectName}: ${formatDate(from)}${to > from ? `–${formatDate(to)}` : ""} открыто до ${formatDateTime(r.openUntil, user.timeZone)} (${reason})`,
  });
}
