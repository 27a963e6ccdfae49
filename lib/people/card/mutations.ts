// Student and parent card writes (PPL-1, ACL-4). The caller has authorised the exact field set:
// each function writes only its own group of fields, and audits in the same transaction.
import { db } from "@/lib/db";
import type { StoredScopeCheck } from "@/lib/access/stored";
import { auditChange } from "@/lib/audit/mutations";
import type { MedicalInput, ParentCardInput, ParentInput, PsychInput, StudentMainInput } from "../schema";

type Who = { organisationId: number; userId: number; ip?: string | null };

async function updateStudentFields(
  who: Who,
  studentId: number,
  data: Record<string, unknown>,
  action: string,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const updated = await tx.student.updateMany({ where: { organisationId: who.organisationId, id: studentId }, data });
    if (updated.count === 0) return false;
    // Field names only: personal data stays out of the log (NFR-5).
    await auditChange(tx, who, action, ["Student", studentId], { fields: Object.keys(data) });
    return true;
  });
}

export function updateStudentMain(who: Who, studentId: number, input: StudentMainInput): Promise<boolean> {
  return updateStudentFields(who, studentId, input, "people.student.updated");
}

export function updateStudentMedical(who: Who, studentId: number, input: MedicalInput): Promise<boolean> {
  return updateStudentFields(who, studentId, input, "people.student.medical_updated");
}

export function updateStudentPsych(who: Who, studentId: number, input: PsychInput): Promise<boolean> {
  return updateStudentFields(who, studentId, input, "people.student.psych_updated");
}

/** 152-ФЗ: who opened which full card, when. */
export async function recordCardView(
  who: Who,
  entity: "Student" | "Parent" | "Staff",
  id: number,
  level: string,
): Promise<void> {
  await auditChange(db, who, "people.card.viewed", [entity, id], { level });
}

/** A new parent card linked to a student (several parents per child, several children per parent). */
export async function createParentForStudent(who: Who, studentId: number, input: ParentInput): Promise<number | null> {
  return db.$transaction(async (tx) => {
    const student = await tx.student.findUnique({
      where: { organisationId_id: { organisationId: who.organisationId, id: studentId } },
      select: { id: true },
    });
    if (!student) return null;
    const { kinship, ...card } = input;
    const parent = await tx.parent.create({
      data: { organisationId: who.organisationId, ...card },
      select: { id: true },
    });
    await tx.parentLink.create({
      data: { organisationId: who.organisationId, parentId: parent.id, studentId, kinship },
    });
    await auditChange(tx, who, "people.parent.created", ["Parent", parent.id], { studentId });
    return parent.id;
  });
}

/** Links an existing parent to another child (both inside the organisation). */
export async function linkParent(
  who: Who,
  parentId: number,
  studentId: number,
  kinship: string | null,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const [p, s] = await Promise.all([
      tx.parent.findUnique({
        where: { organisationId_id: { organisationId: who.organisationId, id: parentId } },
        select: { id: true },
      }),
      tx.student.findUnique({
        where: { organisationId_id: { organisationId: who.organisationId, id: studentId } },
        select: { id: true },
      }),
    ]);
    if (!p || !s) return false;
    await tx.parentLink.upsert({
      where: { organisationId_parentId_studentId: { organisationId: who.organisationId, parentId, studentId } },
      create: { organisationId: who.organisationId, parentId, studentId, kinship },
      update: { kinship },
    });
    await auditChange(tx, who, "people.parent.linked", ["Parent", parentId], { studentId });
    return true;
  });
}

export async function unlinkParent(
  who: Who,
  parentId: number,
  studentId: number,
  inScope?: StoredScopeCheck,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    // SEC-2: the link's stored child is authorised inside the write (the link is keyed by it).
    await inScope?.(tx, { kind: "student", studentId });
    const removed = await tx.parentLink.deleteMany({
      where: { organisationId: who.organisationId, parentId, studentId },
    });
    if (removed.count === 0) return false;
    await auditChange(tx, who, "people.parent.unlinked", ["Parent", parentId], { studentId });
    return true;
  });
}

/** The parent card's own fields (PPL-1); false when there is no such parent here. */
export async function updateParent(who: Who, parentId: number, input: ParentCardInput): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const updated = await tx.parent.updateMany({
      where: { organisationId: who.organisationId, id: parentId },
      data: input,
    });
    if (updated.count === 0) return false;
    await auditChange(tx, who, "people.parent.updated", ["Parent", parentId], { fields: Object.keys(input) });
    return true;
  });
}
