"use server";
// API-4: a device opts in (or changes its kinds, or opts out) on «Профиль → Уведомления». The gate
// is the signed-in session: a device subscription is one's own setting, like a password; the
// kinds offered follow the user's roles (rules.ts). Only https endpoints are accepted (browsers'
// push services are https; nothing else is ever contacted by the server).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { singleLine } from "@/lib/schema";
import { requireAccessToOwnSettings } from "@/lib/access/guard";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { removeSubscription, saveSubscription } from "./mutations";
import { kindsFor, PUSH_KINDS } from "./rules";

const b64url = singleLine()
  .regex(/^[A-Za-z0-9_-]+={0,2}$/, "Неверный ключ подписки")
  .max(200);

const subscriptionSchema = z.object({
  endpoint: z
    .url({ error: "Неверный адрес подписки" })
    .max(2000)
    .refine((u) => u.startsWith("https://"), "Адрес подписки должен быть https"),
  keys: z.object({ p256dh: b64url, auth: b64url }),
  kinds: z.array(z.enum(PUSH_KINDS)).max(PUSH_KINDS.length),
});

export async function savePushSubscriptionAction(input: unknown): Promise<ActionResult<{ kinds: string[] }>> {
  const user = await requireAccessToOwnSettings();
  if (!user) return fail("UNAUTHENTICATED");
  const parsed = subscriptionSchema.safeParse(input);
  if (!parsed.success) return fail("INVALID_INPUT", parsed.error.issues[0]?.message);
  const allowed = kindsFor(user.roles);
  const kinds = parsed.data.kinds.filter((k) => allowed.includes(k));
  const { endpoint, keys } = parsed.data;
  await saveSubscription(user.organisationId, user.id, { endpoint, p256dh: keys.p256dh, auth: keys.auth, kinds });
  revalidatePath("/profile/notifications");
  return ok({ kinds });
}

export async function removePushSubscriptionAction(endpoint: unknown): Promise<ActionResult> {
  const user = await requireAccessToOwnSettings();
  if (!user) return fail("UNAUTHENTICATED");
  // The same endpoint rule as for opting in (an https URL: no control characters reach the database).
  const parsed = subscriptionSchema.shape.endpoint.safeParse(endpoint);
  if (!parsed.success) return fail("INVALID_INPUT", parsed.error.issues[0]?.message);
  await removeSubscription(user.organisationId, user.id, parsed.data);
  revalidatePath("/profile/notifications");
  return ok(undefined);
}
