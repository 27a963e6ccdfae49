// Pure rules of the final marks (FIN-1…FIN-4): what a typed final means, which columns a class has,
// who may set a student's final, and when missing finals are warned about. No I/O.
import { finalWord, type ControlKindName, type FinalSpecialName } from "@/lib/journal/marks";

export type FinalKindName = "PERIOD" | "YEAR" | "EXAM" | "FINAL" | "ATTESTATION";
export type EducationFormName = "FULL_TIME" | "PART_TIME" | "EXTRAMURAL" | "FAMILY" | "HOME";

export type FinalValue = { value: number | null; special: FinalSpecialName | null };
export type ParsedFinal = { ok: true; value: FinalValue | null } | { ok: false; message: string };

export const FINAL_KIND_LABELS: Record<FinalKindName, string> = {
  PERIOD: "за период",
  YEAR: "Год",
  EXAM: "Экзамен",
  FINAL: "Итоговая",
  ATTESTATION: "Аттестация",
};

/** A credit («зачёт») form takes only зачёт/незачёт; the others take marks. */
export function formIsPassFail(form: ControlKindName): boolean {
  return form === "CREDIT";
}

function normalise(raw: string): string {
  return raw.trim().toLowerCase().replace(/ё/g, "е").replace(/\s+/g, "").replace(/\.$/, "");
}

/**
 * What was typed into a final cell (FIN-3): a mark of the scale; «н/а» (не аттестован); «осв»
 * (освобождён); «з»/«зачёт», «нз»/«незачёт» where the subject or form is pass/fail. Empty = remove.
 */
export function parseFinalInput(
  raw: string,
  opts: { minMark: number; maxMark: number; passFail: boolean },
): ParsedFinal {
  const s = normalise(raw);
  if (s === "") return { ok: true, value: null };
  if (s === "на" || s === "н/а" || s === "н\\а") return { ok: true, value: { value: null, special: "NOT_ATTESTED" } };
  if (s === "осв" || s === "освоб" || s === "освобожден")
    return { ok: true, value: { value: null, special: "EXEMPT" } };
  const pass = ["з", "зач", "зачет", "зч"].includes(s);
  const fail = ["нз", "незач", "незачет"].includes(s);
  if (opts.passFail) {
    if (pass) return { ok: true, value: { value: null, special: "PASS" } };
    if (fail) return { ok: true, value: { value: null, special: "FAIL" } };
    return { ok: false, message: "Здесь ставится «зачёт» (з), «незачёт» (нз), «н/а» или «осв»" };
  }
  if (pass || fail) return { ok: false, message: "По этому предмету ставится отметка, а не «зачёт»" };
  if (!/^\d{1,2}$/.test(s))
    return { ok: false, message: `Допустимы отметки ${opts.minMark}–${opts.maxMark}, «н/а», «осв»` };
  const value = Number(s);
  if (value < opts.minMark || value > opts.maxMark)
    return { ok: false, message: `Отметка должна быть от ${opts.minMark} до ${opts.maxMark}` };
  return { ok: true, value: { value, special: null } };
}

/** The text a user would type to get the final back. */
export function finalInputText(f: FinalValue | null): string {
  if (!f) return "";
  if (f.special) return finalWord(f.special, "input");
  return f.value === null ? "" : String(f.value);
}

/** FIN-4: finals of students on home, family or part-time education are set by DEPUTY (001 §4.2.2.9). */
export const FORMS_FOR_DEPUTY: readonly EducationFormName[] = ["HOME", "FAMILY", "PART_TIME"];

export const EDUCATION_FORM_LABELS: Record<EducationFormName, string> = {
  FULL_TIME: "очная",
  PART_TIME: "очно-заочная",
  EXTRAMURAL: "заочная",
  FAMILY: "семейная",
  HOME: "на дому",
};

/**
 * May this actor set this student's final? `editAll`: DEPUTY / ADMIN / HEAD_OF_DEPT within scope;
 * `editOwn`: the subject teacher (TeacherLoad), but not for a student whose form belongs to DEPUTY.
 */
export function mayEditFinal(
  rights: { editAll: boolean; editOwn: boolean },
  forms: readonly EducationFormName[],
): boolean {
  if (rights.editAll) return true;
  if (!rights.editOwn) return false;
  return !forms.some((f) => FORMS_FOR_DEPUTY.includes(f));
}

export const DEPUTY_ONLY_MESSAGE =
  "Итоговую отметку обучающемуся на дому, в семейной или очно-заочной форме выставляет заместитель директора";

const DAY_MS = 86_400_000;

/**
 * FIN-4: finals are due three days (OrganisationSettings.finalsWarningDays) before the period's end;
 * from that day until the period is over and finals are still missing, a warning shows.
 * Returns the days left to the period's end (0 = the last day), or null when no warning is due.
 */
export function finalsWarning(periodEnd: Date, today: Date, warningDays: number): number | null {
  const left = Math.round((periodEnd.getTime() - today.getTime()) / DAY_MS);
  if (left > warningDays) return null;
  return left;
}

/** A Russian phrase for the warning. */
export function warningText(left: number, missing: number): string {
  const when =
    left < 0 ? "период завершён" : left === 0 ? "сегодня последний день периода" : `до конца периода ${left} дн.`;
  return `Не выставлено итоговых отметок: ${missing} (${when})`;
}

/** The key of a final in the journal history (JRN-7): one per student × class × subject × kind × period. */
export function finalKey(f: {
  studentId: number;
  classId: number;
  subjectId: number;
  kind: FinalKindName;
  periodId: number | null;
}): string {
  return `final:${f.classId}:${f.subjectId}:${f.studentId}:${f.kind}:${f.periodId ?? "year"}`;
}

/** Non-period columns: a college group — the discipline's final (semester attestations are the period columns, with their form); a school class — year, exam, final. */
export function extraKinds(orgKind: "SCHOOL" | "COLLEGE"): FinalKindName[] {
  return orgKind === "COLLEGE" ? ["FINAL"] : ["YEAR", "EXAM", "FINAL"];
}

/** The period a warning is about: the one holding `today`, else the last one already over (holidays). */
export function currentPeriod<P extends { start: Date; end: Date }>(periods: readonly P[], today: Date): P | null {
  const t = today.getTime();
  const sorted = [...periods].sort((a, b) => a.start.getTime() - b.start.getTime());
  return (
    sorted.find((p) => p.start.getTime() <= t && p.end.getTime() >= t) ??
    [...sorted].reverse().find((p) => p.end.getTime() < t) ??
    null
  );
}

/**
 * FIN-4's gate for a home page: is any period kind's current period (currentPeriod) within the
 * warning's lead time today (finalsWarning)? On the other days of the year no journal can be due, so
 * the journals' finals need not be read at all.
 */
export function anyFinalsWarning(
  periods: readonly { kind: string; start: Date; end: Date }[],
  today: Date,
  warningDays: number,
): boolean {
  return [...new Set(periods.map((p) => p.kind))].some((kind) => {
    const period = currentPeriod(
      periods.filter((p) => p.kind === kind),
      today,
    );
    return period !== null && finalsWarning(period.end, today, warningDays) !== null;
  });
}

/** Students on the roll on a date (the movement book's stays). */
export function rollOn(stays: readonly { studentId: number; start: Date; end: Date | null }[], date: Date): number {
  const t = date.getTime();
  return new Set(
    stays.filter((s) => s.start.getTime() <= t && (s.end === null || s.end.getTime() >= t)).map((s) => s.studentId),
  ).size;
}
