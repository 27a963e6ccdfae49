// Students at risk (DUT-5, seeds 001 §3.4, 002 §4.4.2): who is at risk and why, and the message to
// their parents. Pure: the data layer hands in each subject's outlook (lib/journal/averages.ts
// periodOutlook — the same figures the grid, the diary and the finals page show).
//
// Documented decisions:
//   • A student is at risk in a period when a subject's forecast is «2» / «незачёт» (riskFail), or
//     «н/а» is at risk (riskNotAttested: no counted mark, debts outweigh grades, half the lessons
//     missed), or the lessons missed over the subjects reach the organisation's threshold
//     (`riskAbsencePercent`, default 30 %).
//   • A subject teacher («own» scope) sees and reports only their own subjects of the class; the
//     class teacher, the head of department and the deputy see every subject.
//   • The message is one editable template; «{ученик}» and «{причины}» are filled per student, and
//     each family gets its own message (never another child's name).

export type RiskSubject = {
  subjectName: string;
  riskFail: boolean;
  riskNotAttested: boolean;
  absences: number;
  lessonsHeld: number;
};

/** Why a student is at risk, in the words of the message; empty = not at risk. */
export function riskReasons(subjects: readonly RiskSubject[], absencePercent: number): string[] {
  const out: string[] = [];
  const fail = subjects.filter((s) => s.riskFail).map((s) => s.subjectName);
  const na = subjects.filter((s) => s.riskNotAttested && !s.riskFail).map((s) => s.subjectName);
  if (fail.length) out.push(`прогноз «2» — ${fail.join(", ")}`);
  if (na.length) out.push(`риск «н/а» — ${na.join(", ")}`);
  const missed = subjects.reduce((n, s) => n + s.absences, 0);
  const held = subjects.reduce((n, s) => n + s.lessonsHeld, 0);
  if (held > 0 && (missed * 100) / held >= absencePercent)
    out.push(`пропущено ${Math.round((missed * 100) / held)} % уроков (${missed} из ${held})`);
  return out;
}

export const RISK_TEMPLATE = [
  "Уважаемые родители (законные представители) обучающегося {ученик}!",
  "",
  "Сообщаем, что в текущем учебном периоде есть риск неудовлетворительных результатов: {причины}.",
  "Просим проконтролировать подготовку и связаться с классным руководителем или учителем-предметником.",
].join("\n");

/** The template filled for one student. */
export function fillRiskTemplate(template: string, student: string, reasons: readonly string[]): string {
  return template.replaceAll("{ученик}", student).replaceAll("{причины}", reasons.join("; ") || "—");
}
