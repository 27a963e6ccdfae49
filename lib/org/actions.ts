"use server";
// Organisation set-up (ORG-1…ORG-7): zod parse → access gate → mutation → revalidate.
import { fieldErrorsOf, formRecord } from "@/lib/schema";
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import type { TargetRef } from "@/lib/access/data";
import { refuseOutOfScope, storedScopeCheck } from "@/lib/access/stored";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { idSchema } from "@/lib/people/schema";
import { ENTITY, isEntity, type Entity } from "./directory";
import { deleteEntity, saveEntity, saveOrgCard, saveSettings } from "./mutations";
import { orgCardSchema, settingsSchema } from "./schema";

const CLASS_BOUND: readonly Entity[] = ["class", "curriculum", "load", "subgroup", "classTeacher"];

/**
 * The gate: class-bound rows by their submitted class (a head of department: own department), the
 * rest need scope «all». `storedDecides`: a delete of a class-bound row names no class — the gate
 * admits the feature and the stored row's class is decided inside the write (SEC-2).
 */
async function gate(entity: Entity, classId: number | null, storedDecides = false) {
  const target: TargetRef | undefined =
    classId !== null && CLASS_BOUND.includes(entity) ? { kind: "class", classId } : undefined;
  const access = await requireAccessForAction(ENTITY[entity].permission, target);
  if (!access.ok) return access;
  if (!target && !(storedDecides && CLASS_BOUND.includes(entity)) && !access.scopes.includes("all"))
    return fail("FORBIDDEN");
  return access;
}

export async function saveEntityAction(
  rawEntity: Entity,
  rawId: number | null,
  rawYearId: number | null,
  _prev: ActionResult<{ id: number }> | null,
  form: FormData,
): Promise<ActionResult<{ id: number }>> {
  if (!isEntity(rawEntity)) return fail("NOT_FOUND");
  const id = rawId === null ? null : idSchema.safeParse(rawId);
  const yearId = rawYearId === null ? null : idSchema.safeParse(rawYearId);
  if ((id && !id.success) || (yearId && !yearId.success)) return fail("NOT_FOUND");
  if (ENTITY[rawEntity].yearBound && id === null && yearId === null)
    return fail("INVALID_INPUT", "Не выбран учебный год");
  const parsed = ENTITY[rawEntity].schema.safeParse(formRecord(form));
  if (!parsed.success) return fail("INVALID_INPUT", undefined, fieldErrorsOf(parsed.error));
  const data = parsed.data as Record<string, unknown>;
  const classId = typeof data.classId === "number" ? data.classId : rawEntity === "class" && id ? id.data : null;
  const access = await gate(rawEntity, classId);
  if (!access.ok) return access;
  // SEC-2: an existing row is also authorised on its stored class, inside the write's transaction.
  const out = await refuseOutOfScope(() =>
    saveEntity(
      access.user.organisationId,
      access.user.id,
      rawEntity,
      id ? id.data : null,
      data,
      yearId ? yearId.data : null,
      storedScopeCheck(access.user, ENTITY[rawEntity].permission),
    ),
  );
  if ("code" in out) return out;
  if (!out.ok) return fail("INVALID_INPUT", out.message, { [out.field]: [out.message] });
  revalidatePath(ENTITY[rawEntity].path);
  return ok({ id: out.id });
}

export async function deleteEntityAction(rawEntity: Entity, rawId: number, rawUserId?: number): Promise<ActionResult> {
  if (!isEntity(rawEntity)) return fail("NOT_FOUND");
  const id = idSchema.safeParse(rawId);
  if (!id.success) return fail("NOT_FOUND");
  const extra = rawUserId === undefined ? undefined : idSchema.safeParse(rawUserId);
  if (extra && !extra.success) return fail("NOT_FOUND");
  const classId = rawEntity === "class" || rawEntity === "classTeacher" ? id.data : null;
  const access = await gate(rawEntity, classId, true);
  if (!access.ok) return access;
  const out = await refuseOutOfScope(() =>
    deleteEntity(
      access.user.organisationId,
      access.user.id,
      rawEntity,
      id.data,
      extra ? { userId: extra.data } : undefined,
      storedScopeCheck(access.user, ENTITY[rawEntity].permission),
    ),
  );
  if ("code" in out) return out;
  if (!out.ok) return fail("INVALID_INPUT", out.message);
  revalidatePath(ENTITY[rawEntity].path);
  return ok(undefined);
}

export async function saveOrgCardAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const access = await requireAccessForAction("org.edit");
  if (!access.ok) return access;
  const parsed = orgCardSchema.safeParse(formRecord(form));
  if (!parsed.success) return fail("INVALID_INPUT", undefined, fieldErrorsOf(parsed.error));
  await saveOrgCard(access.user.organisationId, access.user.id, parsed.data);
  revalidatePath("/org");
  return ok(undefined);
}

export async function saveSettingsAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const access = await requireAccessForAction("org.settings");
  if (!access.ok) return access;
  const parsed = settingsSchema.safeParse(formRecord(form));
  if (!parsed.success) return fail("INVALID_INPUT", undefined, fieldErrorsOf(parsed.error));
  await saveSettings(access.user.organisationId, access.user.id, parsed.data);
  revalidatePath("/org");
  return ok(undefined);
}
