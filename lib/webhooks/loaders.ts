// REG-4: the webhooks page's reads for the signed-in administrator's organisation.
import type { CurrentUser } from "@/lib/auth/session";
import { deliveryLog, subscriptionsOf } from "./data";

export async function loadWebhooksPage(user: CurrentUser) {
  const [subscriptions, deliveries] = await Promise.all([
    subscriptionsOf(user.organisationId),
    deliveryLog(user.organisationId),
  ]);
  return { subscriptions, deliveries };
}
