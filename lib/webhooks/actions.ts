"use server";
// REG-4: the administrator's webhook subscriptions on «Администрирование → Вебхуки» (webhooks.manage):
// create (the secret is shown once), turn off and on, delete. Each action passes the access gate.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireAccessForAction } from "@/lib/access/guard";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { fieldErrorsOf, firstIssue, idSchema } from "@/lib/schema";
import { subscriptionCount } from "./data";
import { createSubscription, deleteSubscription, setSubscriptionActive } from "./mutations";
import { urlRefusal } from "./net";
import { newWebhookSecret, subscriptionSchema } from "./rules";

/** An organisation holds at most this many subscriptions. */
const MAX_SUBSCRIPTIONS = 20;
const PAGE = "/admin/webhooks";

export async function createSubscriptionAction(
  _prev: ActionResult<{ secret: string }> | null,
  form: FormData,
): Promise<ActionResult<{ secret: string }>> {
  const gate = await requireAccessForAction("webhooks.manage");
  if (!gate.ok) return gate;
  const parsed = subscriptionSchema.safeParse({
    url: form.get("url"),
    events: form.getAll("events").filter((v) => typeof v === "string"),
  });
  if (!parsed.success) return fail("INVALID_INPUT", firstIssue(parsed.error), fieldErrorsOf(parsed.error));
  const refusal = urlRefusal(parsed.data.url);
  if (refusal) return fail("INVALID_INPUT", refusal, { url: [refusal] });
  const { organisationId, id: userId } = gate.user;
  if ((await subscriptionCount(organisationId)) >= MAX_SUBSCRIPTIONS)
    return fail("INVALID_INPUT", `Можно держать не больше ${MAX_SUBSCRIPTIONS} подписок: удалите ненужные`);
  const secret = newWebhookSecret();
  await createSubscription(organisationId, userId, parsed.data.url, [...new Set(parsed.data.events)], secret);
  revalidatePath(PAGE);
  return ok({ secret });
}

const toggleSchema = z.object({ subscriptionId: idSchema, active: z.enum(["0", "1"], { error: "Неверное действие" }) });

export async function toggleSubscriptionAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const gate = await requireAccessForAction("webhooks.manage");
  if (!gate.ok) return gate;
  const parsed = toggleSchema.safeParse({ subscriptionId: form.get("subscriptionId"), active: form.get("active") });
  if (!parsed.success) return fail("INVALID_INPUT", firstIssue(parsed.error));
  const done = await setSubscriptionActive(
    gate.user.organisationId,
    parsed.data.subscriptionId,
    parsed.data.active === "1",
  );
  if (!done) return fail("NOT_FOUND", "Подписка не найдена");
  revalidatePath(PAGE);
  return ok(undefined);
}

const deleteSchema = z.object({ subscriptionId: idSchema });

export async function deleteSubscriptionAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const gate = await requireAccessForAction("webhooks.manage");
  if (!gate.ok) return gate;
  const parsed = deleteSchema.safeParse({ subscriptionId: form.get("subscriptionId") });
  if (!parsed.success) return fail("INVALID_INPUT", firstIssue(parsed.error));
  if (!(await deleteSubscription(gate.user.organisationId, parsed.data.subscriptionId)))
    return fail("NOT_FOUND", "Подписка не найдена");
  revalidatePath(PAGE);
  return ok(undefined);
}
