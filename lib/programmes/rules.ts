// PRG-1: pure rules of work programmes — the sections' text format, the КТП topics made from an
// approved programme, and the КТП's due date (a week after the programme's approval). No I/O.
//
// Decisions: a section's hours go into the КТП as one topic of the section's title (the teacher
// splits it into lessons), less one hour for each of its control works, each of which becomes its
// own one-hour topic with «Контрольная работа» as its kind of control — so the КТП carries the
// programme's sections and hours exactly, and its control works feed the assessment schedule.
// A КТП counts as delivered once it is submitted (or approved); until then, from the approval on,
// its teacher and the deputy see «сдать до …», after 7 days «просрочено».
import type { TopicRow } from "@/lib/plans/schema";
import { fmtHours } from "@/lib/plans/rules";

export const PROGRAMME_KINDS = ["SUBJECT", "OP", "MDK", "PM", "PRACTICE"] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];
export const KIND_LABELS: Record<ProgrammeKind, string> = {
  // Shown only in a college's «Вид» choice (a school's programme has no kind; the lists omit SUBJECT):
  // a college's plain discipline (DAY-6, issue 22 round 24 — it read «Предмет» there).
  SUBJECT: "Учебная дисциплина",
  OP: "ОП (общепрофессиональная дисциплина)",
  MDK: "МДК",
  PM: "ПМ (профессиональный модуль)",
  PRACTICE: "Практика",
};

export type Section = { title: string; hours: number; outcomes: string | null; controlWorks: string[] };

export const MAX_SECTIONS = 100;

/**
 * One section a line: «Название; часы; результаты; контрольные работы через запятую» (the last two
 * may be empty). Hours: positive, a multiple of 0.5, at most 999.5, not fewer than its control works.
 */
export function parseSections(text: string): { ok: true; sections: Section[] } | { ok: false; message: string } {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (!lines.length) return { ok: false, message: "Добавьте хотя бы один раздел" };
  if (lines.length > MAX_SECTIONS) return { ok: false, message: `Не больше ${MAX_SECTIONS} разделов` };
  const sections: Section[] = [];
  for (const [i, line] of lines.entries()) {
    const at = `Строка ${i + 1}: `;
    const [title = "", hoursText = "", outcomes = "", works = "", ...rest] = line.split(";").map((s) => s.trim());
    if (rest.length) return { ok: false, message: `${at}лишние поля — не больше четырёх, через «;»` };
    if (!title) return { ok: false, message: `${at}укажите название раздела` };
    if (title.length > 300) return { ok: false, message: `${at}название не длиннее 300 символов` };
    const hours = Number(hoursText.replace(",", "."));
    if (!hoursText || !Number.isFinite(hours) || hours <= 0 || hours > 999.5 || !Number.isInteger(hours * 2))
      return { ok: false, message: `${at}часы — положительное число, кратное 0,5` };
    if (outcomes.length > 2000) return { ok: false, message: `${at}результаты не длиннее 2000 символов` };
    const controlWorks = works
      .split(",")
      .map((w) => w.trim())
      .filter(Boolean);
    if (controlWorks.some((w) => w.length > 200))
      return { ok: false, message: `${at}название контрольной работы не длиннее 200 символов` };
    if (controlWorks.length > hours) return { ok: false, message: `${at}контрольных работ больше, чем часов раздела` };
    sections.push({ title, hours, outcomes: outcomes || null, controlWorks });
  }
  return { ok: true, sections };
}

/** The editor's text of stored sections (the inverse of parseSections). */
export function sectionsText(sections: readonly Section[]): string {
  return sections
    .map((s) =>
      [s.title, fmtHours(s.hours), s.outcomes ?? "", s.controlWorks.join(", ")].join("; ").replace(/(; )+$/, ""),
    )
    .join("\n");
}

export const CONTROL_WORK_KIND = "Контрольная работа";

/** PRG-1: the КТП topics made from an approved programme — its sections and hours carried. */
export function topicsFromSections(sections: readonly Section[]): TopicRow[] {
  return sections.flatMap((s) => {
    const rest = Math.round((s.hours - s.controlWorks.length) * 10) / 10;
    const body: TopicRow[] =
      rest > 0
        ? [{ title: s.title, hours: rest, kesCodes: null, lessonType: null, controlKind: null, homework: null }]
        : [];
    return [
      ...body,
      ...s.controlWorks.map((w) => ({
        title: `${w} (${s.title})`,
        hours: 1,
        kesCodes: null,
        lessonType: "Урок контроля",
        controlKind: CONTROL_WORK_KIND,
        homework: null,
      })),
    ];
  });
}

export const KTP_DUE_DAYS = 7;
const DAY = 86_400_000;

export type DueState = { due: Date; overdue: boolean; daysLeft: number };

/** The КТП made from a programme approved at `approvedAt` is due KTP_DUE_DAYS later. */
export function ktpDue(approvedAt: Date, now: Date): DueState {
  const due = new Date(approvedAt.getTime() + KTP_DUE_DAYS * DAY);
  const left = due.getTime() - now.getTime();
  return { due, overdue: left < 0, daysLeft: Math.max(0, Math.ceil(left / DAY)) };
}

export type DueLoad = { teacherId: number; teacherName: string; className: string; subjectName: string };
export type DueWarning = DueLoad & { programmeId: number; programmeTitle: string } & DueState;

/**
 * The loads of an approved programme (its subject and grade) whose КТП from it is not yet
 * submitted: a warning each, overdue a week after the approval.
 */
export function dueWarnings(
  programmes: readonly {
    id: number;
    title: string;
    approvedAt: Date;
    loads: readonly (DueLoad & { delivered: boolean })[];
  }[],
  now: Date,
): DueWarning[] {
  return programmes.flatMap((p) =>
    p.loads
      .filter((l) => !l.delivered)
      .map(({ delivered: _d, ...l }) => ({
        ...l,
        programmeId: p.id,
        programmeTitle: p.title,
        ...ktpDue(p.approvedAt, now),
      })),
  );
}

export function dueText(w: DueWarning, ddmmyyyy: (d: Date) => string): string {
  return w.overdue
    ? `КТП по программе «${w.programmeTitle}» (${w.className}) просрочен: срок был ${ddmmyyyy(w.due)}`
    : `КТП по программе «${w.programmeTitle}» (${w.className}) сдать до ${ddmmyyyy(w.due)}`;
}

/** PRG-1: the hours of a КТП against its programme's (fulfilment compares with the programme). */
export function programmeHoursMessage(ktpHours: number, programmeHours: number): string {
  const d = Math.round((ktpHours - programmeHours) * 10) / 10;
  return d === 0
    ? `Часы совпадают с рабочей программой (${fmtHours(programmeHours)} ч)`
    : `Расхождение с рабочей программой: в КТП ${fmtHours(ktpHours)} ч, в программе ${fmtHours(programmeHours)} ч`;
}
