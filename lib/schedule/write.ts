// The scheduler's writes for a class (SCH-2, SCH-3), after the action has passed the gate: the
// stored-row check (SEC-2) goes in, a refusal of the mutation comes out as the action's answer,
// and the schedule's pages are revalidated after a write.
import { revalidatePath } from "next/cache";
import type { CurrentUser } from "@/lib/auth/rules";
import { refuseOutOfScope, storedScopeCheck, type StoredScopeCheck } from "@/lib/access/stored";
import { fail } from "@/lib/errors";

/** What a schedule mutation needs of the admitted scheduler. */
export type ScheduleWriter = {
  organisationId: number;
  actorId: number;
  isCollege: boolean;
  scopeCheck: StoredScopeCheck;
};

type Refusal = { ok: false; reason: string; message?: string; messages?: string[] };
type Failure = ReturnType<typeof fail>;

/** A mutation's refusal: not found, a closed year (locked), else the input's fault (a clash, a bad range). */
export function scheduleRefusal(r: Refusal): Failure {
  return fail(
    r.reason === "not_found" ? "NOT_FOUND" : r.reason === "locked" ? "LOCKED" : "INVALID_INPUT",
    r.message ?? r.messages?.join(". "),
  );
}

/** Runs `write` for the admitted user (stored rows checked against "schedule.edit"); revalidates on success. */
export async function writeSchedule<R extends { ok: true } | Refusal>(
  user: CurrentUser,
  write: (w: ScheduleWriter) => Promise<R>,
): Promise<Extract<R, { ok: true }> | Failure> {
  const result = await refuseOutOfScope(() =>
    write({
      organisationId: user.organisationId,
      actorId: user.id,
      isCollege: user.orgKind === "COLLEGE",
      scopeCheck: storedScopeCheck(user, "schedule.edit"),
    }),
  );
  if ("code" in result) return result;
  if (!result.ok) return scheduleRefusal(result as Refusal);
  revalidatePath("/schedule", "layout");
  return result as Extract<R, { ok: true }>;
}
