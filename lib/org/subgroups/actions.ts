"use server";
// «Набирать учеников в подгруппы» (ORG-4): subgroups.all for every class, subgroups.own for one's
// own class (class teacher) or own class+subject (teacher by load).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorize } from "@/lib/access/authorize";
import { requireAccessForAction } from "@/lib/access/guard";
import { refuseOutOfScope, storedScopeCheck } from "@/lib/access/stored";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { todayIn } from "@/lib/org/time";
import { subgroupRef } from "./data";
import { setSubgroupMembers } from "./mutations";
import { idSchema } from "@/lib/schema";

const ids = z.array(idSchema);

export async function saveSubgroupMembersAction(
  rawSubgroupId: number,
  _prev: ActionResult<{ count: number }> | null,
  form: FormData,
): Promise<ActionResult<{ count: number }>> {
  const subgroupId = idSchema.safeParse(rawSubgroupId);
  const students = ids.safeParse(form.getAll("student"));
  if (!subgroupId.success) return fail("NOT_FOUND");
  if (!students.success) return fail("INVALID_INPUT", "Неверный список учеников");
  const signedIn = await requireAccessForAction("classes.view");
  if (!signedIn.ok) return signedIn;
  const sg = await subgroupRef(signedIn.user.organisationId, subgroupId.data);
  if (!sg) return fail("NOT_FOUND");
  const target = { kind: "class", classId: sg.classId, subjectId: sg.subjectId ?? undefined } as const;
  const [all, own] = await Promise.all([
    authorize(signedIn.user, "subgroups.all", target),
    authorize(signedIn.user, "subgroups.own", target),
  ]);
  if (!all.allowed && !own.allowed) return fail("FORBIDDEN");
  const out = await refuseOutOfScope(() =>
    setSubgroupMembers(
      signedIn.user.organisationId,
      signedIn.user.id,
      subgroupId.data,
      students.data,
      todayIn(signedIn.user.timeZone),
      storedScopeCheck(signedIn.user, ["subgroups.all", "subgroups.own"]),
    ),
  );
  if ("code" in out) return out;
  if (!out.ok) return fail("INVALID_INPUT", out.message);
  revalidatePath(`/org/classes/${sg.classId}/subgroups`);
  return ok({ count: out.count });
}
