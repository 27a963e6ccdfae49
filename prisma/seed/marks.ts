// JRN-3/JRN-4: attendance and marks of the past lessons. Each student has a hidden
// ability, so the class has отличники, хорошисты, троечники and a few at risk of «2»;
// illness comes in episodes of several days. No marks in the first grade (JRN-10),
// nothing for students on home or family education (PPL-2), nothing outside a
// student's membership of the class (and subgroup) on the lesson's date.
import type { AttendanceCode, EducationForm, MarkKind, PeriodKind } from "../generated/prisma/enums";
import type { Calendar } from "./calendar";
import { addDays, at, diffDays } from "./dates";
import type { LessonSpec } from "./lessons";
import type { SubjectDef } from "./plan";
import { hashUnit, type Rng } from "./random";

export interface MemberRow {
  studentId: number;
  classId: number;
  start: Date;
  end: Date | null;
  form: EducationForm;
}

export interface JournalFacts {
  college: boolean;
  today: Date;
  cal: Calendar;
  subjects: Map<number, SubjectDef>;
  /** classId → grade, period kind, class teacher, lessons per week by subject key */
  classes: Map<
    number,
    { grade: number; periodKind: PeriodKind; classTeacherId: number; perWeek: Record<string, number> }
  >;
  memberships: MemberRow[];
  traits: Map<number, { ability: number; absence: number; grade: number }>;
  subgroupMembers: Map<number, Set<number>>;
  periodId: (kind: PeriodKind, date: Date) => number | undefined;
}

export interface MarkSpec {
  studentId: number;
  kind: MarkKind;
  value: number | null;
  isHospital: boolean;
  comment: string | null;
  createdAt: Date;
}

export interface AssignmentSpec {
  lesson: LessonSpec;
  typeName: string;
  description: string | null;
  createdAt: Date;
  marks: MarkSpec[];
}

export interface AttendanceSpec {
  lesson: LessonSpec;
  studentId: number;
  code: AttendanceCode;
  reasonSetById: number | null;
  updatedAt: Date;
}

export interface Accum {
  w: number;
  wv: number;
  pass: number;
  fail: number;
}

const COMMENTS: Record<number, string[]> = {
  5: ["Отличная работа!", "Молодец, подробный ответ"],
  4: ["Есть небольшие недочёты", "Хорошо, но неаккуратно оформлено"],
  3: ["Повторить правило", "Ошибки в вычислениях"],
  2: ["Не выполнено задание, пересдать до конца недели", "Не готов к уроку"],
};

export const ACTIVE_FORMS: ReadonlyArray<EducationForm> = ["FULL_TIME", "PART_TIME"];

export function generateJournal(f: JournalFacts, lessons: LessonSpec[], weights: Map<string, number>, rng: Rng) {
  const dayMs = (d: Date): number => d.getTime();
  // Whole-day absences: illness episodes (Б, sometimes ОТ), family reasons (УП), truancy (НП).
  const dayState = new Map<number, Map<number, AttendanceCode>>();
  for (const [studentId, t] of f.traits) {
    const days = new Map<number, AttendanceCode>();
    let ill = false;
    let code: AttendanceCode = "B";
    for (const d of f.cal.schoolDays(t.grade)) {
      if (d.getTime() >= f.today.getTime()) break;
      if (ill) ill = rng.chance(0.72);
      else if (rng.chance(t.absence * 0.28)) {
        ill = true;
        code = rng.chance(0.93) ? "B" : "OT";
      }
      if (ill) days.set(dayMs(d), code);
      else if (rng.chance(0.004)) days.set(dayMs(d), "UP");
      else if (rng.chance(0.0015)) days.set(dayMs(d), "NP");
    }
    dayState.set(studentId, days);
  }
  const membersOf = new Map<number, typeof f.memberships>();
  for (const m of f.memberships) membersOf.set(m.classId, [...(membersOf.get(m.classId) ?? []), m]);

  const attendance: AttendanceSpec[] = [];
  const assignments: AssignmentSpec[] = [];
  const accum = new Map<string, Accum>();
  const given = new Map<string, number>();
  let hospital = 0;

  for (const l of lessons) {
    if (l.cancelled || l.date.getTime() >= f.today.getTime()) continue;
    const cls = f.classes.get(l.entry.classId)!;
    const subject = f.subjects.get(l.entry.subjectId)!;
    const sg = l.entry.subgroupId === null ? null : f.subgroupMembers.get(l.entry.subgroupId)!;
    const roster = (membersOf.get(l.entry.classId) ?? [])
      .filter(
        (m) =>
          ACTIVE_FORMS.includes(m.form) &&
          m.start.getTime() <= l.date.getTime() &&
          (!m.end || m.end.getTime() >= l.date.getTime()),
      )
      .map((m) => m.studentId)
      .filter((id) => !sg || sg.has(id));
    const recent = diffDays(l.date, f.today) <= 7;
    const absent = new Map<number, AttendanceCode>();
    for (const id of roster) {
      let code = dayState.get(id)?.get(dayMs(l.date));
      if (!code && rng.chance(0.004)) code = "NP";
      if (!code && rng.chance(l.entry.bell === 1 ? 0.02 : 0.004)) code = "OP";
      if (!code) continue;
      if (code !== "OP") absent.set(id, code);
      const shown: AttendanceCode = code === "OP" ? "OP" : recent || rng.chance(0.02) ? "N" : code;
      const reasoned = shown !== "N" && shown !== "OP";
      attendance.push({
        lesson: l,
        studentId: id,
        code: shown,
        reasonSetById: reasoned ? cls.classTeacherId : null,
        updatedAt: reasoned ? at(addDays(l.date, 2), 16, rng.int(0, 59)) : at(l.date, 15, rng.int(0, 59)),
      });
    }
    if (!f.college && cls.grade === 1) continue; // JRN-10
    const present = roster.filter((id) => !absent.has(id));
    const markDay = addDays(l.date, l.lateDays);
    const stamp = (): Date => at(markDay, rng.int(13, 18), rng.int(0, 59));
    const per = f.periodId(cls.periodKind, l.date);
    const mark = (studentId: number, typeName: string, shift: number, extra: Partial<MarkSpec> = {}): MarkSpec => {
      const key = `${l.stream}|${studentId}`;
      given.set(key, (given.get(key) ?? 0) + 1);
      const t = f.traits.get(studentId)!;
      const acc = per
        ? (accum.get(`${studentId}|${l.entry.subjectId}|${per}`) ?? { w: 0, wv: 0, pass: 0, fail: 0 })
        : null;
      if (acc) accum.set(`${studentId}|${l.entry.subjectId}|${per}`, acc);
      if (subject.passFail) {
        const pass = rng.chance(Math.min(0.98, Math.max(0.6, 0.78 + 0.12 * (t.ability - 3))));
        if (acc) acc[pass ? "pass" : "fail"] += 1;
        return {
          studentId,
          kind: pass ? "PASS" : "FAIL",
          value: null,
          isHospital: false,
          comment: null,
          createdAt: stamp(),
          ...extra,
        };
      }
      const mean = t.ability + (hashUnit(`${studentId}|${l.entry.subjectId}`) - 0.5) * 0.8 + shift;
      const value = Math.min(5, Math.max(2, Math.round(rng.normal(mean, 0.7))));
      const w = weights.get(typeName)!;
      if (acc) {
        acc.w += w;
        acc.wv += w * value;
      }
      const comment = rng.chance(0.01) ? rng.pick(COMMENTS[value]) : null;
      return { studentId, kind: "GRADE", value, isHospital: false, comment, createdAt: stamp(), ...extra };
    };
    const fewest = (ids: number[], k: number): number[] =>
      ids
        .map((id) => ({ id, score: (given.get(`${l.stream}|${id}`) ?? 0) + rng.next() * 2 }))
        .sort((a, b) => a.score - b.score)
        .slice(0, k)
        .map((x) => x.id);
    const add = (typeName: string, marks: MarkSpec[], description: string | null = null): void => {
      if (marks.length > 0)
        assignments.push({ lesson: l, typeName, description, createdAt: at(markDay, 12, rng.int(0, 59)), marks });
    };

    if (l.control) {
      const marks = present.filter(() => rng.chance(0.97)).map((id) => mark(id, l.control!, -0.15));
      for (const id of absent.keys()) {
        if (rng.chance(0.08))
          marks.push({
            studentId: id,
            kind: "DEBT",
            value: null,
            isHospital: false,
            comment: "Работа не сдана",
            createdAt: stamp(),
          });
      }
      add(l.control, marks, l.topic);
      continue;
    }
    const marked = new Set<number>();
    if (subject.practiceType && l.n % 6 === 3) {
      const ids = present.filter(() => rng.chance(0.8));
      ids.forEach((id) => marked.add(id));
      add(
        subject.practiceType,
        ids.map((id) => mark(id, subject.practiceType!, 0)),
      );
    }
    if (l.n % 5 === 1) {
      const ids = fewest(
        present.filter((id) => !marked.has(id)),
        rng.int(2, 5),
      );
      ids.forEach((id) => marked.add(id));
      add(
        "Домашняя работа",
        ids.map((id) => mark(id, "Домашняя работа", 0.1)),
      );
    }
    const perWeek = cls.perWeek[subject.key] ?? 2;
    const answers = fewest(
      present.filter((id) => !marked.has(id)),
      rng.int(2, 5) + (perWeek <= 1 ? 2 : 0),
    ).map((id) => mark(id, "Ответ на уроке", 0.1));
    // «оценка, полученная в больнице» (001 §5.6) for a few students ill at the time
    for (const [id, code] of absent) {
      if (code === "B" && !recent && hospital < 12 && rng.chance(0.01)) {
        hospital++;
        answers.push(
          mark(id, "Ответ на уроке", 0, { isHospital: true, comment: "Оценка получена в больничной школе" }),
        );
      }
    }
    add("Ответ на уроке", answers);
  }
  return { attendance, assignments, accum };
}
