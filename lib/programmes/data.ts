// PRG-1: reads of work programmes, bound to the organisation (ACL-5).
import { db } from "@/lib/db";
import { fullName, NAME_FIELDS, shortName } from "@/lib/people/names";
import type { PlanStatus } from "@/lib/plans/rules";
import type { ProgrammeKind, Section } from "./rules";

export type ProgrammeRow = {
  id: number;
  title: string;
  kind: ProgrammeKind;
  subjectId: number;
  subjectName: string;
  grade: number | null;
  specialty: string | null;
  status: PlanStatus;
  version: number;
  authorId: number;
  authorName: string;
  hours: number;
  approvedAt: Date | null;
};

export async function currentYearOf(organisationId: number) {
  return db.academicYear.findFirst({
    where: { organisationId, isCurrent: true },
    select: { id: true, name: true, status: true },
  });
}

export async function listProgrammes(organisationId: number, yearId: number): Promise<ProgrammeRow[]> {
  const rows = await db.workProgramme.findMany({
    where: { organisationId, yearId },
    orderBy: [{ grade: "asc" }, { id: "asc" }],
    include: { subject: { select: { name: true } }, sections: { select: { hours: true } } },
  });
  const authors = await db.user.findMany({
    where: { organisationId, id: { in: [...new Set(rows.map((r) => r.authorId))] } },
    select: { id: true, ...NAME_FIELDS },
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind,
    subjectId: r.subjectId,
    subjectName: r.subject.name,
    grade: r.grade,
    specialty: r.specialty,
    status: r.status,
    version: r.version,
    authorId: r.authorId,
    authorName: shortName(authors.find((a) => a.id === r.authorId) ?? { lastName: "—", firstName: "" }),
    hours: r.sections.reduce((s, x) => s + Number(x.hours), 0),
    approvedAt: r.approvedAt,
  }));
}

/** What the gate and the workflow need of a programme. */
export async function programmeFacts(organisationId: number, programmeId: number) {
  const p = await db.workProgramme.findUnique({
    where: { organisationId_id: { organisationId, id: programmeId } },
    select: {
      id: true,
      authorId: true,
      status: true,
      yearId: true,
      subjectId: true,
      grade: true,
      title: true,
      year: { select: { status: true } },
    },
  });
  return p && { ...p, yearClosed: p.year.status === "CLOSED" };
}

export async function programmeSections(organisationId: number, programmeId: number): Promise<Section[]> {
  const rows = await db.programmeSection.findMany({
    where: { organisationId, programmeId },
    orderBy: { position: "asc" },
  });
  return rows.map((r) => ({
    title: r.title,
    hours: Number(r.hours),
    outcomes: r.outcomes,
    controlWorks: r.controlWorks,
  }));
}

export async function programmeDetail(organisationId: number, programmeId: number) {
  const p = await db.workProgramme.findUnique({
    where: { organisationId_id: { organisationId, id: programmeId } },
    include: {
      subject: { select: { name: true } },
      plans: {
        select: {
          id: true,
          title: true,
          status: true,
          teacher: { select: NAME_FIELDS },
          topics: { select: { hours: true } },
        },
        orderBy: { id: "asc" },
      },
    },
  });
  if (!p) return null;
  return {
    ...p,
    sections: await programmeSections(organisationId, programmeId),
    plans: p.plans.map((x) => ({
      id: x.id,
      title: x.title,
      status: x.status,
      teacherName: fullName(x.teacher),
      hours: x.topics.reduce((s, t) => s + Number(t.hours), 0),
    })),
  };
}

/**
 * The teacher loads a programme is for (its subject; its grade when it has one) with whether the
 * КТП made from it is delivered (submitted or approved) — for the due warnings and the КТП form.
 */
type ProgrammeRef = { id: number; yearId: number; subjectId: number; grade: number | null };

/**
 * The loads each programme covers — its year and subject, and its grade when it has one (of one
 * teacher, or everyone's for null) — each with whether its КТП exists and was delivered. Two
 * statements for any number of programmes (issue 22: the КТП warnings of `/control` and the deputy's
 * home read two per approved programme — a school has one per subject and grade).
 */
export async function programmesLoads(
  organisationId: number,
  programmes: readonly ProgrammeRef[],
  teacherId: number | null = null,
) {
  if (programmes.length === 0) return new Map<number, ProgrammeLoad[]>();
  const [loads, plans] = await Promise.all([
    db.teacherLoad.findMany({
      where: {
        organisationId,
        yearId: { in: [...new Set(programmes.map((p) => p.yearId))] },
        subjectId: { in: [...new Set(programmes.map((p) => p.subjectId))] },
        ...(teacherId !== null ? { teacherId } : {}),
      },
      select: {
        id: true,
        yearId: true,
        subjectId: true,
        teacherId: true,
        classId: true,
        teacher: { select: NAME_FIELDS },
        class: { select: { name: true, grade: true } },
        subject: { select: { name: true } },
      },
      orderBy: { id: "asc" },
    }),
    db.lessonPlan.findMany({
      where: { organisationId, programmeId: { in: programmes.map((p) => p.id) } },
      select: { programmeId: true, teacherId: true, classId: true, status: true },
    }),
  ]);
  return new Map(
    programmes.map((programme) => {
      const own = plans.filter((p) => p.programmeId === programme.id);
      const covered = loads.filter(
        (l) =>
          l.yearId === programme.yearId &&
          l.subjectId === programme.subjectId &&
          (programme.grade === null || l.class.grade === programme.grade),
      );
      return [
        programme.id,
        covered.map((l): ProgrammeLoad => {
          const mine = own.filter((p) => p.teacherId === l.teacherId && p.classId === l.classId);
          return {
            loadId: l.id,
            teacherId: l.teacherId,
            teacherName: shortName(l.teacher),
            classId: l.classId,
            className: l.class.name,
            subjectName: l.subject.name,
            hasPlan: mine.length > 0,
            delivered: mine.some((p) => p.status === "SUBMITTED" || p.status === "APPROVED"),
          };
        }),
      ];
    }),
  );
}

export type ProgrammeLoad = {
  loadId: number;
  teacherId: number;
  teacherName: string;
  classId: number;
  className: string;
  subjectName: string;
  hasPlan: boolean;
  delivered: boolean;
};

/** One programme's loads (programmesLoads of one). */
export async function programmeLoads(organisationId: number, programme: ProgrammeRef, teacherId: number | null = null) {
  return (await programmesLoads(organisationId, [programme], teacherId)).get(programme.id) ?? [];
}

export async function approvedProgrammes(organisationId: number, yearId: number) {
  return db.workProgramme.findMany({
    where: { organisationId, yearId, status: "APPROVED", approvedAt: { not: null } },
    select: { id: true, title: true, yearId: true, subjectId: true, grade: true, approvedAt: true },
  });
}

export async function subjectOptions(organisationId: number) {
  return db.subject.findMany({ where: { organisationId }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
