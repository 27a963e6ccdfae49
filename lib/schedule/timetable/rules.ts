// SCH-2: conflicts of a timetable entry, as Russian messages naming the clash. Pure. Two
// entries meet when their weekday is the same, their validity ranges overlap and their
// bells overlap in time (classes on different bell schedules — shifts — are compared by
// the clock, not by the bell number). PRG-2: club slots (by the clock) join the same check —
// a student cannot be at a lesson and a club, or at two clubs, at once; nor a teacher or a room.
import { formatDate } from "@/lib/org/time";
import { cap, vocabulary } from "@/lib/org/vocabulary";
import { bellLabel, WEEKDAY_NAMES } from "../week";

/** A timetable entry's place in the week with the names the pages show (slots and approval snapshots). */
export type NamedEntry = {
  classId: number;
  className: string;
  subgroupId: number | null;
  subgroupName: string | null;
  subjectId: number;
  subjectName: string;
  teacherId: number;
  teacherName: string;
  roomId: number | null;
  roomName: string | null;
  weekday: number;
  bellNumber: number;
};

export type SlotEntry = NamedEntry & {
  id: number | null;
  /** Minutes since midnight of the bell's start and end. */
  start: number;
  end: number;
  validFrom: Date;
  validTo: Date;
  /** SCH-2: a one-off change's lesson (ADD, MOVE, REPLACE) — that date only (validFrom = validTo = date). */
  date?: Date;
};

export type LoadRef = { teacherId: number; classId: number; subjectId: number; subgroupId: number | null };

/** What a clash is decided on: the weekday, the clock span and the validity range. */
export type TimeSpan = Pick<SlotEntry, "weekday" | "start" | "end" | "validFrom" | "validTo">;

/** PRG-2: a club's weekly slot, with its leader, room and members (their class and subgroups). */
export type ClubSlotEntry = TimeSpan & {
  id: number | null;
  clubId: number;
  clubName: string;
  leaderId: number;
  leaderName: string;
  roomId: number | null;
  roomName: string | null;
  members: readonly ClubMemberRef[];
};

export type ClubMemberRef = { studentId: number; name: string; classId: number | null; subgroupIds: readonly number[] };

function meets(a: TimeSpan, b: TimeSpan): boolean {
  return (
    a.weekday === b.weekday &&
    a.start < b.end &&
    b.start < a.end &&
    a.validFrom.getTime() <= b.validTo.getTime() &&
    b.validFrom.getTime() <= a.validTo.getTime()
  );
}

function when(e: SlotEntry, college: boolean): string {
  return `${e.date ? formatDate(e.date) : WEEKDAY_NAMES[e.weekday]}, ${bellLabel(e.bellNumber, college)}`;
}

/** «15:00» of minutes after midnight. */
export function clockLabel(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** «среда, 15:00–15:45» */
export function clubWhen(e: TimeSpan): string {
  return `${WEEKDAY_NAMES[e.weekday]}, ${clockLabel(e.start)}–${clockLabel(e.end)}`;
}

/** A club's members who must be at a lesson: of its class, and of its subgroup when the lesson is a subgroup's. */
function membersAt(club: ClubSlotEntry, lesson: SlotEntry): ClubMemberRef[] {
  return club.members.filter(
    (m) => m.classId === lesson.classId && (lesson.subgroupId === null || m.subgroupIds.includes(lesson.subgroupId)),
  );
}

function names(members: readonly ClubMemberRef[]): string {
  const list = members.map((m) => m.name);
  return list.length > 3 ? `${list.slice(0, 3).join(", ")} и ещё ${list.length - 3}` : list.join(", ");
}

function classLabel(e: SlotEntry): string {
  return e.subgroupName ? `${e.className} (${e.subgroupName})` : e.className;
}

/** Does the teacher's load cover the class, subject and subgroup? A whole-class load covers its subgroups. */
export function loadCovers(
  loads: readonly LoadRef[],
  e: Pick<SlotEntry, "teacherId" | "classId" | "subjectId" | "subgroupId">,
): boolean {
  return loads.some(
    (l) =>
      l.teacherId === e.teacherId &&
      l.classId === e.classId &&
      l.subjectId === e.subjectId &&
      (l.subgroupId === null || l.subgroupId === e.subgroupId),
  );
}

/**
 * Every conflict of `candidate` with the other entries, first the teacher, then the room,
 * then the class, then the load: a teacher or a room in two places at once, a class with
 * two lessons in one slot (unless they are different subgroups), a teacher without load.
 */
export function entryConflicts(
  candidate: SlotEntry,
  others: readonly SlotEntry[],
  loads: readonly LoadRef[],
  college = false,
  clubs: readonly ClubSlotEntry[] = [],
): string[] {
  // DAY-6 (issue 22 round 24): the messages in the organisation's words (a college's «преподаватель», «занятие»).
  const v = vocabulary(college);
  const out: string[] = [];
  const rivals = others.filter((o) => o.id === null || o.id !== candidate.id).filter((o) => meets(candidate, o));
  for (const o of rivals) {
    if (o.teacherId === candidate.teacherId) {
      out.push(
        `${cap(v.teacher.nom)} ${candidate.teacherName} в это время ведёт ${v.lesson.acc} в ${classLabel(o)} (${when(o, college)}) и не может вести ${v.lesson.acc} в ${classLabel(candidate)}`,
      );
    }
  }
  for (const o of rivals) {
    if (candidate.roomId !== null && o.roomId === candidate.roomId) {
      out.push(
        `Кабинет ${candidate.roomName ?? ""} в это время занят: ${v.lesson.nom} ${o.subjectName} в ${classLabel(o)} (${when(o, college)})`,
      );
    }
  }
  for (const o of rivals) {
    if (o.classId !== candidate.classId) continue;
    const differentSubgroups =
      o.subgroupId !== null && candidate.subgroupId !== null && o.subgroupId !== candidate.subgroupId;
    if (!differentSubgroups) {
      out.push(
        `У ${classLabel(candidate)} в это время уже есть ${v.lesson.nom}: ${o.subjectName}${o.subgroupName ? ` (${o.subgroupName})` : ""} (${when(o, college)})`,
      );
    }
  }
  out.push(...lessonClubConflicts(candidate, clubs, college));
  if (!loadCovers(loads, candidate)) {
    out.push(
      `У ${v.teacher.gen} ${candidate.teacherName} нет нагрузки (тарификации) по ${v.subject.dat} «${candidate.subjectName}» в ${classLabel(candidate)}`,
    );
  }
  return out;
}

/**
 * PRG-2: a lesson (a weekly entry or a one-off change's, SCH-2) against the club slots of the same
 * time — the club's leader teaching it, its room, its members of this class (subgroup) — each message
 * naming the club.
 */
export function lessonClubConflicts(candidate: SlotEntry, clubs: readonly ClubSlotEntry[], college = false): string[] {
  const v = vocabulary(college);
  const out: string[] = [];
  for (const c of clubs.filter((c) => meets(candidate, c))) {
    if (c.leaderId === candidate.teacherId)
      out.push(
        `${cap(v.teacher.nom)} ${candidate.teacherName} в это время ведёт объединение «${c.clubName}» (${clubWhen(c)})`,
      );
    if (candidate.roomId !== null && c.roomId === candidate.roomId)
      out.push(`Кабинет ${candidate.roomName ?? ""} в это время занят объединением «${c.clubName}» (${clubWhen(c)})`);
    const busy = membersAt(c, candidate);
    if (busy.length)
      out.push(
        `${cap(v.student.nomPl)} ${classLabel(candidate)} в это время заняты в объединении «${c.clubName}» (${clubWhen(c)}): ${names(busy)}`,
      );
  }
  return out;
}

/**
 * PRG-2: every clash of a club slot with the lessons and the other clubs' slots of its weekday —
 * its leader teaching or leading elsewhere, its room taken, its members at a lesson of their class
 * (subgroup) or at another club, each message naming the clash.
 */
export function clubSlotConflicts(
  candidate: ClubSlotEntry,
  lessons: readonly SlotEntry[],
  clubs: readonly ClubSlotEntry[],
  college = false,
): string[] {
  const v = vocabulary(college);
  const out: string[] = [];
  const atLessons = lessons.filter((l) => meets(candidate, l));
  const atClubs = clubs.filter((c) => c.id === null || c.id !== candidate.id).filter((c) => meets(candidate, c));
  for (const l of atLessons.filter((l) => l.teacherId === candidate.leaderId))
    out.push(
      `Руководитель ${candidate.leaderName} в это время ведёт ${v.lesson.acc} ${l.subjectName} в ${classLabel(l)} (${when(l, college)})`,
    );
  for (const c of atClubs.filter((c) => c.leaderId === candidate.leaderId))
    out.push(`Руководитель ${candidate.leaderName} в это время ведёт объединение «${c.clubName}» (${clubWhen(c)})`);
  if (candidate.roomId !== null) {
    for (const l of atLessons.filter((l) => l.roomId === candidate.roomId))
      out.push(
        `Кабинет ${candidate.roomName ?? ""} в это время занят: ${v.lesson.nom} ${l.subjectName} в ${classLabel(l)} (${when(l, college)})`,
      );
    for (const c of atClubs.filter((c) => c.roomId === candidate.roomId))
      out.push(`Кабинет ${candidate.roomName ?? ""} в это время занят объединением «${c.clubName}» (${clubWhen(c)})`);
  }
  for (const l of atLessons) {
    const busy = membersAt(candidate, l);
    if (busy.length)
      out.push(
        `У ${classLabel(l)} в это время ${v.lesson.nom}: ${l.subjectName} (${when(l, college)}) — в объединении ${v.student.nomPl} ${v.thisClass.gen}: ${names(busy)}`,
      );
  }
  for (const c of atClubs) {
    const ids = new Set(c.members.map((m) => m.studentId));
    const busy = candidate.members.filter((m) => ids.has(m.studentId));
    if (busy.length)
      out.push(
        `${cap(v.student.nomPl)} в это время заняты в объединении «${c.clubName}» (${clubWhen(c)}): ${names(busy)}`,
      );
  }
  return out;
}

type Range = { from: Date; to: Date };

/**
 * DAY-1: the days whose journal lessons a saved entry changes — its old and new validity joined,
 * clipped to the study year (null: nothing inside the year).
 */
export function regenerationRange(ranges: readonly Range[], year: Range): Range | null {
  if (ranges.length === 0) return null;
  const from = Math.max(Math.min(...ranges.map((r) => r.from.getTime())), year.from.getTime());
  const to = Math.min(Math.max(...ranges.map((r) => r.to.getTime())), year.to.getTime());
  return from <= to ? { from: new Date(from), to: new Date(to) } : null;
}

/**
 * DAY-11: a new entry starts at the start of the study period that holds `today` (a scheduler
 * entering the timetable mid-quarter means it from the quarter's start); before the year or in a
 * gap between periods, the next period's start; after the last, the year's start.
 */
export function defaultValidFrom(
  today: Date,
  year: Range,
  periods: readonly { startDate: Date; endDate: Date }[],
): Date {
  const t = today.getTime();
  const current = periods.find((p) => p.startDate.getTime() <= t && t <= p.endDate.getTime());
  if (current) return current.startDate;
  const next = periods.find((p) => p.startDate.getTime() > t);
  if (next) return next.startDate;
  return year.from;
}
