// «Решения педсовета» (REC-4) as pure rules: the decision each student starts from (a recorded one,
// the movement book's expulsion, else the year transition's default), the grade it leads to, and
// which rows of a submitted batch are written under the batch's protocol. No I/O.
import { formatDate } from "@/lib/org/time";
import { graduatesByDefault } from "@/lib/org/year/rules";

export const DECISION_KINDS = ["PROMOTED", "CONDITIONAL", "REPEAT", "GRADUATED", "LEFT"] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** Wording of the form (seed 003: «переведён в … класс», «условно», «оставлен на повторное обучение», «выбыл»). */
export const DECISION_LABELS: Record<DecisionKind, string> = {
  PROMOTED: "переведён в следующий класс",
  CONDITIONAL: "переведён условно",
  REPEAT: "оставлен на повторное обучение",
  GRADUATED: "выпущен (окончил обучение)",
  LEFT: "выбыл",
};

/** The grade a decision leads to: the next one when promoted, the same when repeating, none when leaving. */
export function toGradeOf(decision: DecisionKind, grade: number): number | null {
  if (decision === "PROMOTED" || decision === "CONDITIONAL") return grade + 1;
  if (decision === "REPEAT") return grade;
  return null;
}

export type Recorded = {
  decision: DecisionKind;
  protocolNumber: string | null;
  protocolDate: Date | null;
  date: Date | null;
};

export type Expulsion = { movementId: number; date: Date; orderNumber: string; orderDate: Date };

export type Starting = { decision: DecisionKind; source: "recorded" | "movement" | "default" };

/**
 * The decision a student's row starts from: what the council recorded; else «выбыл» when the
 * movement book holds their expulsion from the class; else what the year transition would do
 * (graduation in a final grade, promotion otherwise — lib/org/year/rules.ts).
 */
export function startingDecision(
  recorded: Recorded | undefined,
  expulsion: Expulsion | undefined,
  orgKind: "SCHOOL" | "COLLEGE",
  grade: number,
): Starting {
  if (recorded) return { decision: recorded.decision, source: "recorded" };
  if (expulsion) return { decision: "LEFT", source: "movement" };
  return { decision: graduatesByDefault(orgKind, grade) ? "GRADUATED" : "PROMOTED", source: "default" };
}

export type SubmittedRow = { studentId: number; decision: DecisionKind; date: Date | null };

export type PlannedRow = SubmittedRow & {
  toGrade: number | null;
  /** «выбыл» without an expulsion in the movement book: it is recorded there, once. */
  recordExpulsion: boolean;
  expulsion: Expulsion | null;
};

export type BatchContext = {
  orgKind: "SCHOOL" | "COLLEGE";
  grade: number;
  yearStart: Date;
  /** The last day a decision of the year may take effect (the day before the next year). */
  lastDay: Date;
  roll: ReadonlySet<number>;
  recorded: ReadonlyMap<number, Recorded>;
  expulsions: ReadonlyMap<number, Expulsion>;
  names: ReadonlyMap<number, string>;
  hasOrder: boolean;
};

export type BatchPlan = { ok: true; rows: PlannedRow[] } | { ok: false; message: string };

const DAY = 86_400_000;

/**
 * The rows a batch writes under its protocol: new and changed decisions. A row equal to its recorded
 * decision that already carries a protocol keeps that protocol (it was decided earlier). Refuses a
 * student off the class's roll, promotion past the last grade, «выбыл» without a date in the year,
 * a new expulsion without an order, and any other decision for a student who has left.
 */
export function planBatch(rows: readonly SubmittedRow[], ctx: BatchContext): BatchPlan {
  const seen = new Set<number>();
  const out: PlannedRow[] = [];
  for (const row of rows) {
    const name = ctx.names.get(row.studentId) ?? "ученик";
    if (!ctx.roll.has(row.studentId)) return { ok: false, message: "Ученик не числится в этом классе в этом году" };
    if (seen.has(row.studentId)) return { ok: false, message: `${name}: указан дважды` };
    seen.add(row.studentId);
    const expulsion = ctx.expulsions.get(row.studentId) ?? null;
    if (expulsion && row.decision !== "LEFT")
      return {
        ok: false,
        message: `${name}: выбыл(а) по приказу № ${expulsion.orderNumber} — решение может быть только «выбыл»`,
      };
    if ((row.decision === "PROMOTED" || row.decision === "CONDITIONAL") && ctx.orgKind === "SCHOOL" && ctx.grade >= 11)
      return { ok: false, message: `${name}: ${ctx.grade}-й класс — выпускной, перевести некуда` };
    let date: Date | null = null;
    if (row.decision === "LEFT") {
      date = expulsion?.date ?? row.date;
      if (!date) return { ok: false, message: `${name}: укажите дату выбытия` };
      if (date.getTime() < ctx.yearStart.getTime() || date.getTime() > ctx.lastDay.getTime())
        return { ok: false, message: `${name}: дата выбытия вне учебного года` };
      if (!expulsion && !ctx.hasOrder)
        return { ok: false, message: `${name}: для выбытия укажите номер и дату приказа` };
    }
    const before = ctx.recorded.get(row.studentId);
    const unchanged =
      before !== undefined &&
      before.decision === row.decision &&
      before.protocolNumber !== null &&
      (before.date?.getTime() ?? null) === (date?.getTime() ?? null);
    if (unchanged) continue;
    out.push({
      studentId: row.studentId,
      decision: row.decision,
      date,
      toGrade: toGradeOf(row.decision, ctx.grade),
      recordExpulsion: row.decision === "LEFT" && !expulsion,
      expulsion,
    });
  }
  return { ok: true, rows: out };
}

/** The last day a year's decision may take effect: the day before the same date a year after the start. */
export function decisionLastDay(yearStart: Date): Date {
  const next = new Date(Date.UTC(yearStart.getUTCFullYear() + 1, yearStart.getUTCMonth(), yearStart.getUTCDate()));
  return new Date(next.getTime() - DAY);
}

/** «протокол № 5 от 28.05.2026» */
export function protocolText(number: string, date: Date): string {
  return `протокол № ${number} от ${formatDate(date)}`;
}

/** «№ 96-у от 29.05.2026» — an order's reference as the movement book prints it (a number typed with its «№» keeps it). */
export function orderRef(number: string, date: Date): string {
  return `${number.startsWith("№") ? "" : "№ "}${number} от ${formatDate(date)}`;
}

/** «приказ № 96-у от 29.05.2026». */
export function orderText(number: string, date: Date): string {
  return `приказ ${orderRef(number, date)}`;
}

/** A recorded decision as the sheet reads it: «переведён в 7 класс, протокол № 9 от 27.05.2026». */
export function recordedText(
  r: {
    decision: DecisionKind;
    toGrade: number | null;
    protocolNumber: string | null;
    protocolDate: Date | null;
    date: Date | null;
  },
  college: boolean,
): string {
  const to = r.toGrade === null ? "" : college ? ` на ${r.toGrade} курс` : ` в ${r.toGrade} класс`;
  const what: Record<DecisionKind, string> = {
    PROMOTED: `переведён${to}`,
    CONDITIONAL: `переведён${to} условно`,
    REPEAT: "оставлен на повторное обучение",
    GRADUATED: "выпущен (окончил обучение)",
    LEFT: `выбыл${r.date ? ` ${formatDate(r.date)}` : ""}`,
  };
  const protocol = r.protocolNumber && r.protocolDate ? `, ${protocolText(r.protocolNumber, r.protocolDate)}` : "";
  return `${what[r.decision]}${protocol}`;
}
