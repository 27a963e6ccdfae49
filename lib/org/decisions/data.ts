// Reads of «Решения педсовета» (REC-4), bound to the organisation: the year's classes and one
// class's sheet — the students on its roll at the year's end and those who left it (movement book),
// their recorded decisions, expulsions and failing year finals.
import { db } from "@/lib/db";
import { fullName, NAME_FIELDS } from "@/lib/people/names";
import { decisionLastDay, type DecisionKind, type Expulsion, type Recorded } from "./rules";
import { compareRu, compareRuNumeric } from "@/lib/org/collation";

/** The year of a class of the organisation (a link to a class opens its year); null when there is no such class. */
export async function classYearId(organisationId: number, classId: number): Promise<number | null> {
  const cls = await db.classGroup.findUnique({
    where: { organisationId_id: { organisationId, id: classId } },
    select: { yearId: true },
  });
  return cls?.yearId ?? null;
}

export async function decisionClasses(organisationId: number, yearId: number) {
  const rows = await db.classGroup.findMany({
    where: { organisationId, yearId },
    select: { id: true, name: true, grade: true },
  });
  return rows.sort((a, b) => a.grade - b.grade || compareRuNumeric(a.name, b.name));
}

export type SheetStudent = {
  studentId: number;
  name: string;
  recorded: (Recorded & { toGrade: number | null; orderNumber: string | null; orderDate: Date | null }) | undefined;
  expulsion: Expulsion | undefined;
  /** Subjects whose year final is «2», н/а or «незачёт» (a hint for the council). */
  failing: string[];
};

export type DecisionSheet = {
  cls: { id: number; name: string; grade: number };
  year: { id: number; name: string; status: string; startDate: Date; endDate: Date };
  orgKind: "SCHOOL" | "COLLEGE";
  students: SheetStudent[];
};

/**
 * Expulsions (EXPULSION in the movement book) from the classes dated within the year's window —
 * a tx is passed when the caller writes on the result.
 */
export async function expulsionsFrom(
  client: Pick<typeof db, "movement">,
  organisationId: number,
  classIds: number[],
  yearStart: Date,
): Promise<Map<number, Expulsion & { classId: number }>> {
  const rows = await client.movement.findMany({
    where: {
      organisationId,
      kind: "EXPULSION",
      fromClassId: { in: classIds },
      date: { gte: yearStart, lte: decisionLastDay(yearStart) },
    },
    orderBy: { date: "asc" },
    select: { id: true, studentId: true, fromClassId: true, date: true, orderNumber: true, orderDate: true },
  });
  return new Map(
    rows.map((r) => [
      r.studentId,
      { movementId: r.id, classId: r.fromClassId!, date: r.date, orderNumber: r.orderNumber, orderDate: r.orderDate },
    ]),
  );
}

/**
 * Who the council decides on in a class: the students on its roll at the year's end (a stay that
 * lasts to the end or beyond) and those who left the organisation from it during the year.
 */
export async function councilRoll(
  client: Pick<typeof db, "classMembership" | "movement">,
  organisationId: number,
  classId: number,
  year: { startDate: Date; endDate: Date },
) {
  const [stays, expulsions] = await Promise.all([
    client.classMembership.findMany({
      where: { organisationId, classId, OR: [{ endDate: null }, { endDate: { gte: year.endDate } }] },
      select: { studentId: true, student: { select: NAME_FIELDS } },
    }),
    expulsionsFrom(client, organisationId, [classId], year.startDate),
  ]);
  const left = expulsions.size
    ? await client.classMembership.findMany({
        where: { organisationId, classId, studentId: { in: [...expulsions.keys()] } },
        select: { studentId: true, student: { select: NAME_FIELDS } },
      })
    : [];
  const names = new Map<number, string>();
  for (const s of [...stays, ...left]) names.set(s.studentId, fullName(s.student));
  return { names, expulsions };
}

/** One class's sheet for the year; null when the class is not the year's or not the organisation's. */
export async function decisionSheet(
  organisationId: number,
  yearId: number,
  classId: number,
): Promise<DecisionSheet | null> {
  const cls = await db.classGroup.findUnique({
    where: { organisationId_id: { organisationId, id: classId } },
    select: {
      id: true,
      name: true,
      grade: true,
      yearId: true,
      year: { select: { id: true, name: true, status: true, startDate: true, endDate: true } },
      organisation: { select: { kind: true } },
    },
  });
  if (!cls || cls.yearId !== yearId) return null;
  const { names, expulsions } = await councilRoll(db, organisationId, classId, cls.year);
  const ids = [...names.keys()];
  const [recorded, failing] = await Promise.all([
    db.yearDecision.findMany({
      where: { organisationId, yearId, studentId: { in: ids } },
      select: {
        studentId: true,
        decision: true,
        toGrade: true,
        protocolNumber: true,
        protocolDate: true,
        date: true,
        orderNumber: true,
        orderDate: true,
      },
    }),
    db.finalMark.findMany({
      where: {
        organisationId,
        classId,
        kind: "YEAR",
        periodId: null,
        OR: [{ value: { lte: 2 } }, { special: { in: ["NOT_ATTESTED", "FAIL"] } }],
      },
      select: { studentId: true, subject: { select: { shortName: true } } },
    }),
  ]);
  const recordedOf = new Map(recorded.map((r) => [r.studentId, { ...r, decision: r.decision as DecisionKind }]));
  const students = ids
    .map((studentId) => ({
      studentId,
      name: names.get(studentId)!,
      recorded: recordedOf.get(studentId),
      expulsion: expulsions.get(studentId),
      failing: failing.filter((f) => f.studentId === studentId).map((f) => f.subject.shortName),
    }))
    .sort((a, b) => compareRu(a.name, b.name));
  return {
    cls: { id: cls.id, name: cls.name, grade: cls.grade },
    year: cls.year,
    orgKind: cls.organisation.kind,
    students,
  };
}
