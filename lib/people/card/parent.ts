// Editing a parent card after creation (PPL-1): its own fields and its links to children. The
// parent is reached through the children (ACL-3): a full card (people.manage) on any child
// admits the edit; a parent without children needs people.manage with scope «all». A new link
// also needs people.manage on the child being linked, and a link is removed by whoever manages
// that child — so a class teacher never touches another class's pupil.
import type { z } from "zod";
import { fieldErrorsOf } from "@/lib/schema";
import { authorize, type Actor } from "@/lib/access/authorize";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { childLinkSchema, parentCardSchema } from "../schema";
import { parentCardAccess } from "./access";
import { childIdsOfParent } from "./data";
import { linkParent, unlinkParent, updateParent } from "./mutations";

type Editor = Actor & { id: number; ip?: string | null };

/** The input of an edit of a parent's card: refused when the card is missing or not the actor's to edit. */
async function parentEditInput<S extends z.ZodType>(
  actor: Actor,
  parentId: number,
  schema: S,
  raw: Record<string, unknown>,
): Promise<{ ok: true; data: z.infer<S> } | ReturnType<typeof fail>> {
  const childIds = await childIdsOfParent(actor.organisationId, parentId);
  if (!childIds) return fail("NOT_FOUND");
  if ((await parentCardAccess(actor, childIds))?.full !== true) return fail("FORBIDDEN");
  const parsed = schema.safeParse(raw);
  return parsed.success
    ? { ok: true, data: parsed.data }
    : fail("INVALID_INPUT", undefined, fieldErrorsOf(parsed.error));
}

async function mayManageStudent(actor: Actor, studentId: number): Promise<boolean> {
  return (await authorize(actor, "people.manage", { kind: "student", studentId })).allowed;
}

export async function saveParentCard(
  actor: Editor,
  parentId: number,
  raw: Record<string, unknown>,
): Promise<ActionResult> {
  const parsed = await parentEditInput(actor, parentId, parentCardSchema, raw);
  if (!parsed.ok) return parsed;
  const done = await updateParent(
    { organisationId: actor.organisationId, userId: actor.id, ip: actor.ip },
    parentId,
    parsed.data,
  );
  return done ? ok(undefined) : fail("NOT_FOUND");
}

export async function addChildLink(
  actor: Editor,
  parentId: number,
  raw: Record<string, unknown>,
): Promise<ActionResult> {
  const parsed = await parentEditInput(actor, parentId, childLinkSchema, raw);
  if (!parsed.ok) return parsed;
  if (!(await mayManageStudent(actor, parsed.data.studentId))) return fail("FORBIDDEN");
  const done = await linkParent(
    { organisationId: actor.organisationId, userId: actor.id },
    parentId,
    parsed.data.studentId,
    parsed.data.kinship,
  );
  return done ? ok(undefined) : fail("INVALID_INPUT", undefined, { studentId: ["Ученик не найден"] });
}

export async function removeChildLink(actor: Editor, parentId: number, studentId: number): Promise<ActionResult> {
  if (!(await mayManageStudent(actor, studentId))) return fail("FORBIDDEN");
  const done = await unlinkParent({ organisationId: actor.organisationId, userId: actor.id }, parentId, studentId);
  return done ? ok(undefined) : fail("NOT_FOUND");
}
