"use server";
// API-2: the signed-in user creates (shown once) and revokes their own personal access tokens on
// «Профиль → Токены API». A token is one's own credential, not a matrix permission: the gate here
// is the signed-in session itself (no password change pending); what a token can read is decided
// per request by `authorize`, exactly as for the pages.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { singleLine, idSchema } from "@/lib/schema";
import { requireAccessToOwnSettings } from "@/lib/access/guard";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { liveTokenCount } from "./loaders";
import { createApiToken, revokeApiToken } from "./mutations";
import { hashApiToken, newApiToken, TOKEN_SCOPES } from "./token";

/** A user may hold at most this many live tokens (bounds what one leaked account can spread). */
const MAX_LIVE_TOKENS = 20;

const createSchema = z.object({
  name: singleLine({ error: "Укажите название токена" })
    .trim()
    .min(1, "Укажите название токена")
    .max(100, "Название длиннее 100 символов"),
  scope: z.enum(TOKEN_SCOPES as ["read", "write"], { error: "Выберите права токена" }),
});

const revokeSchema = z.object({ tokenId: idSchema });

export async function createTokenAction(
  _prev: ActionResult<{ token: string }> | null,
  form: FormData,
): Promise<ActionResult<{ token: string }>> {
  const user = await requireAccessToOwnSettings();
  if (!user) return fail("UNAUTHENTICATED");
  const parsed = createSchema.safeParse({ name: form.get("name"), scope: form.get("scope") });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
    return fail("INVALID_INPUT", parsed.error.issues[0]?.message, fieldErrors);
  }
  if ((await liveTokenCount(user)) >= MAX_LIVE_TOKENS)
    return fail("INVALID_INPUT", `Можно держать не больше ${MAX_LIVE_TOKENS} действующих токенов: отзовите ненужные`);
  const token = newApiToken(user.organisationId);
  await createApiToken(user.organisationId, user.id, parsed.data.name, parsed.data.scope, hashApiToken(token));
  revalidatePath("/profile/tokens");
  return ok({ token });
}

export async function revokeTokenAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireAccessToOwnSettings();
  if (!user) return fail("UNAUTHENTICATED");
  const parsed = revokeSchema.safeParse({ tokenId: form.get("tokenId") });
  if (!parsed.success) return fail("INVALID_INPUT");
  const done = await revokeApiToken(user.organisationId, user.id, parsed.data.tokenId);
  if (!done) return fail("NOT_FOUND", "Токен не найден или уже отозван");
  revalidatePath("/profile/tokens");
  return ok(undefined);
}
