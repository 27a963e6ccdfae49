// Student card reads (PPL-1, ACL-4). The select is built from the reader's visible fields, so a
// brief reader's query never loads documents, addresses, medical or psychological data.
import { spanMeets } from "@/lib/org/time";
import { db } from "@/lib/db";
import type { CardField } from "../card-rules";
import { fullName, NAME_FIELDS } from "@/lib/people/names";
import { compareRu } from "@/lib/org/collation";

export type StudentCard = {
  id: number;
  userId: number | null;
  className: string | null;
  classId: number | null;
} & Partial<Record<CardField, string | Date | null>>;

export type LinkedParent = {
  parentId: number;
  fullName: string;
  kinship: string | null;
  phone: string | null;
  hasLogin: boolean;
};

export async function studentCard(
  organisationId: number,
  studentId: number,
  fields: readonly CardField[],
  today: Date,
): Promise<StudentCard | null> {
  const select: Record<string, unknown> = {
    id: true,
    userId: true,
    memberships: { where: spanMeets(today), select: { classId: true, class: { select: { name: true } } }, take: 1 },
  };
  for (const f of fields) select[f] = true;
  const row = (await db.student.findUnique({
    where: { organisationId_id: { organisationId, id: studentId } },
    select: select as { id: true },
  })) as
    | (Record<string, unknown> & {
        id: number;
        userId: number | null;
        memberships: { classId: number; class: { name: string } }[];
      })
    | null;
  if (!row) return null;
  const { memberships, ...rest } = row;
  return {
    ...(rest as StudentCard),
    classId: memberships[0]?.classId ?? null,
    className: memberships[0]?.class.name ?? null,
  };
}

/** Parents linked to a student (several parents per child). */
export async function parentsOfStudent(organisationId: number, studentId: number): Promise<LinkedParent[]> {
  const links = await db.parentLink.findMany({
    where: { organisationId, studentId },
    select: {
      kinship: true,
      parent: { select: { id: true, ...NAME_FIELDS, phone: true, userId: true } },
    },
  });
  return links
    .map((l) => ({
      parentId: l.parent.id,
      fullName: fullName(l.parent),
      kinship: l.kinship,
      phone: l.parent.phone,
      hasLogin: l.parent.userId !== null,
    }))
    .sort((a, b) => compareRu(a.fullName, b.fullName));
}

export type ParentCard = {
  id: number;
  lastName: string;
  firstName: string;
  middleName: string | null;
  phone: string | null;
  email: string | null;
  preferredContact: string | null;
  address?: string | null;
  workplace?: string | null;
  position?: string | null;
  birthDate?: Date | null;
  sex?: string | null;
  children: { studentId: number; fullName: string; kinship: string | null }[];
};

export async function parentCard(organisationId: number, parentId: number, full: boolean): Promise<ParentCard | null> {
  const p = await db.parent.findUnique({
    where: { organisationId_id: { organisationId, id: parentId } },
    select: {
      id: true,
      ...NAME_FIELDS,
      phone: true,
      email: true,
      preferredContact: true,
      ...(full ? { address: true, workplace: true, position: true, birthDate: true, sex: true } : {}),
      children: {
        select: { kinship: true, student: { select: { id: true, ...NAME_FIELDS } } },
      },
    },
  });
  if (!p) return null;
  const { children, ...rest } = p;
  return {
    ...rest,
    children: children.map((c) => ({
      studentId: c.student.id,
      fullName: fullName(c.student),
      kinship: c.kinship,
    })),
  };
}

/** Ids of the students linked to a parent (to authorise a parent card through a child). */
export async function childIdsOfParent(organisationId: number, parentId: number): Promise<number[] | null> {
  const p = await db.parent.findUnique({
    where: { organisationId_id: { organisationId, id: parentId } },
    select: { children: { select: { studentId: true } } },
  });
  return p ? p.children.map((c) => c.studentId) : null;
}
