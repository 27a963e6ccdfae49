// Issuing credentials end to end (AUTH-2, AUTH-3): each person is authorised through the access
// gate — staff by users.issueStaff (ADMIN), students and parents by users.issueFamily on the
// student (a class teacher: own class only) — then passwords are generated, hashed, stored and
// printed. Passwords exist in plain text only in the returned PDF.
import { authorize, type Actor } from "@/lib/access/authorize";
import { generateOneTimePassword, hashPassword } from "@/lib/auth/password";
import { unlockUser } from "@/lib/auth/mutations";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { childrenOf, closedLoginsAmong, organisationName, personOfUser, type PersonRef } from "./data";
import { issueCredentials } from "./mutations";
import { renderSlips } from "./slip-pdf";

const ROLE_ON_SLIP: Record<PersonRef["kind"], string> = {
  student: "Ученик",
  parent: "Родитель (законный представитель)",
  staff: "Сотрудник",
};

export async function mayIssueFor(actor: Actor, ref: PersonRef): Promise<boolean> {
  if (ref.kind === "staff") return (await authorize(actor, "users.issueStaff")).allowed;
  if (ref.kind === "student")
    return (await authorize(actor, "users.issueFamily", { kind: "student", studentId: ref.id })).allowed;
  const children = await childrenOf(actor.organisationId, ref.id);
  if (!children) return false;
  if (children.length === 0) {
    const d = await authorize(actor, "users.issueFamily");
    return d.allowed && d.scopes.includes("all");
  }
  for (const studentId of children)
    if ((await authorize(actor, "users.issueFamily", { kind: "student", studentId })).allowed) return true;
  return false;
}

const REF = /^(student|parent|staff):(\d{1,9})$/;

export function parsePeople(values: readonly string[]): PersonRef[] | null {
  const out: PersonRef[] = [];
  const seen = new Set<string>();
  for (const v of values) {
    const m = REF.exec(v);
    if (!m) return null;
    if (seen.has(v)) continue;
    seen.add(v);
    out.push({ kind: m[1] as PersonRef["kind"], id: Number(m[2]) });
  }
  return out;
}

export async function issueSlips(
  actor: Actor & { id: number },
  people: readonly PersonRef[],
  signInUrl: string,
  ip: string | null,
): Promise<ActionResult<{ pdf: Buffer; count: number }>> {
  if (people.length === 0) return fail("INVALID_INPUT", "Отметьте хотя бы одного человека");
  if (people.length > 200) return fail("INVALID_INPUT", "Не больше 200 памяток за раз");
  for (const ref of people) if (!(await mayIssueFor(actor, ref))) return fail("FORBIDDEN");
  // A closed login (users.delete) stays closed: a reset by the class teacher must not reopen it.
  const closed = await closedLoginsAmong(actor.organisationId, people);
  if (closed.length > 0)
    return fail("INVALID_INPUT", `Вход закрыт администратором: ${closed.join(", ")}. Памятка не выдана`);
  const passwords = people.map(() => generateOneTimePassword());
  const hashes = await Promise.all(passwords.map((p) => hashPassword(p)));
  const issued = await issueCredentials(actor.organisationId, actor.id, people, hashes, new Date(), ip);
  if (!issued) return fail("NOT_FOUND");
  const orgName = await organisationName(actor.organisationId);
  const pdf = await renderSlips(
    orgName,
    signInUrl,
    issued.map((it, i) => ({
      fullName: it.fullName,
      roleLabel: ROLE_ON_SLIP[it.ref.kind],
      login: it.login,
      password: passwords[i],
    })),
  );
  return ok({ pdf, count: issued.length });
}

/** Lifting a lockout (AUTH-4) by whoever may issue that person's credentials. */
export async function unlockFor(actor: Actor & { id: number }, userId: number): Promise<ActionResult> {
  const person = await personOfUser(actor.organisationId, userId);
  if (!person) return fail("NOT_FOUND");
  if (!(await mayIssueFor(actor, person))) return fail("FORBIDDEN");
  const done = await unlockUser(actor.organisationId, userId, actor.id);
  return done ? ok(undefined) : fail("NOT_FOUND");
}
