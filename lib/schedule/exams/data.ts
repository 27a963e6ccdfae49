// SCH-5: the session (exam and interim-attestation) schedule per group. Bound to the organisation (ACL-5).
import { NAME_FIELDS, shortName } from "@/lib/people/names";
import { db } from "@/lib/db";
import { compareRuNumeric } from "@/lib/org/collation";

export type ExamRow = {
  id: number;
  className: string;
  subjectName: string;
  kind: "NONE" | "EXAM" | "CREDIT" | "DIFF_CREDIT" | "COURSEWORK" | "PRACTICE" | "VKR" | "OTHER";
  startsAt: Date;
  roomName: string | null;
  examinerName: string | null;
  isConsultation: boolean;
};

/** Exam slots of the given classes (null = all) from an instant on. */
export async function examSlots(
  organisationId: number,
  classIds: readonly number[] | null,
  from: Date,
): Promise<ExamRow[]> {
  const rows = await db.examSlot.findMany({
    where: { organisationId, startsAt: { gte: from }, ...(classIds ? { classId: { in: [...classIds] } } : {}) },
    select: {
      id: true,
      kind: true,
      startsAt: true,
      isConsultation: true,
      class: { select: { name: true } },
      subject: { select: { name: true } },
      room: { select: { name: true } },
      examiner: { select: NAME_FIELDS },
    },
    orderBy: [{ startsAt: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    className: r.class.name,
    subjectName: r.subject.name,
    kind: r.kind,
    startsAt: r.startsAt,
    isConsultation: r.isConsultation,
    roomName: r.room?.name ?? null,
    examinerName: r.examiner ? shortName(r.examiner) : null,
  }));
}

export async function examFormOptions(organisationId: number) {
  const [subjects, rooms, teachers] = await Promise.all([
    db.subject.findMany({ where: { organisationId }, select: { id: true, name: true } }),
    db.room.findMany({ where: { organisationId }, select: { id: true, name: true } }),
    db.user.findMany({
      where: { organisationId, isActive: true, roles: { some: { role: "TEACHER" } } },
      select: { id: true, ...NAME_FIELDS },
    }),
  ]);
  const ru = (a: { name: string }, b: { name: string }) => compareRuNumeric(a.name, b.name);
  return {
    subjects: subjects.sort(ru),
    rooms: rooms.sort(ru),
    teachers: teachers.map((t) => ({ id: t.id, name: shortName(t) })).sort(ru),
  };
}

/** Groups a teacher teaches (load) or leads (class teacher / curator). */
export async function teacherClassIds(organisationId: number, userId: number): Promise<number[]> {
  const [loads, led] = await Promise.all([
    db.teacherLoad.findMany({
      where: { organisationId, teacherId: userId, year: { isCurrent: true } },
      select: { classId: true },
    }),
    db.classTeacher.findMany({ where: { organisationId, userId }, select: { classId: true } }),
  ]);
  return [...new Set([...loads, ...led].map((r) => r.classId))];
}
