// The contingent of one organisation (PPL-1…PPL-3): class lists, families with shared
// parents, the demo family, special cases (home / family education) and the movement
// book with the memberships derived from it — transfers between parallel classes, an
// expulsion and a mid-October admission in the past of `today`.
import type { EducationForm, MovementKind } from "../generated/prisma/enums";
import type { Calendar } from "./calendar";
import { addDays, day, diffDays, ru, weekdayBefore, weekdayOnOrBefore } from "./dates";
import {
  byName,
  joinFamily,
  makeParents,
  makeStudent,
  newFamily,
  type Family,
  type ParentSpec,
  type StudentSpec,
} from "./people";
import type { OrgPlan } from "./plan";
import type { Rng } from "./random";

export interface MembershipSpec {
  student: StudentSpec;
  className: string;
  start: Date;
  end: Date | null;
  form: EducationForm;
}

export interface MovementSpec {
  student: StudentSpec;
  kind: MovementKind;
  date: Date;
  orderNumber: string;
  orderDate: Date;
  fromClass?: string;
  toClass?: string;
  form?: EducationForm;
  note?: string;
}

export interface Contingent {
  students: StudentSpec[];
  parents: ParentSpec[];
  families: Family[];
  memberships: MembershipSpec[];
  movements: MovementSpec[];
  /** class name → [members of subgroup 1, of subgroup 2] (school, grade ≥ 2) */
  subgroups: Map<string, [StudentSpec[], StudentSpec[]]>;
  demoStudent: StudentSpec;
  demoParent?: ParentSpec;
}

export interface ContingentOptions {
  college: boolean;
  size: [number, number];
  /** Class name → its exact size instead of `size` (the benchmark's class of 35, issue 22). */
  classSize?: Record<string, number>;
  demoClass: string;
  demoStudent: { lastName: string; firstName: string; middleName: string };
  demoFather: readonly [string, string, string];
  /** School only: the demo parent's second child. */
  sibling?: { className: string; firstName: string };
}

export function buildContingent(
  seed: Rng,
  plan: OrgPlan,
  cal: Calendar,
  today: Date,
  o: ContingentOptions,
): Contingent {
  const Y = cal.startYear;
  // Separate streams: the people do not depend on `today`, only the movements of the year do.
  const rng = seed.fork("roster");
  const moves = seed.fork("movements");
  const kin = seed.fork("parents");
  const perClass = new Map<string, StudentSpec[]>();
  for (const c of plan.classes) {
    const list = Array.from({ length: o.classSize?.[c.name] ?? rng.int(o.size[0], o.size[1]) }, () =>
      makeStudent(rng, c, Y, o.college, newFamily(rng)),
    );
    perClass.set(c.name, list);
  }
  const cls = (name: string) => plan.classes.find((c) => c.name === name)!;
  const special = new Set<StudentSpec>();

  // The demo family: the demo student and (school) a sibling in another class.
  const demoFamily: Family = { ...newFamily(rng), surname: o.demoStudent.lastName, father: o.demoFather };
  const demoStudent = rng.pick(perClass.get(o.demoClass)!);
  demoStudent.name.sex = "MALE";
  joinFamily(demoStudent, demoFamily);
  Object.assign(demoStudent.name, o.demoStudent);
  Object.assign(demoStudent, { ability: 4.25, absence: 0.03, login: "student" });
  special.add(demoStudent);
  if (o.sibling) {
    const sib = rng.pick(perClass.get(o.sibling.className)!);
    sib.name.sex = "FEMALE";
    joinFamily(sib, demoFamily);
    Object.assign(sib.name, { firstName: o.sibling.firstName });
    sib.ability = 4.7;
    special.add(sib);
  }

  const pickFrom = (className: string, r: Rng = rng): StudentSpec => {
    const list = perClass.get(className)!.filter((s) => !special.has(s) && s.family.children.length === 1);
    const s = r.pick(list);
    special.add(s);
    return s;
  };

  // Siblings in different classes (~15 families with two children, two with three).
  if (!o.college) {
    const all = [...perClass.values()].flat();
    for (let k = 0; k < 17; k++) {
      const free = all.filter((s) => !special.has(s) && s.family.children.length === 1);
      const a = rng.pick(free);
      const b = rng.pick(free.filter((s) => cls(s.className).grade !== cls(a.className).grade));
      joinFamily(b, a.family);
      special.add(a).add(b);
      if (k >= 15) {
        const c = rng.pick(
          free.filter((s) => !special.has(s) && ![a, b].some((x) => cls(x.className).grade === cls(s.className).grade)),
        );
        joinFamily(c, a.family);
        special.add(c);
      }
    }
  }

  // Home and family education (PPL-2): no current marks, no attendance.
  if (!o.college) {
    for (const [className, form] of [
      ["4Б", "HOME"],
      ["8А", "HOME"],
      ["10Б", "FAMILY"],
    ] as const) {
      const s = pickFrom(className);
      s.educationForm = form;
      s.card.medicalNotes = form === "HOME" ? "Обучение на дому по заключению ВК" : s.card.medicalNotes;
    }
  }

  for (const list of perClass.values()) list.sort(byName);
  const students = plan.classes.flatMap((c) => perClass.get(c.name)!);

  // The movement book.
  const memberships: MembershipSpec[] = [];
  const movements: MovementSpec[] = [];
  const suffix = o.college ? "к" : "у";
  const cohortOrders = new Map<string, [string, Date]>();
  for (const s of students) {
    const g = cls(s.className).grade;
    const entryYear = Y - g + 1;
    const key = `${s.className}|${entryYear}`;
    if (!cohortOrders.has(key)) {
      const od = weekdayOnOrBefore(day(entryYear, 8, rng.int(24, 30)));
      cohortOrders.set(key, [`№ ${entryYear === Y ? 112 : rng.int(90, 140)}-${suffix} от ${ru(od)}`, od]);
    }
    const [orderNumber, orderDate] = cohortOrders.get(key)!;
    movements.push({
      student: s,
      kind: "ADMISSION",
      date: day(entryYear, 9, 1),
      orderNumber,
      orderDate,
      toClass: s.className,
      form: s.educationForm,
    });
    memberships.push({ student: s, className: s.className, start: cal.start, end: null, form: s.educationForm });
  }

  const subgroups = new Map<string, [StudentSpec[], StudentSpec[]]>();
  if (!o.college) {
    for (const c of plan.classes.filter((x) => x.grade >= 2)) {
      const list = perClass.get(c.name)!;
      const half = Math.ceil(list.length / 2);
      subgroups.set(c.name, [list.slice(0, half), list.slice(half)]);
    }
  }

  // Movements during the year, only in the past of `today`.
  const elapsed = diffDays(cal.start, today);
  let orderNo = 150;
  const schoolDayFrom = (d: Date, grade: number): Date => {
    let x = d;
    while (!cal.isSchoolDay(x, grade)) x = addDays(x, 1);
    return x;
  };
  // Orders of the year are numbered in date order once all movements are known (see below).
  const order = (date: Date): [string, Date] => ["", weekdayBefore(date)];
  if (!o.college && elapsed >= 21) {
    const transfer = (from: string, to: string, share: number): void => {
      const s = pickFrom(from, moves);
      const date = schoolDayFrom(addDays(cal.start, Math.floor(elapsed * share)), cls(from).grade);
      if (date.getTime() >= today.getTime()) return;
      const m = memberships.find((x) => x.student === s)!;
      m.end = addDays(date, -1);
      memberships.push({ student: s, className: to, start: date, end: null, form: s.educationForm });
      const [orderNumber, orderDate] = order(date);
      movements.push({
        student: s,
        kind: "TRANSFER",
        date,
        orderNumber,
        orderDate,
        fromClass: from,
        toClass: to,
        note: "Перевод в параллельный класс по заявлению родителей",
      });
      const groups = subgroups.get(to)!;
      (groups[0].length <= groups[1].length ? groups[0] : groups[1]).push(s);
      s.className = to;
    };
    transfer("6А", "6Б", 0.4);
    const expelled = pickFrom("10А", moves);
    const exDate = schoolDayFrom(addDays(cal.start, Math.floor(elapsed * 0.5)), 10);
    if (exDate.getTime() < today.getTime()) {
      memberships.find((x) => x.student === expelled)!.end = addDays(exDate, -1);
      const [orderNumber, orderDate] = order(exDate);
      movements.push({
        student: expelled,
        kind: "EXPULSION",
        date: exDate,
        orderNumber,
        orderDate,
        fromClass: "10А",
        note: "В связи с переменой места жительства (г. Тольятти)",
      });
    }
    transfer("9Б", "9А", 0.6);
  }
  if (elapsed >= 21) {
    // A newcomer from another school in mid-October (or half-way to today early in the year).
    const target = o.college ? "ИС-11" : "5Б";
    const c = cls(target);
    const mid = day(Y, 10, 15);
    const date = schoolDayFrom(
      today.getTime() > addDays(mid, 7).getTime() ? mid : addDays(cal.start, Math.floor(elapsed * 0.5)),
      c.grade,
    );
    const family = newFamily(moves);
    const s = makeStudent(moves, c, Y, o.college, family);
    students.push(s);
    memberships.push({ student: s, className: target, start: date, end: null, form: "FULL_TIME" });
    const [orderNumber, orderDate] = order(date);
    movements.push({
      student: s,
      kind: "ADMISSION",
      date,
      orderNumber,
      orderDate,
      toClass: target,
      form: "FULL_TIME",
      note: "Прибыл(а) из другой образовательной организации",
    });
    subgroups.get(target)?.[1].push(s);
  }

  for (const m of movements.filter((x) => x.orderNumber === "").sort((x, y) => x.date.getTime() - y.date.getTime())) {
    orderNo += 3 + moves.int(0, 4);
    m.orderNumber = `№ ${orderNo}-${suffix} от ${ru(m.orderDate)}`;
  }

  // Parents: the mother always, the father in most families; logins in list order.
  const families: Family[] = [];
  for (const s of students) if (!families.includes(s.family)) families.push(s.family);
  const parents: ParentSpec[] = [];
  for (const f of families) {
    makeParents(kin, f, f === demoFamily || kin.chance(f.children.length > 1 ? 0.9 : 0.72));
    parents.push(...f.parents);
  }
  let demoParent: ParentSpec | undefined;
  if (!o.college) {
    demoParent = demoFamily.parents[0];
    Object.assign(demoParent.name, { firstName: "Ольга", middleName: "Николаевна" });
    demoParent.login = "parent";
    if (demoFamily.parents[1]) demoFamily.parents[1].name.middleName = "Александрович";
  }
  students.forEach((s, i) => {
    if (!s.login) s.login = `s${1001 + i}`;
    s.card.personalFileNumber = `${s.name.lastName[0]}-${String(101 + i)}`;
  });
  parents.forEach((p, i) => {
    if (!p.login) p.login = `p${1001 + i}`;
  });
  return { students, parents, families, memberships, movements, subgroups, demoStudent, demoParent };
}
