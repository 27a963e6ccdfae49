// «Итоговые данные по обучающимся» (RPT-9, second part): the movement of the roll over a period,
// per class, from the stays of the movement book. A stay's end date is its last day on the roll
// (as everywhere in the journal), so the figures balance:
// at start + arrived + transferred in − left − transferred out = at end.
// A transfer between classes of the organisation (the student's next stay, in another class,
// starts the day after) is shown apart from arrivals and departures; a new stay in the same class
// the next day (a change of the form of education) is no movement at all.

/** One stay of a student in a class (ClassMembership): `end` null = still there. */
export type Stay = { classId: number; studentId: number; start: Date; end: Date | null; sex: "MALE" | "FEMALE" | null };

export type ContingentFigures = {
  atStart: number;
  arrived: number;
  transferredIn: number;
  left: number;
  transferredOut: number;
  atEnd: number;
  boysAtEnd: number;
  girlsAtEnd: number;
};

/** No one yet: the start of a count. */
export const ZERO_CONTINGENT_FIGURES: ContingentFigures = {
  atStart: 0,
  arrived: 0,
  transferredIn: 0,
  left: 0,
  transferredOut: 0,
  atEnd: 0,
  boysAtEnd: 0,
  girlsAtEnd: 0,
};

const DAY = 86_400_000;
const onRoll = (s: Stay, day: Date) => s.start <= day && (s.end === null || s.end >= day);

/** Consecutive stays of a student in the same class joined into one. */
export function mergeStays(stays: readonly Stay[]): Stay[] {
  const sorted = [...stays].sort(
    (a, b) => a.studentId - b.studentId || a.classId - b.classId || a.start.getTime() - b.start.getTime(),
  );
  const out: Stay[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (
      last &&
      last.studentId === s.studentId &&
      last.classId === s.classId &&
      last.end !== null &&
      s.start.getTime() <= last.end.getTime() + DAY
    ) {
      last.end = s.end === null || s.end > last.end ? s.end : last.end;
    } else out.push({ ...s });
  }
  return out;
}

/**
 * Figures of the stays of one class (or of several together) for the days `from`…`to`; `all` are
 * the organisation's stays around the period, which tell a transfer from an arrival or departure.
 */
export function contingentFigures(
  stays: readonly Stay[],
  from: Date,
  to: Date,
  all: readonly Stay[] = stays,
): ContingentFigures {
  const f: ContingentFigures = { ...ZERO_CONTINGENT_FIGURES };
  const merged = mergeStays(stays);
  const others = mergeStays(all);
  const cameFromOther = (s: Stay) =>
    others.some(
      (o) =>
        o.studentId === s.studentId &&
        o.classId !== s.classId &&
        o.end !== null &&
        o.end.getTime() + DAY === s.start.getTime(),
    );
  const wentToOther = (s: Stay) =>
    s.end !== null &&
    others.some(
      (o) => o.studentId === s.studentId && o.classId !== s.classId && o.start.getTime() === s.end!.getTime() + DAY,
    );
  for (const s of merged) {
    if (s.start > to || (s.end !== null && s.end < from)) continue;
    if (onRoll(s, from)) f.atStart += 1;
    else if (cameFromOther(s)) f.transferredIn += 1;
    else f.arrived += 1;
    if (onRoll(s, to)) {
      f.atEnd += 1;
      if (s.sex === "MALE") f.boysAtEnd += 1;
      if (s.sex === "FEMALE") f.girlsAtEnd += 1;
    } else if (wentToOther(s)) f.transferredOut += 1;
    else f.left += 1;
  }
  return f;
}
