// The pure (database-free) description of one demo organisation: subjects,
// classes, teachers, loads. school-plan.ts and college-plan.ts build one each.
import type { ControlKind, PeriodKind, PracticeKind, Role, SubjectKind } from "../generated/prisma/enums";
import type { PersonName } from "./names";
import type { HomeworkStyle } from "./topics";

export interface SubjectDef {
  key: string;
  name: string;
  shortName: string;
  code?: string;
  kind: SubjectKind;
  parentKey?: string;
  controlKind: ControlKind;
  practiceKind?: PracticeKind;
  passFail?: boolean;
  /** Assignment types of the periodic control works, used in turn (JRN-8). */
  controlTypes: string[];
  /** An extra type of work given now and then (лабораторная, практическая, самостоятельная). */
  practiceType?: string;
  homework: HomeworkStyle;
  humanities?: boolean;
  /** School: lessons per week by grade. */
  perWeek?: Record<number, number>;
  /** Split into two subgroups from this grade on (иностранный язык). */
  subgroupsFromGrade?: number;
}

export interface ClassDef {
  name: string;
  grade: number;
  letter?: string;
  periodKind: PeriodKind;
  specialty?: string;
  specialtyCode?: string;
  departmentKey?: string;
  /** Subject key → lessons per week (a college lesson is a pair). */
  subjects: Record<string, number>;
}

export interface TeacherDef {
  key: string;
  name: PersonName;
  login: string;
  position: string;
  category: string;
  roomName: string;
  roomCapacity: number;
  birthYear: number;
  extraRoles?: Role[];
}

export interface LoadDef {
  className: string;
  subjectKey: string;
  teacherKey: string;
  /** 1 or 2 for a subgroup load. */
  subgroup?: number;
  perWeek: number;
}

export interface OrgPlan {
  subjects: SubjectDef[];
  classes: ClassDef[];
  teachers: TeacherDef[];
  loads: LoadDef[];
  /** class name → teacher key (класный руководитель / куратор) */
  classTeachers: Record<string, string>;
  /** Academic hours of one lesson: 1 at school, 2 for a college pair. */
  lessonHours: number;
  /** Lessons per day at most, by grade. */
  maxPerDay: (grade: number) => number;
  /** Weeks of study a year (yearly hours = weekly × weeks). */
  weeks: number;
}

export function subjectByKey(plan: OrgPlan, key: string): SubjectDef {
  const s = plan.subjects.find((x) => x.key === key);
  if (!s) throw new Error(`unknown subject ${key}`);
  return s;
}
