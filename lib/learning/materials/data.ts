// Reads of learning materials (LRN-2). Every query is bound to the organisation and to the
// visibility the caller's scope allows (decided by the gate before these are called).
import { spanMeets } from "@/lib/org/time";
import { db } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/prisma/client";
import { NAME_FIELDS } from "@/lib/people/names";

/** Which materials a reader sees: every one, a department's classes, or a family's classes and grades. */
export type Visibility =
  { kind: "all" } | { kind: "dept"; classIds: number[] } | { kind: "family"; classIds: number[]; grades: number[] };

function visibleWhere(organisationId: number, v: Visibility): Prisma.MaterialWhereInput {
  if (v.kind === "all") return { organisationId };
  if (v.kind === "dept") return { organisationId, OR: [{ classId: null }, { classId: { in: v.classIds } }] };
  return {
    organisationId,
    OR: [
      { classId: { in: v.classIds } },
      { classId: null, OR: [{ grade: null }, { grade: { in: v.grades } }] },
      { lessons: { some: { lesson: { classId: { in: v.classIds } } } } },
      { topics: { some: { planTopic: { plan: { classId: { in: v.classIds } } } } } },
    ],
  };
}

const LIST_SELECT = {
  id: true,
  title: true,
  description: true,
  subjectId: true,
  grade: true,
  classId: true,
  topic: true,
  kind: true,
  url: true,
  fileName: true,
  size: true,
  authorId: true,
  createdAt: true,
  subject: { select: { name: true } },
  class: { select: { name: true } },
  author: { select: NAME_FIELDS },
} as const;

export type MaterialRow = Prisma.MaterialGetPayload<{ select: typeof LIST_SELECT }>;

/** The library: search by title (and topic), subject and grade, newest first. */
export async function listMaterials(
  organisationId: number,
  v: Visibility,
  f: { q?: string; subjectId?: number; grade?: number },
  limit = 200,
): Promise<MaterialRow[]> {
  const and: Prisma.MaterialWhereInput[] = [visibleWhere(organisationId, v)];
  if (f.q)
    and.push({
      OR: [
        { title: { contains: f.q, mode: "insensitive" } },
        { topic: { contains: f.q, mode: "insensitive" } },
        { description: { contains: f.q, mode: "insensitive" } },
      ],
    });
  if (f.subjectId) and.push({ subjectId: f.subjectId });
  if (f.grade) and.push({ OR: [{ grade: f.grade }, { class: { grade: f.grade } }, { grade: null, classId: null }] });
  return db.material.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: LIST_SELECT,
  });
}

export async function materialById(organisationId: number, id: number) {
  return db.material.findUnique({
    where: { organisationId_id: { organisationId, id } },
    select: { ...LIST_SELECT, mimeType: true, storageKey: true },
  });
}

/** Is this material among those the reader sees? */
export async function materialVisible(organisationId: number, id: number, v: Visibility): Promise<boolean> {
  return (await db.material.count({ where: { AND: [visibleWhere(organisationId, v), { id }] } })) > 0;
}

/** The classes (and their grades) the given students are in on a date — a family's view of the library. */
export async function classesOfStudents(organisationId: number, studentIds: readonly number[], date: Date) {
  if (studentIds.length === 0) return { classIds: [], grades: [] };
  const rows = await db.classMembership.findMany({
    where: {
      organisationId,
      studentId: { in: [...studentIds] },
      ...spanMeets(date),
    },
    select: { classId: true, class: { select: { grade: true } } },
  });
  return { classIds: [...new Set(rows.map((r) => r.classId))], grades: [...new Set(rows.map((r) => r.class.grade))] };
}

/** Grades of classes (for the «own» and «dept» placing rule). */
export async function gradesOfClasses(
  organisationId: number,
  classIds: readonly number[],
): Promise<Map<number, number>> {
  if (classIds.length === 0) return new Map();
  const rows = await db.classGroup.findMany({
    where: { organisationId, id: { in: [...classIds] } },
    select: { id: true, grade: true },
  });
  return new Map(rows.map((r) => [r.id, r.grade]));
}

export async function classOf(organisationId: number, classId: number) {
  return db.classGroup.findUnique({
    where: { organisationId_id: { organisationId, id: classId } },
    select: { id: true, grade: true, name: true },
  });
}

export type AttachedMaterial = {
  id: number;
  title: string;
  kind: "FILE" | "LINK";
  url: string | null;
  viaTopic: boolean;
};

/** A lesson's materials: attached to it, and attached to its КТП topic. */
export async function lessonMaterials(organisationId: number, lessonId: number): Promise<AttachedMaterial[]> {
  const lesson = await db.lesson.findUnique({
    where: { organisationId_id: { organisationId, id: lessonId } },
    select: {
      planTopicId: true,
      materials: { select: { material: { select: { id: true, title: true, kind: true, url: true } } } },
    },
  });
  if (!lesson) return [];
  const viaTopic =
    lesson.planTopicId === null
      ? []
      : await db.planTopicMaterial.findMany({
          where: { organisationId, planTopicId: lesson.planTopicId },
          select: { material: { select: { id: true, title: true, kind: true, url: true } } },
        });
  const direct = lesson.materials.map((m) => ({ ...m.material, viaTopic: false }));
  const seen = new Set(direct.map((m) => m.id));
  return [
    ...direct,
    ...viaTopic.filter((m) => !seen.has(m.material.id)).map((m) => ({ ...m.material, viaTopic: true })),
  ];
}

/** The materials of a subject for a class: its own, its grade's and those for every grade. */
export async function materialsFor(
  organisationId: number,
  subjectId: number,
  classId: number | null,
  grade: number | null,
) {
  return db.material.findMany({
    where: {
      organisationId,
      subjectId,
      OR: [
        ...(classId !== null ? [{ classId }] : []),
        { classId: null, OR: [{ grade: null }, ...(grade !== null ? [{ grade }] : [])] },
      ],
    },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    take: 300,
    select: { id: true, title: true, kind: true, url: true, topic: true },
  });
}

/** Materials attached to the topics of a plan, by topic. */
export async function topicMaterials(organisationId: number, planId: number) {
  const rows = await db.planTopicMaterial.findMany({
    where: { organisationId, planTopic: { planId } },
    select: { planTopicId: true, material: { select: { id: true, title: true, kind: true, url: true } } },
  });
  const out = new Map<number, { id: number; title: string; kind: "FILE" | "LINK"; url: string | null }[]>();
  for (const r of rows) out.set(r.planTopicId, [...(out.get(r.planTopicId) ?? []), r.material]);
  return out;
}

/** The plan of a КТП topic (to decide access on the plan). */
export async function planOfTopic(organisationId: number, planTopicId: number) {
  return db.planTopic.findUnique({
    where: { organisationId_id: { organisationId, id: planTopicId } },
    select: { plan: { select: { id: true, teacherId: true, classId: true, subjectId: true, grade: true } } },
  });
}

/** The lesson a material is attached to, with what attaching needs. */
export async function lessonForMaterials(organisationId: number, lessonId: number) {
  return db.lesson.findUnique({
    where: { organisationId_id: { organisationId, id: lessonId } },
    select: {
      id: true,
      subjectId: true,
      classId: true,
      class: { select: { grade: true, year: { select: { status: true } } } },
    },
  });
}

export async function subjectExists(organisationId: number, id: number): Promise<boolean> {
  return (await db.subject.count({ where: { organisationId, id } })) > 0;
}

export async function subjectsOf(organisationId: number) {
  return db.subject.findMany({
    where: { organisationId },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true },
  });
}

/** The classes of the current (not closed) year, for the material form. */
export async function currentClasses(organisationId: number) {
  return db.classGroup.findMany({
    where: { organisationId, year: { isCurrent: true } },
    orderBy: [{ grade: "asc" }, { name: "asc" }],
    select: { id: true, name: true, grade: true },
  });
}
