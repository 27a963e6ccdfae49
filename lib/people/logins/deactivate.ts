// «Удалить пользователей из системы» (users.delete, ADMIN only). Children's and staff records
// are kept by law and the audit chain names users, so a login is never erased: it is closed —
// sign-in refused, every session ended — and can be reopened. Nobody closes their own login
// (so the organisation never loses its last administrator that way).
import { authorize, type Actor } from "@/lib/access/authorize";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { setUserActive } from "./mutations";

export async function setLoginActive(
  actor: Actor & { id: number },
  userId: number,
  active: boolean,
  ip: string | null,
): Promise<ActionResult> {
  const decision = await authorize(actor, "users.delete");
  if (!decision.allowed || !decision.scopes.includes("all")) return fail("FORBIDDEN");
  if (userId === actor.id) return fail("INVALID_INPUT", "Нельзя закрыть вход самому себе");
  const done = await setUserActive(actor.organisationId, actor.id, userId, active, new Date(), ip);
  return done ? ok(undefined) : fail("NOT_FOUND");
}
