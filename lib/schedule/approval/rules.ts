import { roomLabel } from "../room-label";
import type { NamedEntry } from "../timetable/rules";
import { compareRu } from "@/lib/org/collation";
import { lessonNumber, vocabulary, type Vocabulary } from "@/lib/org/vocabulary";

// PRG-3: timetable approval — pure rules. A submitted version stores the year's entries as a
// snapshot; the edits made after the last approved version are the difference between that
// snapshot and today's entries, listed for the director like SCH-2 changes.
export type SnapshotEntry = NamedEntry & {
  id: number;
  hours: number;
  /** ГГГГ-ММ-ДД */
  validFrom: string;
  validTo: string;
};

export type ChangeSinceApproval =
  | { kind: "added"; entry: SnapshotEntry }
  | { kind: "removed"; entry: SnapshotEntry }
  | { kind: "changed"; entry: SnapshotEntry; before: SnapshotEntry };

const COMPARED = [
  "classId",
  "subgroupId",
  "subjectId",
  "teacherId",
  "roomId",
  "weekday",
  "bellNumber",
  "hours",
  "validFrom",
  "validTo",
] as const satisfies readonly (keyof SnapshotEntry)[];

function sameEntry(a: SnapshotEntry, b: SnapshotEntry): boolean {
  return COMPARED.every((k) => a[k] === b[k]);
}

const order = (a: SnapshotEntry, b: SnapshotEntry) =>
  compareRu(a.className, b.className) || a.weekday - b.weekday || a.bellNumber - b.bellNumber || a.id - b.id;

/** The entries added, removed and changed since the approved snapshot, by class, weekday and bell. */
export function changesSinceApproval(
  approved: readonly SnapshotEntry[],
  current: readonly SnapshotEntry[],
): ChangeSinceApproval[] {
  const before = new Map(approved.map((e) => [e.id, e]));
  const now = new Map(current.map((e) => [e.id, e]));
  const out: ChangeSinceApproval[] = [];
  for (const e of current) {
    const old = before.get(e.id);
    if (!old) out.push({ kind: "added", entry: e });
    else if (!sameEntry(old, e)) out.push({ kind: "changed", entry: e, before: old });
  }
  for (const e of approved) if (!now.has(e.id)) out.push({ kind: "removed", entry: e });
  return sortChanges(out);
}

/** The changes by class, weekday and bell (then entry id). */
export function sortChanges(changes: ChangeSinceApproval[]): ChangeSinceApproval[] {
  return changes.sort((a, b) => order(a.entry, b.entry));
}

/** Reads a stored snapshot back (a malformed row reads as empty rather than breaking the page). */
export function parseSnapshot(value: unknown): SnapshotEntry[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (v): v is SnapshotEntry =>
      typeof v === "object" && v !== null && typeof (v as SnapshotEntry).id === "number" && "weekday" in v,
  );
}

export type VersionState = "SUBMITTED" | "APPROVED" | "RETURNED";

/** Whether a new version may be submitted: not while one waits for the director's decision. */
export function submitRefusal(versions: readonly { number: number; status: VersionState }[]): string | null {
  const pending = versions.find((v) => v.status === "SUBMITTED");
  return pending ? `Версия ${pending.number} уже на утверждении у директора` : null;
}

const WEEKDAYS = ["", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"];

/** «7А, понедельник, 2-й урок: Алгебра (Соколова Е. В., каб. 12)»; a college's «2-е занятие» (DAY-6, round 24). */
export function describeEntry(e: SnapshotEntry, v: Vocabulary = vocabulary("SCHOOL")): string {
  const group = e.subgroupName ? ` (${e.subgroupName})` : "";
  const room = e.roomName ? `, ${roomLabel(e.roomName)}` : "";
  return `${e.className}${group}, ${WEEKDAYS[e.weekday] ?? e.weekday}, ${lessonNumber(v, e.bellNumber)}: ${e.subjectName} (${e.teacherName}${room})`;
}
