// The fulfilment table's rows as ONE JSON string (issue 22 item 7): rendered as server components,
// 656 lines × 10 cells went out twice — as HTML and again as React elements in the RSC payload
// (≈ 600 bytes a line there). The client table gets the figures as compact tuples in one string
// (Flight writes it as one text chunk) and draws the same rows on the server and in the browser.
import type { FulfilmentLine, ProgrammeTotals } from "@/lib/plans/rules";

/** One line as the table draws it. */
export type FulfilmentView = {
  classId: number;
  subjectId: number;
  subgroupId: number | null;
  className: string;
  /** The subject, with its subgroup in brackets for a subgroup's stream. */
  subject: string;
  teachers: string;
  yearHours: number;
  planned: number;
  given: number;
  difference: number;
  lagging: boolean;
  /** PRG-1: null — no approved programme for the class × subject. */
  programme: { hours: number; ktpHours: number | null; mismatch: boolean } | null;
};

type Tuple = [
  classId: number,
  subjectId: number,
  subgroupId: number | null,
  className: string,
  subject: string,
  teachers: string,
  yearHours: number,
  planned: number,
  given: number,
  difference: number,
  lagging: 0 | 1,
  programmeHours: number | null,
  ktpHours: number | null,
  mismatch: 0 | 1,
];

/** The lines (with their teachers' names) and PRG-1's figures per `${classId}:${subjectId}` → the table's string. */
export function packFulfilment(
  lines: readonly (FulfilmentLine & { teachers: readonly { name: string }[] })[],
  totals: ReadonlyMap<string, ProgrammeTotals> = new Map(),
): string {
  return JSON.stringify(
    lines.map((l): Tuple => {
      const p = totals.get(`${l.classId}:${l.subjectId}`);
      return [
        l.classId,
        l.subjectId,
        l.subgroupId,
        l.className,
        l.subgroupName ? `${l.subjectName} (${l.subgroupName})` : l.subjectName,
        l.teachers.map((t) => t.name).join(", "),
        l.yearHours,
        l.planned,
        l.given,
        l.difference,
        l.lagging ? 1 : 0,
        p ? p.programmeHours : null,
        p ? p.ktpHours : null,
        p?.mismatch ? 1 : 0,
      ];
    }),
  );
}

export function unpackFulfilment(packed: string): FulfilmentView[] {
  return (JSON.parse(packed) as Tuple[]).map((t) => ({
    classId: t[0],
    subjectId: t[1],
    subgroupId: t[2],
    className: t[3],
    subject: t[4],
    teachers: t[5],
    yearHours: t[6],
    planned: t[7],
    given: t[8],
    difference: t[9],
    lagging: t[10] === 1,
    programme: t[11] === null ? null : { hours: t[11], ktpHours: t[12], mismatch: t[13] === 1 },
  }));
}
