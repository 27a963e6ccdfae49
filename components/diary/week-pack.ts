// The diary week as compact data for its one client component (issue 22 item 5): every text is
// formatted here, on the server (dates, times in the organisation's zone, numbers, labels, hand-in
// states at the request's moment), so the client only lays the week out — the same markup a server
// tree gave — and the RSC payload carries each lesson's data once instead of a tree of elements and
// their class names (≈ 900 bytes of flight per lesson before). Tuples, not objects: the keys of
// every lesson's object would travel too. Pure.
import type { DiaryDue, DiaryEvent, DiaryLesson } from "@/lib/diary/data";
import { ATTENDANCE_LABELS, ATTENDANCE_TITLES, isNewSince, markLabel } from "@/lib/diary/rules";
import {
  HANDIN_STATE_LABELS,
  handinState,
  type HandinState,
  type SubmissionStatusName,
} from "@/lib/learning/handin/rules";
import { weekDaysShown, type StudyDays } from "@/lib/schedule/week";
import { dateTimeFormat, formatDate, formatDateTime, isoDate, weekdayName } from "@/lib/org/time";
import { roomLabel } from "@/lib/schedule/room-label";
import { cap, formatNumber, type OrgKindName, type Vocabulary, vocabulary } from "@/lib/org/vocabulary";
import { homeworkById } from "./week-homework";

/** A mark: [label, title, the note after the label («ответ ×1,5»), new since the last visit (DRY-7)]. */
export type PackedMark = [label: string, title: string, note: string, fresh: 0 | 1];
/**
 * Homework due (DAY-4): [id, text, its files' names, the subject — only for homework due on the day at no
 * lesson of it]. The words before the text are constant in their place (week-board.tsx: «Задано к уроку: »
 * at a lesson, «<subject>: » under the day), so they are not sent 20 times a week (issue 22 item 5, round
 * 22). Trailing empty items are left off (`trimTail`). At a lesson, homework set earlier in the same week
 * is `[id]` alone: its text and files travel once, with the lesson that set it (half the bench week's
 * due items).
 */
export type PackedDue = [id: number, text?: string, files?: string | null, subject?: string];
/** LRN-1: [state, its label, the link's text, the teacher's comment]. */
export type PackedHandin = [state: HandinState, label: string, link: string, comment: string | null];
/**
 * Homework set on the lesson: [id, text, its due date «ДД.ММ.ГГГГ» (the client writes «Д/з к <date>: »,
 * «Д/з: » without one), files, new (DRY-7), hand-in]; trailing empty items left off.
 */
export type PackedHomework = [
  id: number,
  text: string,
  dueDate?: string | null,
  files?: string | null,
  fresh?: 0 | 1,
  handin?: PackedHandin | null,
];
/** LRN-2: [id, title, href, an outside link (opens in a new tab)]. */
export type PackedMaterial = [id: number, title: string, href: string, external: 0 | 1];
/**
 * A lesson: what every lesson has first, then what most have, the rare last (a cancellation, a
 * substitute, attendance, a mark's history, materials), so that trailing empty items can be left off
 * (`trimTail`): a bench week's lesson sent `0,null,null,[],[]` and `[]` for nothing (round 22).
 */
export type PackedLesson = [
  id: number,
  bell: number,
  start: string,
  subject: string,
  room: string | null,
  topic?: string | null,
  homework?: PackedHomework[],
  /** DAY-4: homework due on the day, at the day's first lesson of its subject. */
  due?: PackedDue[],
  marks?: PackedMark[],
  /** [label, title] */
  attendance?: [string, string] | null,
  cancelled?: 0 | 1,
  substitute?: string | null,
  /** DAY-10: one line per step of a changed mark's history. */
  history?: string[],
  materials?: PackedMaterial[],
];
/** A day: [ISO date, «понедельник, 16.11.2026», the selected day, events' lines, lessons, due homework of no lesson that day]. */
export type PackedDay = [
  key: string,
  heading: string,
  selected: 0 | 1,
  events: string[],
  lessons: PackedLesson[],
  dueElse: PackedDue[],
];
/** The week: its days; `whole` 0 — a phone shows only the selected day; `student` — hand-in links. */
/**
 * DAY-6 (round 23): the board's constant words — [before due homework at a lesson, before a hand-in's
 * comment, a day without lessons, a cancelled lesson's mark]. Sent for a college only; a school's are the
 * board's own (week-board.tsx SCHOOL_WEEK_WORDS), so a school's week (the bench's) is byte for byte as before.
 */
export type PackedWords = [dueAt: string, comment: string, none: string, cancelled: string];
export type PackedWeek = { whole: 0 | 1; student: number | null; days: PackedDay[]; words?: PackedWords };

/** The week's constant words in the organisation's words (DAY-6). */
export function weekWords(v: Vocabulary): PackedWords {
  return [
    `Задано к ${v.lesson.dat}: `,
    `Комментарий ${v.teacher.gen}: `,
    `${cap(v.lesson.genPl)} нет`,
    v.lessonCancelled,
  ];
}

export type WeekInput = {
  monday: Date;
  lessons: readonly DiaryLesson[];
  events: readonly DiaryEvent[];
  due: readonly DiaryDue[];
  timeZone: string;
  since: Date | null;
  studentId?: number;
  studyDays: StudyDays;
  selected: Date | null;
  wholeWeek: boolean;
  /** The request's moment: a hand-in's state (missing after its deadline). */
  now: Date;
  /** DAY-6: a college's week carries its words (`words`); a school's (the default) does not. */
  kind?: OrgKindName;
};

/** The items by a key, each group in the items' order. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = out.get(key);
    if (group) group.push(item);
    else out.set(key, [item]);
  }
  return out;
}

const bit = (b: boolean): 0 | 1 => (b ? 1 : 0);
const filesOf = (files: readonly { fileName: string }[]): string | null =>
  files.length > 0 ? files.map((f) => f.fileName).join(", ") : null;

/**
 * The tuple without its trailing empty items (null, 0, an empty list): the client reads a missing item
 * as empty. Issue 22 item 5, round 22: the week's flight row is the page's largest, and its HTML copy
 * escapes every quote once more.
 */
export function trimTail<T extends unknown[]>(tuple: T, keep: number): T {
  let n = tuple.length;
  while (n > keep) {
    const last = tuple[n - 1];
    if (!(last === null || last === 0 || (Array.isArray(last) && last.length === 0))) break;
    n--;
  }
  return (n === tuple.length ? tuple : tuple.slice(0, n)) as T;
}

function packMark(m: DiaryLesson["marks"][number], since: Date | null): PackedMark {
  const title = `${m.typeName}, вес ${formatNumber(m.weight)}${m.isHospital ? ", получена в больнице" : ""}${m.comment ? ` — ${m.comment}` : ""}`;
  const note = `${m.typeName.split(" ")[0].toLowerCase()} ×${formatNumber(m.weight)}`;
  return [markLabel(m.kind, m.value), title, note, bit(isNewSince(m.at, since))];
}

function packHandin(h: NonNullable<DiaryLesson["homework"][number]["handin"]>, now: Date): PackedHandin {
  const state = handinState(
    h.status ? { status: h.status as SubmissionStatusName, isLate: h.isLate } : null,
    h.dueAt,
    now,
  );
  return [state, HANDIN_STATE_LABELS[state], h.status === null ? "Сдать работу" : "Моя работа", h.comment];
}

/** The packed lesson with its due items (slot 7), its trailing empty items left off again. */
function withDue(lesson: PackedLesson, due: PackedDue[]): PackedLesson {
  // The items trimTail left off before slot 7: the topic (null) and the homework (an empty list).
  const full: unknown[] = [...lesson];
  if (full.length < 6) full[5] = null;
  if (full.length < 7) full[6] = [];
  full[7] = due;
  return trimTail(full as PackedLesson, 5);
}

function packLesson(l: DiaryLesson, input: WeekInput): PackedLesson {
  const { since, timeZone, studentId, now } = input;
  return trimTail<PackedLesson>(
    [
      l.id,
      l.bellNumber,
      l.startTime ?? "",
      l.subjectName,
      l.roomName ? roomLabel(l.roomName) : null,
      l.topic,
      l.homework.map((h) =>
        trimTail<PackedHomework>(
          [
            h.id,
            h.text,
            h.dueDate ? formatDate(h.dueDate) : null,
            filesOf(h.files),
            bit(isNewSince(h.createdAt, since)),
            h.handin && studentId !== undefined ? packHandin(h.handin, now) : null,
          ],
          2,
        ),
      ),
      [], // the due items: packWeek's second pass (withDue)
      l.marks.map((m) => packMark(m, since)),
      l.attendance ? [ATTENDANCE_LABELS[l.attendance.code], ATTENDANCE_TITLES[l.attendance.code]] : null,
      bit(l.cancelled),
      l.substituteName,
      l.markChanges.map(
        (c) =>
          `${formatDateTime(c.at, timeZone)} · ${c.role}: ${c.was ? `«${c.was}»` : "нет отметки"} → ${c.is ? `«${c.is}»` : "отметка удалена"}${c.reason ? ` — ${c.reason}` : ""}`,
      ),
      l.materials.map((m) =>
        m.kind === "LINK" && m.url ? [m.id, m.title, m.url, 1] : [m.id, m.title, `/api/materials/${m.id}`, 0],
      ),
    ],
    5,
  );
}

/**
 * DAY-4: a due item at a lesson («Задано к уроку: »; `[id]` when `set` — the week's homework by id —
 * holds the same text and files) or under its day (`subject`: «<subject>: »).
 */
function packDue(h: DiaryDue, subject: boolean, set: ReadonlyMap<number, PackedHomework>): PackedDue {
  const files = filesOf(h.files);
  if (subject) return trimTail<PackedDue>([h.id, h.text, files, h.subjectName], 2);
  const same = set.get(h.id);
  if (same && same[1] === h.text && (same[3] ?? null) === files) return [h.id];
  return trimTail<PackedDue>([h.id, h.text, files], 2);
}

/** DAY-4: the week's days as shown — the study week, a weekend day only when something happens on it. */
export function packWeek(input: WeekInput): PackedWeek {
  const { monday, lessons, events, due, timeZone, studyDays, selected, wholeWeek, studentId } = input;
  // The process's formatters (lib/org/time dateTimeFormat): building one per render cost ~0.1 ms each.
  const timeOf = dateTimeFormat("ru-RU", { timeZone, hour: "2-digit", minute: "2-digit" });
  const dayOf = dateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  // The week's lessons, events and due homework by day, each list in its given order (one pass each).
  const lessonsOn = groupBy(lessons, (l) => isoDate(l.date));
  const eventsOn = groupBy(events, (e) => dayOf.format(e.startsAt));
  const dueOn = groupBy(due, (h) => isoDate(h.dueDate));
  const selectedKey = selected ? isoDate(selected) : null;
  const busy = (d: Date) => {
    const key = isoDate(d);
    return key === selectedKey || lessonsOn.has(key) || eventsOn.has(key);
  };
  // Two passes: the lessons first (their homework by id), then each lesson's due items by reference.
  const days = weekDaysShown(monday, studyDays, busy).map((day): PackedDay => {
    const key = isoDate(day);
    return [
      key,
      `${weekdayName(day)}, ${formatDate(day)}`,
      bit(key === selectedKey),
      (eventsOn.get(key) ?? []).map(
        (e) => `${timeOf.format(e.startsAt)} · ${e.title}${e.place ? ` · ${e.place}` : ""}`,
      ),
      (lessonsOn.get(key) ?? []).map((l) => packLesson(l, input)),
      [],
    ];
  });
  const set = homeworkById(days);
  for (const packed of days) {
    const [key, , , , dayLessons] = packed;
    // Due homework sits at the day's first lesson of its subject; the rest is listed under the day.
    const dayDue = dueOn.get(key) ?? [];
    if (dayDue.length === 0) continue;
    const firstOf = new Map<string, number>();
    for (const l of lessonsOn.get(key) ?? [])
      if (!l.cancelled && !firstOf.has(l.subjectName)) firstOf.set(l.subjectName, l.id);
    dayLessons.forEach((lesson, i) => {
      const at = dayDue.filter((h) => firstOf.get(h.subjectName) === lesson[0]).map((h) => packDue(h, false, set));
      if (at.length > 0) dayLessons[i] = withDue(lesson, at);
    });
    packed[5] = dayDue.filter((h) => !firstOf.has(h.subjectName)).map((h) => packDue(h, true, set));
  }
  const week: PackedWeek = { whole: bit(wholeWeek), student: studentId ?? null, days };
  if (input.kind === "COLLEGE") week.words = weekWords(vocabulary(input.kind));
  return week;
}
