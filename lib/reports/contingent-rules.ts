// «Итоговые данные по обучающимся» (RPT-9, second part): the movement of the roll over a period,
// per class, from the stays of the movement book. A stay's end date is its last day on the roll
// (as everywhere in the journal), so the figures balance: at start + arrived − left = at end.

/** One stay of a student in a class (ClassMembership): `end` null = still there. */
export type Stay = { classId: number; studentId: number; start: Date; end: Date | null; sex: "MALE" | "FEMALE" | null };

export type ContingentFigures = {
  atStart: number;
  arrived: number;
  left: number;
  atEnd: number;
  boysAtEnd: number;
  girlsAtEnd: number;
};

const onRoll = (s: Stay, day: Date) => s.start <= day && (s.end === null || s.end >= day);

/** Figures of the stays of one class (or of several together) for the days `from`…`to`. */
export function contingentFigures(stays: readonly Stay[], from: Date, to: Date): ContingentFigures {
  const f: ContingentFigures = { atStart: 0, arrived: 0, left: 0, atEnd: 0, boysAtEnd: 0, girlsAtEnd: 0 };
  for (const s of stays) {
    if (s.start > to || (s.end !== null && s.end < from)) continue;
    if (onRoll(s, from)) f.atStart += 1;
    else f.arrived += 1;
    if (onRoll(s, to)) {
      f.atEnd += 1;
      if (s.sex === "MALE") f.boysAtEnd += 1;
      if (s.sex === "FEMALE") f.girlsAtEnd += 1;
    } else f.left += 1;
  }
  return f;
}
