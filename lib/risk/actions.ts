"use server";
// «Сообщить родителям» (DUT-5): zod → the gate (risk.notify on the class) → the command (every
// student in scope and at risk, each family its own message and push, a RiskNotice per student).
import { after } from "next/server";
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { serverNow } from "@/lib/org/clock";
import { notifyRisk } from "./commands";
import { riskNotify } from "./schema";

type Done = ActionResult<{ message: string }>;

export async function notifyRiskAction(_prev: Done | null, data: FormData): Promise<Done> {
  const parsed = riskNotify.safeParse({
    classId: data.get("classId"),
    studentIds: data.getAll("studentId").filter((v) => typeof v === "string"),
    text: data.get("text"),
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const i of parsed.error.issues) (fieldErrors[String(i.path[0] ?? "form")] ??= []).push(i.message);
    return fail("INVALID_INPUT", parsed.error.issues.map((i) => i.message).join("; "), fieldErrors);
  }
  const access = await requireAccessForAction("risk.notify", { kind: "class", classId: parsed.data.classId });
  if (!access.ok) return access;
  const r = await notifyRisk(access.user, parsed.data, serverNow(), (task) => after(task));
  if (!r.ok) return r;
  revalidatePath("/risk");
  return ok({ message: `Сообщения отправлены родителям учеников: ${r.data.sent}` });
}
