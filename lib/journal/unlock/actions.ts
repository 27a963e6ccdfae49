"use server";
// ADMIN's decision on a request to open a locked date (JRN-6): approve for 12 hours or reject.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { multiLine } from "@/lib/schema";
import { getCurrentUser } from "@/lib/auth/session";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { authorizeAny } from "@/lib/access/authorize";
import { firstIssue } from "../schema";
import { unlockTarget } from "./data";
import { decideUnlockRequest } from "./mutations";

const schema = z.object({
  requestId: z.coerce.number().int().positive().max(2_147_483_647),
  decision: z.enum(["approve", "reject"]),
  note: multiLine().trim().max(500, "Комментарий — не длиннее 500 символов").optional(),
});

export async function decideUnlockAction(
  _prev: ActionResult<{ message: string }> | null,
  data: FormData,
): Promise<ActionResult<{ message: string }>> {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword) return fail("UNAUTHENTICATED");
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
    now: new Date(),
  });
  if (!r) return fail("CONFLICT", "Решение по запросу уже принято");
  revalidatePath("/journal/unlock");
  return ok({ message: approve ? "Дата открыта на 12 часов" : "Запрос отклонён" });
}
