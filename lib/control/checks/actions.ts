"use server";
// «Записать проверку» (DUT-2): zod → the gate (control.check on the class) → the command (scope,
// level, remark rights, one transaction) → revalidate.
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { serverNow } from "@/lib/org/clock";
import { recordCheck } from "./commands";
import { checkCreate } from "./schema";
import { vocabulary } from "@/lib/org/vocabulary";

type Done = ActionResult<{ message: string }>;

const FIELDS = ["classId", "subjectId", "periodId", "level", "result", "findings", "remarkTeacherId", "remarkText"];

export async function recordCheckAction(_prev: Done | null, data: FormData): Promise<Done> {
  const raw: Record<string, string | undefined> = {};
  for (const name of FIELDS) {
    const v = data.get(name);
    raw[name] = typeof v === "string" ? v : undefined;
  }
  const parsed = checkCreate.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const i of parsed.error.issues) (fieldErrors[String(i.path[0] ?? "form")] ??= []).push(i.message);
    return fail("INVALID_INPUT", parsed.error.issues.map((i) => i.message).join("; "), fieldErrors);
  }
  const access = await requireAccessForAction("control.check", { kind: "class", classId: parsed.data.classId });
  if (!access.ok) return access;
  const r = await recordCheck(access.user, parsed.data, serverNow());
  if (!r.ok) return r;
  revalidatePath("/control/checks");
  revalidatePath("/control/remarks");
  revalidatePath("/");
  return ok({
    message: r.data.remarkId
      ? `Проверка записана, замечание отправлено ${vocabulary(access.user.orgKind).teacher.dat}`
      : "Проверка записана",
  });
}
