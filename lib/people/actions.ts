"use server";
// People cards (PPL-1, ACL-4): zod parse → access gate → mutation → revalidate.
import { fieldErrorsOf, formRecord } from "@/lib/schema";
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import { refuseOutOfScope, storedScopeCheck } from "@/lib/access/stored";
import { requestAddress } from "@/lib/auth/request";
import type { CurrentUser } from "@/lib/auth/rules";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { SECTION_PERMISSION, saveCardSection, type CardSection } from "./card/sections";
import { createParentForStudent, unlinkParent } from "./card/mutations";
import { addChildLink, removeChildLink, saveParentCard } from "./card/parent";
import { idSchema, parentSchema } from "./schema";

const SECTIONS = ["main", "medical", "psych"] as const;

export async function saveStudentSectionAction(
  rawStudentId: number,
  rawSection: CardSection,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const studentId = idSchema.safeParse(rawStudentId);
  if (!studentId.success || !SECTIONS.includes(rawSection)) return fail("NOT_FOUND");
  const access = await requireAccessForAction(SECTION_PERMISSION[rawSection], {
    kind: "student",
    studentId: studentId.data,
  });
  if (!access.ok) return access;
  const result = await saveCardSection(
    { organisationId: access.user.organisationId, userId: access.user.id, ip: await requestAddress() },
    rawSection,
    studentId.data,
    formRecord(form),
  );
  if (result.ok) revalidatePath(`/people/students/${studentId.data}`);
  return result;
}

export async function addParentAction(
  rawStudentId: number,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const studentId = idSchema.safeParse(rawStudentId);
  if (!studentId.success) return fail("NOT_FOUND");
  const access = await requireAccessForAction("people.manage", { kind: "student", studentId: studentId.data });
  if (!access.ok) return access;
  const who = { organisationId: access.user.organisationId, userId: access.user.id };
  const record = formRecord(form);
  if (record.existingParentId) {
    const parentId = idSchema.safeParse(record.existingParentId);
    if (!parentId.success)
      return fail("INVALID_INPUT", undefined, { existingParentId: ["Неверный номер карточки родителя"] });
    // Linking makes the parent's full card visible to whoever manages this child, so the editor
    // must already manage that parent (through another child) — not merely know a card number.
    const linked = await addChildLink(access.user, parentId.data, {
      studentId: String(studentId.data),
      kinship: record.kinship,
    });
    if (!linked.ok && linked.code === "INVALID_INPUT") return linked;
    if (!linked.ok)
      return fail("INVALID_INPUT", undefined, {
        existingParentId: ["Карточка родителя не найдена или вне вашей области доступа"],
      });
  } else {
    const parsed = parentSchema.safeParse(record);
    if (!parsed.success) return fail("INVALID_INPUT", undefined, fieldErrorsOf(parsed.error));
    const created = await createParentForStudent(who, studentId.data, parsed.data);
    if (created === null) return fail("NOT_FOUND");
  }
  revalidatePath(`/people/students/${studentId.data}`);
  return ok(undefined);
}

export async function unlinkParentAction(rawStudentId: number, rawParentId: number): Promise<ActionResult> {
  const studentId = idSchema.safeParse(rawStudentId);
  const parentId = idSchema.safeParse(rawParentId);
  if (!studentId.success || !parentId.success) return fail("NOT_FOUND");
  const access = await requireAccessForAction("people.manage", { kind: "student", studentId: studentId.data });
  if (!access.ok) return access;
  const done = await refuseOutOfScope(() =>
    unlinkParent(
      { organisationId: access.user.organisationId, userId: access.user.id },
      parentId.data,
      studentId.data,
      storedScopeCheck(access.user, "people.manage"),
    ),
  );
  if (done !== true) return done === false ? fail("NOT_FOUND") : done;
  revalidatePath(`/people/students/${studentId.data}`);
  return ok(undefined);
}

/**
 * A write on a parent's card: the bound id, the feature gate (people.manage in some scope — the parent
 * itself is checked through the children by the write), then the card's page revalidated.
 */
async function onParentCard(
  rawParentId: number,
  write: (user: CurrentUser, parentId: number) => Promise<ActionResult>,
): Promise<ActionResult> {
  const parentId = idSchema.safeParse(rawParentId);
  if (!parentId.success) return fail("NOT_FOUND");
  const access = await requireAccessForAction("people.manage");
  if (!access.ok) return access;
  const result = await write(access.user, parentId.data);
  if (result.ok) revalidatePath(`/people/parents/${parentId.data}`);
  return result;
}

/** The parent card's own fields (PPL-1); the parent is authorised through the children. */
export async function saveParentAction(
  rawParentId: number,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return onParentCard(rawParentId, async (user, parentId) =>
    saveParentCard({ ...user, ip: await requestAddress() }, parentId, formRecord(form)),
  );
}

export async function addChildLinkAction(
  rawParentId: number,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return onParentCard(rawParentId, (user, parentId) => addChildLink(user, parentId, formRecord(form)));
}

export async function removeChildLinkAction(rawParentId: number, rawStudentId: number): Promise<ActionResult> {
  const parentId = idSchema.safeParse(rawParentId);
  const studentId = idSchema.safeParse(rawStudentId);
  if (!parentId.success || !studentId.success) return fail("NOT_FOUND");
  const access = await requireAccessForAction("people.manage", { kind: "student", studentId: studentId.data });
  if (!access.ok) return access;
  const result = await removeChildLink(access.user, parentId.data, studentId.data);
  if (result.ok) {
    revalidatePath(`/people/parents/${parentId.data}`);
    revalidatePath(`/people/students/${studentId.data}`);
  }
  return result;
}
