// Editing a parent card after creation (PPL-1): its own fields and its links to children. The
// parent is reached through the children (ACL-3): a full card (people.manage) on any child
// admits the edit; a parent without children needs people.manage with scope «all». A new link
// also needs people.manage on the child being linked, and a link is removed by whoever manages
// that child — so a class teacher never touches another class's pupil.
import { fieldErrorsOf } from "@/lib/schema";
import { authorize, type Actor } from "@/lib/access/authorize";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { childLinkSchema, parentCardSchema } from "../schema";
import { parentCardAccess } from "./access";
import { childIdsOfParent } from "./data";
import { linkParent, unlinkParent, updateParent } from "./mutations";

type Editor = Actor & { id: number; ip?: string | null };

async function mayEditParent(actor: Actor, parentId: number): Promise<"missing" | boolean> {
  const childIds = await childIdsOfParent(actor.organisationId, parentId);
  if (!childIds) return "missing";
  return (await parentCardAccess(actor, childIds))?.full === true;
}

async function mayManageStudent(actor: Actor, studentId: number): Promise<boolean> {
  return (await authorize(actor, "people.manage", { kind: "student", studentId })).allowed;
}

export async function saveParentCard(
  actor: Editor,
  parentId: number,
  raw: Record<string, unknown>,
): Promise<ActionResult> {
  const may = await mayEditParent(actor, parentId);
  if (may === "missing") return fail("NOT_FOUND");
  if (!may) return fail("FORBIDDEN");
  const parsed = parentCardSchema.safeParse(raw);
  if (!parsed.success) return fail("INVALID_INPUT", undefined, fieldErrorsOf(parsed.error));
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
  const may = await mayEditParent(actor, parentId);
  if (may === "missing") return fail("NOT_FOUND");
  if (!may) return fail("FORBIDDEN");
  const parsed = childLinkSchema.safeParse(raw);
  if (!parsed.success) return fail("INVALID_INPUT", undefined, fieldErrorsOf(parsed.error));
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
