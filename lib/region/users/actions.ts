"use server";
// The regional administrator's actions on authority logins (REG-1, `region.users`): issue a
// login with a one-time password, block / unblock, reset the password. Only accounts of the
// administrator's own region (its municipalities included) — the account's place is read from
// the database and checked against the administrator's territory, never taken from the form.
import { revalidatePath } from "next/cache";
import { requireAccessAsAuthorityForAction } from "@/lib/access/guard";
import { territoryCovers } from "@/lib/auth/authority/rules";
import { generateOneTimePassword, hashPassword } from "@/lib/auth/password";
import { baseLogin, uniqueLogin } from "@/lib/people/login-rules";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { fieldErrorsOf, formRecord, idSchema } from "@/lib/schema";
import { issueAuthoritySchema } from "./schema";
import { authorityLoginsLike, authorityPlace, municipalitiesOf } from "@/lib/auth/authority/data";
import { createAuthorityAccount, resetAuthorityPassword, setAuthorityActive } from "@/lib/auth/authority/mutations";

export type IssuedLogin = { login: string; password: string; message: string };

/** Shown once to the administrator, who hands it over; the owner sets their own at the first sign-in (AUTH-2). */
const oneTimeMessage = (what: string, password: string) =>
  `${what}. Одноразовый пароль: ${password} — передайте владельцу; при первом входе он задаст свой`;

/** A new authority login of the region; the one-time password is shown once (the person changes it at sign-in). */
export async function issueAuthorityLoginAction(
  _prev: ActionResult<IssuedLogin> | null,
  form: FormData,
): Promise<ActionResult<IssuedLogin>> {
  const access = await requireAccessAsAuthorityForAction("region.users");
  if (!access.ok) return access;
  const parsed = issueAuthoritySchema.safeParse(formRecord(form));
  if (!parsed.success) return fail("INVALID_INPUT", undefined, fieldErrorsOf(parsed.error));
  const admin = access.authority;
  const municipalityId = parsed.data.municipalityId ?? null;
  if (municipalityId !== null && !(await municipalitiesOf(admin.regionId)).some((m) => m.id === municipalityId))
    return fail("INVALID_INPUT", undefined, { municipalityId: ["Выберите муниципалитет из списка"] });
  const base = baseLogin(parsed.data);
  const password = generateOneTimePassword();
  const passwordHash = await hashPassword(password);
  // Two administrators issuing the same name at once: the unique index refuses the second; retry once.
  for (let attempt = 0; attempt < 2; attempt++) {
    const login = uniqueLogin(base, await authorityLoginsLike(base));
    try {
      await createAuthorityAccount({
        byId: admin.id,
        login,
        role: parsed.data.role,
        regionId: admin.regionId,
        municipalityId,
        lastName: parsed.data.lastName,
        firstName: parsed.data.firstName,
        middleName: parsed.data.middleName,
        passwordHash,
        now: new Date(),
      });
      revalidatePath("/region/users");
      return ok({ login, password, message: oneTimeMessage(`Логин ${login} выдан`, password) });
    } catch (error) {
      if (!(error instanceof Error && /Unique constraint/i.test(error.message)) || attempt === 1) throw error;
    }
  }
  return fail("CONFLICT");
}

/** The target account if it lies in the administrator's region, else null (refused as «not found»). */
async function accountInRegion(adminRegionId: number, rawId: unknown): Promise<{ id: number; login: string } | null> {
  const id = idSchema.safeParse(rawId);
  if (!id.success) return null;
  const place = await authorityPlace(id.data);
  return place && territoryCovers({ kind: "region", regionId: adminRegionId }, place) ? place : null;
}

/** Blocks (ending its sessions) or unblocks an authority login of the region. */
export async function setAuthorityActiveAction(rawId: number, active: boolean): Promise<ActionResult<null>> {
  const access = await requireAccessAsAuthorityForAction("region.users");
  if (!access.ok) return access;
  if (typeof active !== "boolean") return fail("INVALID_INPUT");
  const account = await accountInRegion(access.authority.regionId, rawId);
  if (!account) return fail("NOT_FOUND");
  if (account.id === access.authority.id && !active)
    return fail("INVALID_INPUT", "Нельзя заблокировать собственный логин");
  await setAuthorityActive(access.authority.id, account.id, active, new Date());
  revalidatePath("/region/users");
  return ok(null);
}

/** A new one-time password for an authority login of the region (lock lifted, sessions ended). */
export async function resetAuthorityPasswordAction(rawId: number): Promise<ActionResult<IssuedLogin>> {
  const access = await requireAccessAsAuthorityForAction("region.users");
  if (!access.ok) return access;
  const account = await accountInRegion(access.authority.regionId, rawId);
  if (!account) return fail("NOT_FOUND");
  if (account.id === access.authority.id)
    return fail("INVALID_INPUT", "Собственный пароль меняется на странице «Сменить пароль»");
  const password = generateOneTimePassword();
  await resetAuthorityPassword(access.authority.id, account.id, await hashPassword(password), new Date());
  revalidatePath("/region/users");
  return ok({
    login: account.login,
    password,
    message: oneTimeMessage(`Логин ${account.login}: пароль сброшен`, password),
  });
}
