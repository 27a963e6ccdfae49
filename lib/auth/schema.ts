// zod schemas of the sign-in credentials and the password-change form (AUTH-1, AUTH-3).
import { z } from "zod";
import { singleLine, idSchema, jsonIdOf } from "@/lib/schema";
import type { FieldErrors } from "@/lib/errors";
import { PASSWORD_MAX_LENGTH, PASSWORD_MESSAGES, newPasswordProblems } from "./rules";
import { WEAK_PASSWORD_MESSAGES, weakPasswordProblems } from "./password-policy";

/** What the credentials provider receives: organisation, login and password. */
export const credentialsSchema = z.object({
  organisationId: idSchema,
  login: singleLine().trim().min(1).max(100),
  // The upper bound keeps argon2 work bounded; longer inputs are never valid passwords.
  password: z
    .string()
    .min(1)
    .max(PASSWORD_MAX_LENGTH * 4),
});

export type Credentials = z.infer<typeof credentialsSchema>;

/**
 * REG-1: the sign-in select also lists the education authorities — its value is then
 * `region:<id>` or `municipality:<id>` instead of an organisation id (the form field keeps the
 * name `organisationId`, so clients that post an organisation id are unchanged).
 */
export const territoryRefSchema = z
  .string()
  .regex(/^(region|municipality):[1-9][0-9]{0,8}$/)
  .transform((value) => {
    const [kind, id] = value.split(":");
    return { kind: kind as "region" | "municipality", id: Number(id) };
  });

export type TerritoryRef = z.output<typeof territoryRefSchema>;

/** The credentials of an authority account: the territory chosen instead of an organisation. */
export const authorityCredentialsSchema = credentialsSchema.extend({ organisationId: territoryRefSchema });

export const changePasswordSchema = z.object({
  currentPassword: z
    .string({ error: "Введите текущий пароль" })
    .min(1, { error: "Введите текущий пароль" })
    .max(PASSWORD_MAX_LENGTH * 4),
  newPassword: singleLine({ error: "Введите новый пароль" }).min(1, { error: "Введите новый пароль" }),
  confirmPassword: singleLine({ error: "Повторите новый пароль" }).min(1, { error: "Повторите новый пароль" }),
});

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export type ChangePasswordParse = { ok: true; data: ChangePasswordInput } | { ok: false; fieldErrors: FieldErrors };

/**
 * Parses the form and applies the password rules that need the person (AUTH-3, SEC-4): the login
 * and the names («Фамилия Имя Отчество») the new password must not contain.
 */
export function parseChangePassword(
  form: FormData,
  person: { login: string; names: readonly string[] },
): ChangePasswordParse {
  const parsed = changePasswordSchema.safeParse({
    currentPassword: form.get("currentPassword") ?? undefined,
    newPassword: form.get("newPassword") ?? undefined,
    confirmPassword: form.get("confirmPassword") ?? undefined,
  });
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "form");
      (fieldErrors[key] ??= []).push(issue.message);
    }
    return { ok: false, fieldErrors };
  }
  const fieldErrors: FieldErrors = {};
  const weak = weakPasswordProblems(parsed.data.newPassword, person);
  const problems = [
    ...newPasswordProblems({ ...parsed.data, login: person.login }).filter(
      // One message for the login: «contains» covers «equals».
      (m) => m !== PASSWORD_MESSAGES.sameAsLogin || !weak.includes(WEAK_PASSWORD_MESSAGES.login),
    ),
    ...weak,
  ];
  if (problems.length > 0) fieldErrors.newPassword = problems;
  if (parsed.data.newPassword !== parsed.data.confirmPassword)
    fieldErrors.confirmPassword = [PASSWORD_MESSAGES.mismatch];
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, data: parsed.data };
}

/** The only claims the session JWT carries: who, where, and which server-side session (AUTH-1). */
export const sessionClaimsSchema = z.object({
  userId: jsonIdOf(),
  organisationId: jsonIdOf(),
  sessionId: singleLine().min(1).max(64),
});

export type SessionClaims = z.infer<typeof sessionClaimsSchema>;

/** REG-1: the claims of an authority account's session (no organisation: it belongs to none). */
export const authorityClaimsSchema = z.object({
  authorityUserId: jsonIdOf(),
  sessionId: singleLine().min(1).max(64),
});

export type AuthorityClaims = z.infer<typeof authorityClaimsSchema>;

/** What a session token may carry: an organisation user's claims or an authority account's. */
export const tokenClaimsSchema = z.union([sessionClaimsSchema, authorityClaimsSchema]);
