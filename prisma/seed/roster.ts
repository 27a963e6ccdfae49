// Loads the contingent of one organisation: student and parent cards with their user
// links, parent links, the movement book and memberships (PPL-1…PPL-3), subgroups with
// members, class teachers / curators and the teacher load (ORG-4, ORG-6).
import type { PrismaClient } from "../generated/prisma/client";
import type { Contingent } from "./contingent";
import type { OrgPlan } from "./plan";
import type { OrgIds } from "./setup";

export interface RosterIds {
  /** `${className}|${1|2}` → subgroup id */
  subgroupIds: Map<string, number>;
  /** subgroup id → student ids */
  subgroupMembers: Map<number, Set<number>>;
  /** class name → user id of the class teacher / curator */
  classTeacherIds: Map<string, number>;
}

type Person = Contingent["students"][number] | Contingent["parents"][number];

/** Inserts people a thousand at a time and gives each its new row's id, found by its login's user. */
async function insertPeople<P extends Person>(
  ids: OrgIds,
  people: P[],
  insert: (part: P[]) => Promise<Array<{ id: number; userId: number | null }>>,
): Promise<void> {
  for (let i = 0; i < people.length; i += 1000) {
    const part = people.slice(i, i + 1000);
    const byUser = new Map((await insert(part)).map((r) => [r.userId, r.id]));
    for (const p of part) p.id = byUser.get(ids.users.get(p.login)!)!;
  }
}

export async function insertRoster(
  db: PrismaClient,
  ids: OrgIds,
  plan: OrgPlan,
  cont: Contingent,
  o: { college: boolean; registrarLogin: string },
): Promise<RosterIds> {
  const organisationId = ids.orgId;
  const person = (p: Person) => ({
    organisationId,
    userId: ids.users.get(p.login)!,
    lastName: p.name.lastName,
    firstName: p.name.firstName,
    middleName: p.name.middleName,
    birthDate: p.birthDate,
    sex: p.name.sex,
  });
  await insertPeople(ids, cont.students, (part) =>
    db.student.createManyAndReturn({
      data: part.map((s) => ({ ...person(s), educationForm: s.educationForm, ...s.card })),
      select: { id: true, userId: true },
    }),
  );
  await insertPeople(ids, cont.parents, (part) =>
    db.parent.createManyAndReturn({
      data: part.map((p) => ({
        ...person(p),
        phone: p.phone,
        email: p.email,
        preferredContact: p.preferredContact,
        address: p.address,
        workplace: p.workplace,
        position: p.position,
      })),
      select: { id: true, userId: true },
    }),
  );
  await db.parentLink.createMany({
    data: cont.families.flatMap((f) =>
      f.parents.flatMap((p) =>
        f.children.map((c) => ({ organisationId, parentId: p.id!, studentId: c.id!, kinship: p.kinship })),
      ),
    ),
  });
  const cls = (name?: string): number | null => (name ? ids.classIds.get(name)! : null);
  await db.movement.createMany({
    data: cont.movements.map((m) => ({
      organisationId,
      studentId: m.student.id!,
      kind: m.kind,
      date: m.date,
      orderNumber: m.orderNumber,
      orderDate: m.orderDate,
      fromClassId: cls(m.fromClass),
      toClassId: cls(m.toClass),
      educationForm: m.form ?? null,
      note: m.note ?? null,
      createdById: ids.users.get(o.registrarLogin)!,
    })),
  });
  await db.classMembership.createMany({
    data: cont.memberships.map((m) => ({
      organisationId,
      studentId: m.student.id!,
      classId: cls(m.className)!,
      startDate: m.start,
      endDate: m.end,
      educationForm: m.form,
    })),
  });

  // Subgroups (иностранный язык from grade 2), split by the class list.
  const subgroupIds = new Map<string, number>();
  const subgroupMembers = new Map<number, Set<number>>();
  const sgDefs = plan.classes.flatMap((c) =>
    plan.subjects
      .filter((s) => s.subgroupsFromGrade !== undefined && c.grade >= s.subgroupsFromGrade && c.subjects[s.key])
      .flatMap((s) => [1, 2].map((n) => ({ className: c.name, subjectKey: s.key, n }))),
  );
  if (sgDefs.length > 0) {
    const rows = await db.subgroup.createManyAndReturn({
      data: sgDefs.map((d) => ({
        organisationId,
        classId: cls(d.className)!,
        subjectId: ids.subjectIds.get(d.subjectKey)!,
        name: `${d.n} группа`,
      })),
    });
    for (const d of sgDefs) {
      const row = rows.find((r) => r.classId === cls(d.className) && r.name === `${d.n} группа`)!;
      subgroupIds.set(`${d.className}|${d.n}`, row.id);
      const members = cont.subgroups.get(d.className)?.[d.n - 1] ?? [];
      subgroupMembers.set(row.id, new Set(members.map((s) => s.id!)));
    }
    await db.subgroupMember.createMany({
      data: [...subgroupMembers].flatMap(([subgroupId, set]) =>
        [...set].map((studentId) => ({ organisationId, subgroupId, studentId })),
      ),
    });
  }

  const classTeacherIds = new Map(Object.entries(plan.classTeachers).map(([c, t]) => [c, ids.teacherIds.get(t)!]));
  await db.classTeacher.createMany({
    data: [...classTeacherIds].map(([c, userId]) => ({
      organisationId,
      classId: cls(c)!,
      userId,
      kind: o.college ? "CURATOR" : "CLASS_TEACHER",
    })),
  });
  await db.teacherLoad.createMany({
    data: plan.loads.map((l) => ({
      organisationId,
      yearId: ids.yearId,
      teacherId: ids.teacherIds.get(l.teacherKey)!,
      classId: cls(l.className)!,
      subjectId: ids.subjectIds.get(l.subjectKey)!,
      subgroupId: l.subgroup ? subgroupIds.get(`${l.className}|${l.subgroup}`)! : null,
      hoursPerWeek: l.perWeek * plan.lessonHours,
      hoursPerYear: l.perWeek * plan.lessonHours * plan.weeks,
    })),
  });
  return { subgroupIds, subgroupMembers, classTeacherIds };
}
