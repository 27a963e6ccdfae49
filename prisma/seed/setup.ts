// Loads the set-up of one organisation through Prisma: the organisation card and
// settings (ORG-1, ORG-2), the year with periods and holidays (ORG-3), assignment types
// (ORG-7), users with roles and staff cards, rooms and bells (SCH-1), subjects, classes,
// subgroups (ORG-4, ORG-5), curriculum and teacher load (ORG-6).
import type { PrismaClient } from "../generated/prisma/client";
import type { ControlKind, OrgKind, Role } from "../generated/prisma/enums";
import type { Calendar, PeriodDef } from "./calendar";
import * as card from "./cards";
import { addDays, day } from "./dates";
import type { PersonName } from "./names";
import type { OrgPlan } from "./plan";
import type { Rng } from "./random";
import type { AdminDef } from "./staff";

export interface OrgCard {
  kind: OrgKind;
  name: string;
  shortName: string;
  address: string;
  director: string;
  phone: string;
  email: string;
  website: string;
  settings: { passFailEnabled: boolean };
  bellScheduleName: string;
  bells: Array<[string, string]>;
  extraRooms: Array<[string, number]>;
  departments?: Array<{ key: string; name: string; headLogin: string }>;
}

export interface OrgIds {
  orgId: number;
  yearId: number;
  periods: Array<PeriodDef & { id: number }>;
  types: Map<string, { id: number; weight: number }>;
  users: Map<string, number>;
  teacherIds: Map<string, number>;
  roomIds: Map<string, number>;
  subjectIds: Map<string, number>;
  classIds: Map<string, number>;
}

export const ASSIGNMENT_TYPES: ReadonlyArray<readonly [string, string, number, boolean]> = [
  ["Ответ на уроке", "Отв", 1, false],
  ["Самостоятельная работа", "С/р", 1.5, false],
  ["Контрольная работа", "К/р", 2, true],
  ["Диктант", "Дикт", 2, true],
  ["Тест", "Тест", 1.5, true],
  ["Практическая работа", "Пр/р", 1.5, false],
  ["Лабораторная работа", "Л/р", 1.5, false],
  ["Домашняя работа", "Д/з", 1, false],
  ["Проект", "Пр", 2, false],
  ["Зачёт", "Зач", 2, false],
  ["Экзамен", "Экз", 3, false],
];

interface UserRow {
  login: string;
  name: PersonName;
  roles: Role[];
  email?: string | null;
}

export async function insertSetup(
  db: PrismaClient,
  rng: Rng,
  geo: { regionId: number; municipalityId: number },
  org: OrgCard,
  cal: Calendar,
  plan: OrgPlan,
  admins: AdminDef[],
  people: UserRow[],
  passwordHash: string,
): Promise<OrgIds> {
  const o = await db.organisation.create({
    data: {
      ...geo,
      kind: org.kind,
      name: org.name,
      shortName: org.shortName,
      address: org.address,
      director: org.director,
      phone: org.phone,
      email: org.email,
      website: org.website,
      inn: card.inn10(rng),
      kpp: `63160${rng.digits(1)}001`,
      okpo: rng.digits(8),
      ogrn: card.ogrn(rng),
      timeZone: "Europe/Samara",
    },
  });
  const organisationId = o.id;
  await db.organisationSettings.create({
    data: {
      organisationId,
      minMark: 2,
      maxMark: 5,
      averagingMethod: "WEIGHTED",
      roundingThreshold: 0.5,
      lockDays: 7,
      passFailEnabled: org.settings.passFailEnabled,
    },
  });
  const year = await db.academicYear.create({
    data: { organisationId, name: cal.name, startDate: cal.start, endDate: cal.end, status: "OPEN", isCurrent: true },
  });
  const yearId = year.id;
  const periodRows = await db.period.createManyAndReturn({
    data: cal.periods.map((p) => ({
      organisationId,
      yearId,
      kind: p.kind,
      number: p.number,
      name: p.name,
      startDate: p.start,
      endDate: p.end,
    })),
  });
  const periods = cal.periods.map((p) => ({
    ...p,
    id: periodRows.find((r) => r.kind === p.kind && r.number === p.number)!.id,
  }));
  await db.holiday.createMany({
    data: cal.holidays.map((h) => ({
      organisationId,
      yearId,
      name: h.name,
      startDate: h.start,
      endDate: h.end,
      grade: h.grades?.length === 1 ? h.grades[0] : null,
    })),
  });
  const typeRows = await db.assignmentType.createManyAndReturn({
    data: ASSIGNMENT_TYPES.map(([name, shortName, weight, isControl], i) => ({
      organisationId,
      name,
      shortName,
      weight,
      isControl,
      sortOrder: (i + 1) * 10,
    })),
  });
  const types = new Map(typeRows.map((t) => [t.name, { id: t.id, weight: Number(t.weight) }]));

  // Users: administration, teachers, then students and parents (one shared demo hash).
  const userRows: UserRow[] = [
    ...admins.map((a) => ({ login: a.login, name: a.name, roles: a.roles })),
    ...plan.teachers.map((t) => ({
      login: t.login,
      name: t.name,
      roles: ["TEACHER" as Role, ...(t.extraRoles ?? [])],
    })),
    ...people,
  ];
  const users = new Map<string, number>();
  for (let i = 0; i < userRows.length; i += 1000) {
    const rows = await db.user.createManyAndReturn({
      data: userRows.slice(i, i + 1000).map((u) => ({
        organisationId,
        login: u.login,
        passwordHash,
        mustChangePassword: false,
        lastName: u.name.lastName,
        firstName: u.name.firstName,
        middleName: u.name.middleName,
        email: u.email ?? null,
        issuedAt: day(cal.startYear, 8, 28),
      })),
      select: { id: true, login: true },
    });
    for (const r of rows) users.set(r.login, r.id);
  }
  await db.userRole.createMany({
    data: userRows.flatMap((u) => u.roles.map((role) => ({ organisationId, userId: users.get(u.login)!, role }))),
  });
  const staffCards = [
    ...admins.map((a) => ({
      login: a.login,
      name: a.name,
      position: a.position,
      birthYear: a.birthYear,
      category: null as string | null,
    })),
    ...plan.teachers.map((t) => ({
      login: t.login,
      name: t.name,
      position: t.position,
      birthYear: t.birthYear,
      category: t.category,
    })),
  ];
  await db.staff.createMany({
    data: staffCards.map((s) => ({
      organisationId,
      userId: users.get(s.login)!,
      lastName: s.name.lastName,
      firstName: s.name.firstName,
      middleName: s.name.middleName,
      sex: s.name.sex,
      birthDate: addDays(day(s.birthYear, 1, 1), rng.int(0, 364)),
      position: s.position,
      education: "высшее",
      category: s.category,
      phone: card.mobilePhone(rng),
      email: card.email(rng, s.name.lastName, s.name.firstName),
      snils: card.snils(rng),
      inn: card.inn12(rng),
      hiredAt: day(Math.max(s.birthYear + 22, cal.startYear - rng.int(0, 25)), 8, rng.int(20, 31)),
    })),
  });
  const teacherIds = new Map(plan.teachers.map((t) => [t.key, users.get(t.login)!]));

  const departmentIds = new Map<string, number>();
  for (const d of org.departments ?? []) {
    const row = await db.department.create({ data: { organisationId, name: d.name, headId: users.get(d.headLogin)! } });
    departmentIds.set(d.key, row.id);
  }
  const schedule = await db.bellSchedule.create({
    data: { organisationId, name: org.bellScheduleName, isDefault: true },
  });
  await db.bell.createMany({
    data: org.bells.map(([startTime, endTime], i) => ({
      organisationId,
      scheduleId: schedule.id,
      number: i + 1,
      startTime,
      endTime,
    })),
  });
  const roomRows = await db.room.createManyAndReturn({
    data: [...plan.teachers.map((t) => [t.roomName, t.roomCapacity] as [string, number]), ...org.extraRooms].map(
      ([name, capacity]) => ({
        organisationId,
        name,
        capacity,
        building: org.kind === "COLLEGE" ? "Учебный корпус № 1" : null,
      }),
    ),
  });
  const roomIds = new Map(roomRows.map((r) => [r.name, r.id]));

  // Subjects: modules before their МДК and practices.
  const subjectIds = new Map<string, number>();
  for (const pass of [false, true]) {
    const defs = plan.subjects.filter((s) => !!s.parentKey === pass);
    const rows = await db.subject.createManyAndReturn({
      data: defs.map((s) => ({
        organisationId,
        name: s.name,
        shortName: s.shortName,
        code: s.code ?? null,
        kind: s.kind,
        parentId: s.parentKey ? subjectIds.get(s.parentKey)! : null,
        controlKind: s.controlKind,
        practiceKind: s.practiceKind ?? null,
        passFail: s.passFail ?? false,
        sortOrder: (plan.subjects.indexOf(s) + 1) * 10,
      })),
    });
    for (const s of defs) subjectIds.set(s.key, rows.find((r) => r.name === s.name)!.id);
  }
  const classRows = await db.classGroup.createManyAndReturn({
    data: plan.classes.map((c) => ({
      organisationId,
      yearId,
      name: c.name,
      grade: c.grade,
      letter: c.letter ?? null,
      specialty: c.specialty ?? null,
      specialtyCode: c.specialtyCode ?? null,
      departmentId: c.departmentKey ? departmentIds.get(c.departmentKey)! : null,
      periodKind: c.periodKind,
      shift: 1,
      bellScheduleId: schedule.id,
    })),
  });
  const classIds = new Map(classRows.map((c) => [c.name, c.id]));

  // Curriculum (per year at school, per semester in the college) and teacher load.
  const semesters = periods.filter((p) => p.kind === "SEMESTER");
  await db.curriculumItem.createMany({
    data: plan.classes.flatMap((c) =>
      Object.entries(c.subjects).flatMap(
        ([key, perWeek]): Array<{
          organisationId: number;
          classId: number;
          subjectId: number;
          controlKind: ControlKind;
          periodId: number | null;
          hours: number;
        }> => {
          const subject = plan.subjects.find((s) => s.key === key)!;
          const base = {
            organisationId,
            classId: classIds.get(c.name)!,
            subjectId: subjectIds.get(key)!,
            controlKind: subject.controlKind,
          };
          if (semesters.length === 0)
            return [{ ...base, periodId: null, hours: perWeek * plan.lessonHours * plan.weeks }];
          return semesters.map((p, i) => ({
            ...base,
            periodId: p.id,
            hours: perWeek * plan.lessonHours * (i === 0 ? 16 : plan.weeks - 16),
          }));
        },
      ),
    ),
  });
  return { orgId: organisationId, yearId, periods, types, users, teacherIds, roomIds, subjectIds, classIds };
}
