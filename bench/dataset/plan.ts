// The benchmark school (issue 10): the demo school's curriculum and staffing scaled from 22 to
// 48 classes. Classes 1В…11Г copy the load of 1А…11Б with a second staff (teacher clones), and
// 5Д…8Д copy 5А…8А with a third staff, so every teacher's week is as feasible as the demo's and
// the demo timetable builder still fits it. Issue 22 item 2: one more class, BIG_CLASS (10Е, a
// class of 35 with a profile-level algebra of 6 lessons a week, ≈ 90 lessons in the first
// half-year), taught by a fourth staff of its own, for the realistic grid size `journal_grid_35x90`.
// Pure and deterministic (no database).
import type { ClassDef, LoadDef, OrgPlan, TeacherDef } from "../../prisma/seed/plan";
import type { Rng } from "../../prisma/seed/random";
import { buildSchoolPlan } from "../../prisma/seed/school-plan";
import { SCHOOL_ADMINS, makeTeacher } from "../../prisma/seed/staff";

/** Extra letters: the class they copy and the staff copy (1 or 2) that teaches them. */
const COPIES: ReadonlyArray<{ letter: string; from: string; staff: number; grades: [number, number] }> = [
  { letter: "В", from: "А", staff: 1, grades: [1, 11] },
  { letter: "Г", from: "Б", staff: 1, grades: [1, 11] },
  { letter: "Д", from: "А", staff: 2, grades: [5, 8] },
];

/** The benchmark's realistic journal: a class of BIG_CLASS_SIZE in a half-year of BIG_SUBJECT (issue 22 item 2). */
export const BIG_CLASS = "10Е";
export const BIG_CLASS_SIZE = 35;
export const BIG_SUBJECT = "alg";
const BIG_FROM = "10А";
const BIG_PER_WEEK = 6;

export function buildBenchPlan(rng: Rng): OrgPlan {
  const base = buildSchoolPlan(rng.fork("base"));
  const used = new Set<string>();
  for (const t of base.teachers) {
    used.add(`login:${t.login}`);
    used.add(`name:${t.name.lastName} ${t.name.firstName} ${t.name.middleName}`);
  }
  for (const a of SCHOOL_ADMINS) used.add(`login:${a.login}`);
  const clones = new Map<string, TeacherDef>();
  const staffRng = rng.fork("staff");
  const cloneOf = (key: string, staff: number): string => {
    const cloneKey = `${key}_${staff}`;
    if (!clones.has(cloneKey)) {
      const t = base.teachers.find((x) => x.key === key)!;
      const female = t.name.sex === "FEMALE" ? 1 : 0;
      clones.set(
        cloneKey,
        makeTeacher(staffRng, used, cloneKey, t.position, `${t.roomName}-${staff + 1}`, t.roomCapacity, female),
      );
    }
    return cloneKey;
  };

  const classes: ClassDef[] = [...base.classes];
  const loads: LoadDef[] = [...base.loads];
  const classTeachers: Record<string, string> = { ...base.classTeachers };
  for (const copy of COPIES) {
    for (const src of base.classes.filter(
      (c) => c.letter === copy.from && c.grade >= copy.grades[0] && c.grade <= copy.grades[1],
    )) {
      const name = `${src.grade}${copy.letter}`;
      classes.push({ ...src, name, letter: copy.letter });
      for (const l of base.loads.filter((x) => x.className === src.name)) {
        loads.push({ ...l, className: name, teacherKey: cloneOf(l.teacherKey, copy.staff) });
      }
      classTeachers[name] = cloneOf(base.classTeachers[src.name], copy.staff);
    }
  }
  // The class of 35: 10А's curriculum with algebra at the profile level, its own staff (staff 3).
  const from = base.classes.find((c) => c.name === BIG_FROM)!;
  classes.push({ ...from, name: BIG_CLASS, letter: "Е", subjects: { ...from.subjects, [BIG_SUBJECT]: BIG_PER_WEEK } });
  for (const l of base.loads.filter((x) => x.className === BIG_FROM)) {
    const perWeek = l.subjectKey === BIG_SUBJECT ? BIG_PER_WEEK : l.perWeek;
    loads.push({ ...l, className: BIG_CLASS, perWeek, teacherKey: cloneOf(l.teacherKey, 3) });
  }
  classTeachers[BIG_CLASS] = cloneOf(base.classTeachers[BIG_FROM], 3);
  classes.sort((a, b) => a.grade - b.grade || (a.letter ?? "").localeCompare(b.letter ?? ""));
  return { ...base, classes, loads, classTeachers, teachers: [...base.teachers, ...clones.values()] };
}
