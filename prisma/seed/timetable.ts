// SCH-2: a weekly timetable without conflicts. Every class gets a compact day
// (bells 1…n, no gaps); lessons are placed most-constrained first (DSATUR), a blocked
// lesson is repaired by moving one lesson of its class or of its teacher's other class;
// if that fails the whole week is rebuilt with another random stream.
import type { LoadDef, OrgPlan } from "./plan";
import { Rng } from "./random";

export interface Slot {
  className: string;
  subjectKey: string;
  teacherKey: string;
  subgroup?: number;
  weekday: number;
  bell: number;
}

interface Unit {
  className: string;
  subjectKey: string;
  teachers: string[];
  loads: LoadDef[];
  maxPerDay: number;
}

interface Inst {
  unit: Unit;
  day: number;
  bell: number;
}

const DAYS = 5;

export function buildTimetable(plan: OrgPlan, seed: Rng): Slot[] {
  const units = new Map<string, Unit>();
  for (const l of plan.loads) {
    const k = `${l.className}|${l.subjectKey}`;
    const u = units.get(k) ?? {
      className: l.className,
      subjectKey: l.subjectKey,
      teachers: [],
      loads: [],
      maxPerDay: l.perWeek > 5 ? 2 : 1,
    };
    u.teachers.push(l.teacherKey);
    u.loads.push(l);
    units.set(k, u);
  }
  for (let attempt = 0; attempt < 200; attempt++) {
    const result = tryBuild(plan, [...units.values()], seed.fork(`timetable-${attempt}`));
    if (result) {
      return result.flatMap((i) =>
        i.unit.loads.map((l) => ({
          className: l.className,
          subjectKey: l.subjectKey,
          teacherKey: l.teacherKey,
          subgroup: l.subgroup,
          weekday: i.day,
          bell: i.bell,
        })),
      );
    }
  }
  throw new Error("timetable: no conflict-free week found");
}

function tryBuild(plan: OrgPlan, units: Unit[], rng: Rng): Inst[] | null {
  // The class's compact week: lessons per day as even as possible, the longer days at random.
  const slotsOf = new Map<string, Array<[number, number]>>();
  for (const c of plan.classes) {
    const total = units.filter((u) => u.className === c.name).reduce((s, u) => s + u.loads[0].perWeek, 0);
    const base = Math.floor(total / DAYS);
    const longer = new Set(rng.sample([1, 2, 3, 4, 5], total % DAYS));
    const slots: Array<[number, number]> = [];
    for (let d = 1; d <= DAYS; d++) {
      const n = base + (longer.has(d) ? 1 : 0);
      if (n > plan.maxPerDay(c.grade)) return null;
      for (let b = 1; b <= n; b++) slots.push([d, b]);
    }
    slotsOf.set(c.name, slots);
  }
  const classAt = new Map<string, Inst>(); // class|day|bell
  const teacherAt = new Map<string, Inst>(); // teacher|day|bell
  const perDay = new Map<string, number>(); // class|subject|day
  const placed: Inst[] = [];
  const pending: Unit[] = rng.shuffle(units.flatMap((u) => Array.from({ length: u.loads[0].perWeek }, () => u)));

  const subjectFits = (u: Unit, d: number): boolean =>
    (perDay.get(`${u.className}|${u.subjectKey}|${d}`) ?? 0) < u.maxPerDay;
  const teachersFree = (u: Unit, d: number, b: number): boolean =>
    u.teachers.every((t) => !teacherAt.has(`${t}|${d}|${b}`));
  const fits = (u: Unit, d: number, b: number): boolean =>
    !classAt.has(`${u.className}|${d}|${b}`) && teachersFree(u, d, b) && subjectFits(u, d);
  const put = (i: Inst): void => {
    classAt.set(`${i.unit.className}|${i.day}|${i.bell}`, i);
    for (const t of i.unit.teachers) teacherAt.set(`${t}|${i.day}|${i.bell}`, i);
    const k = `${i.unit.className}|${i.unit.subjectKey}|${i.day}`;
    perDay.set(k, (perDay.get(k) ?? 0) + 1);
    placed.push(i);
  };
  const take = (i: Inst): void => {
    classAt.delete(`${i.unit.className}|${i.day}|${i.bell}`);
    for (const t of i.unit.teachers) teacherAt.delete(`${t}|${i.day}|${i.bell}`);
    const k = `${i.unit.className}|${i.unit.subjectKey}|${i.day}`;
    perDay.set(k, (perDay.get(k) ?? 1) - 1);
    placed.splice(placed.indexOf(i), 1);
  };
  /** Moves `i` to another free slot of its class; true on success. */
  const relocate = (i: Inst, forbidden: [number, number]): boolean => {
    take(i);
    const options = slotsOf
      .get(i.unit.className)!
      .filter(
        ([d, b]) => !(d === forbidden[0] && b === forbidden[1]) && !(d === i.day && b === i.bell) && fits(i.unit, d, b),
      );
    if (options.length === 0) {
      put(i);
      return false;
    }
    const [d, b] = rng.pick(options);
    put({ unit: i.unit, day: d, bell: b });
    return true;
  };

  while (pending.length > 0) {
    let best = -1;
    let bestOptions: Array<[number, number]> = [];
    for (let k = 0; k < pending.length; k++) {
      const u = pending[k];
      const options = slotsOf.get(u.className)!.filter(([d, b]) => fits(u, d, b));
      if (best < 0 || options.length < bestOptions.length) {
        best = k;
        bestOptions = options;
        if (options.length === 0) break;
      }
    }
    const u = pending.splice(best, 1)[0];
    if (bestOptions.length > 0) {
      const [d, b] = rng.pick(bestOptions);
      put({ unit: u, day: d, bell: b });
      continue;
    }
    if (!repair(u)) return null;
  }
  return placed;

  function repair(u: Unit): boolean {
    for (const [d, b] of rng.shuffle(slotsOf.get(u.className)!)) {
      if (!subjectFits(u, d)) continue;
      const occupant = classAt.get(`${u.className}|${d}|${b}`);
      const blockers = new Set(u.teachers.map((t) => teacherAt.get(`${t}|${d}|${b}`)).filter((x): x is Inst => !!x));
      if (occupant) blockers.add(occupant);
      if (blockers.size !== 1) continue;
      const [blocker] = blockers;
      if (blocker.unit.subjectKey === u.subjectKey && blocker.unit.className === u.className) continue;
      if (relocate(blocker, [d, b]) && fits(u, d, b)) {
        put({ unit: u, day: d, bell: b });
        return true;
      }
    }
    return false;
  }
}

/** Conflicts in a timetable (teacher, class or subgroup double-booked in a slot); empty = fine. */
export function timetableConflicts(slots: Slot[]): string[] {
  const out: string[] = [];
  const seen = new Map<string, Slot>();
  for (const s of slots) {
    for (const key of [
      `t|${s.teacherKey}|${s.weekday}|${s.bell}`,
      `c|${s.className}|${s.weekday}|${s.bell}|${s.subgroup ?? 0}`,
    ]) {
      if (seen.has(key)) out.push(key);
      seen.set(key, s);
    }
    const whole = `w|${s.className}|${s.weekday}|${s.bell}`;
    const prev = seen.get(whole);
    if (prev && (prev.subjectKey !== s.subjectKey || !prev.subgroup || !s.subgroup)) out.push(whole);
    seen.set(whole, s);
  }
  return out;
}
