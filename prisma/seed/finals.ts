// FIN-1/FIN-2: period finals of the periods that ended before `today` — the rounded
// weighted average of the student's marks in the period (weights of the assignment
// types, rounding from .5), set by the subject teacher; н/а when a student on the roll
// for the whole period has no mark; the deputy sets them for home / family education (FIN-4).
import type { ControlKind, FinalSpecial, PeriodKind } from "../generated/prisma/enums";
import type { PeriodDef } from "./calendar";
import { addDays, at } from "./dates";
import type { Accum, MemberRow } from "./marks";
import type { SubjectDef } from "./plan";
import type { Rng } from "./random";

export interface FinalSpec {
  studentId: number;
  classId: number;
  subjectId: number;
  periodId: number;
  form: ControlKind;
  value: number | null;
  special: FinalSpecial | null;
  setById: number;
  setAt: Date;
}

export interface FinalsInput {
  today: Date;
  college: boolean;
  threshold: number;
  periods: Array<PeriodDef & { id: number }>;
  classes: Array<{
    id: number;
    name: string;
    grade: number;
    periodKind: PeriodKind;
    subjects: Array<{ id: number; def: SubjectDef }>;
  }>;
  memberships: MemberRow[];
  ability: (studentId: number) => number;
  accum: Map<string, Accum>;
  teacherFor: (className: string, subjectKey: string, studentId: number) => number;
  deputyId: number;
}

export function roundMark(avg: number, threshold: number): number {
  const base = Math.floor(avg);
  return avg - base >= threshold - 1e-9 ? base + 1 : base;
}

export function buildFinals(x: FinalsInput, rng: Rng): FinalSpec[] {
  const out: FinalSpec[] = [];
  for (const c of x.classes) {
    if (!x.college && c.grade === 1) continue; // no marks in the first grade (JRN-10)
    for (const p of x.periods.filter((q) => q.kind === c.periodKind && q.end.getTime() < x.today.getTime())) {
      const setAt = at(addDays(p.end, -2), 15, 0);
      const onRoll = x.memberships.filter(
        (m) =>
          m.classId === c.id && m.start.getTime() <= p.end.getTime() && (!m.end || m.end.getTime() >= p.end.getTime()),
      );
      for (const m of onRoll) {
        for (const s of c.subjects) {
          const form: ControlKind = x.college ? s.def.controlKind : "NONE";
          const base = { studentId: m.studentId, classId: c.id, subjectId: s.id, periodId: p.id, form, setAt };
          if (m.form === "HOME" || m.form === "FAMILY") {
            // FIN-4: interim marks of home / family education are set by the deputy.
            const value = Math.min(5, Math.max(3, Math.round(rng.normal(x.ability(m.studentId), 0.5))));
            out.push({ ...base, value, special: null, setById: x.deputyId });
            continue;
          }
          const teacher = x.teacherFor(c.name, s.def.key, m.studentId);
          const acc = x.accum.get(`${m.studentId}|${s.id}|${p.id}`);
          if (s.def.passFail) {
            if (!acc || acc.pass + acc.fail === 0) continue;
            out.push({ ...base, value: null, special: acc.pass >= acc.fail ? "PASS" : "FAIL", setById: teacher });
          } else if (acc && acc.w > 0) {
            const value = Math.min(5, Math.max(2, roundMark(acc.wv / acc.w, x.threshold)));
            out.push({ ...base, value, special: null, setById: teacher });
          } else if (m.start.getTime() <= p.start.getTime()) {
            out.push({ ...base, value: null, special: "NOT_ATTESTED", setById: teacher });
          }
        }
      }
    }
  }
  return out;
}
