"use server";
// «Почта»: sending a message (MSG-1). Parse → gate (mail.use) → recipient rule and files →
// one transaction → e-mail copies after the response.
import { after } from "next/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { fail, type ActionResult } from "@/lib/errors";
import { requireAccessForAction } from "@/lib/access/guard";
import { formFiles, parseComposeForm } from "../schema";
import { sendMessage } from "./commands";

export async function sendMessageAction(
  _prev: ActionResult<{ messageId: number }> | null,
  form: FormData,
): Promise<ActionResult<{ messageId: number }>> {
  const parsed = parseComposeForm(form);
  if (!parsed.ok) return fail("INVALID_INPUT", parsed.message, parsed.fieldErrors);
  const access = await requireAccessForAction("mail.use");
  if (!access.ok) return access;
  const result = await sendMessage(access.user, parsed.data, formFiles(form), { schedule: (task) => after(task) });
  if (!result.ok) return result;
  revalidatePath("/mail", "layout");
  redirect(`/mail/${result.data.messageId}?sent=1`);
}
