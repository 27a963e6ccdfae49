// Session-bound reads of homework hand-ins (LRN-1) for pages and the lesson panel's JSON, shaped
// for display (names, ДД.ММ.ГГГГ, the state of each hand-in at «now»). The callers have authorised
// the lesson (journal view / homework.review) or the student (diary.view) first.
import type { CurrentUser } from "@/lib/auth/session";
import { markLabel } from "@/lib/diary/rules";
import { cellState } from "@/lib/journal/rules";
import { addDays, formatDate, formatDateTime, todayIn } from "@/lib/org/time";
import { fullName } from "@/lib/people/names";
import {
  handinHomework,
  homeworkForHandin,
  lessonRoster,
  markInCell,
  markTargets,
  studentPlace,
  submissionOf,
  type HandinHomework,
  type RosterRow,
  type SubmissionRow,
} from "./data";
import {
  dueDateOf,
  dueLabel,
  dueTimeOf,
  HANDIN_STATE_LABELS,
  handinCounts,
  handinState,
  submittedLabel,
  type HandinState,
} from "./rules";

export type HandinFileView = { id: number; name: string; size: number; url: string; image: boolean };

export type SubmissionView = {
  submissionId: number;
  version: number;
  attempts: number;
  submittedLabel: string;
  text: string | null;
  files: HandinFileView[];
  reviewComment: string | null;
  reviewedLabel: string | null;
};

export type RosterView = {
  studentId: number;
  name: string;
  state: HandinState;
  stateLabel: string;
  submission: SubmissionView | null;
  mark: string | null;
};

const fileView = (f: { id: number; fileName: string; size: number; mimeType: string }): HandinFileView => ({
  id: f.id,
  name: f.fileName,
  size: f.size,
  url: `/api/handins/files/${f.id}`,
  image: f.mimeType.startsWith("image/"),
});

export function submissionView(s: SubmissionRow, timeZone: string): SubmissionView {
  return {
    submissionId: s.id,
    version: s.version,
    attempts: s.attempts,
    submittedLabel: submittedLabel(s.submittedAt, s.isLate, timeZone),
    text: s.text,
    files: s.files.map(fileView),
    reviewComment: s.reviewComment,
    reviewedLabel: s.reviewedAt
      ? `${s.status === "RETURNED" ? "возвращено" : "проверено"} ${formatDateTime(s.reviewedAt, timeZone)}${
          s.reviewer ? `, ${fullName(s.reviewer)}` : ""
        }`
      : null,
  };
}

export function rosterView(rows: readonly RosterRow[], dueAt: Date | null, now: Date, timeZone: string): RosterView[] {
  return rows.map((r) => {
    const state = handinState(r.submission, dueAt, now);
    return {
      studentId: r.studentId,
      name: fullName(r),
      state,
      stateLabel: HANDIN_STATE_LABELS[state],
      submission: r.submission ? submissionView(r.submission, timeZone) : null,
      mark: r.mark ? markLabel(r.mark.kind, r.mark.value) : null,
    };
  });
}

export type HandinSettingsView = {
  homeworkId: number;
  handin: boolean;
  dueDate: string;
  dueTime: string;
  markTarget: string;
  options: { value: string; label: string }[];
};

/** What the lesson panel's settings form shows for a homework. */
export async function loadSettingsView(user: CurrentUser, h: HandinHomework): Promise<HandinSettingsView> {
  const { assignments, types } = await markTargets(user.organisationId, h.lesson.id);
  const linked = assignments.some((a) => a.id === h.handinAssignmentId) ? h.handinAssignmentId : null;
  const zone = h.lesson.organisation.timeZone;
  const due = h.handinDueAt ?? null;
  return {
    homeworkId: h.id,
    handin: h.handin,
    dueDate: (due ? dueDateOf(due, zone) : (h.dueDate ?? addDays(h.lesson.date, 1))).toISOString().slice(0, 10),
    dueTime: due ? dueTimeOf(due, zone) : "",
    markTarget: linked !== null ? `a:${linked}` : "",
    options: [
      { value: "", label: "без отметки в журнал" },
      ...assignments.map((a) => ({
        value: `a:${a.id}`,
        label: `задание урока: ${a.type.name}${a.description ? ` — ${a.description}` : ""}`,
      })),
      ...types.map((t) => ({ value: `t:${t.id}`, label: `новое задание: ${t.name}` })),
    ],
  };
}

export type ReviewView = {
  homeworkId: number;
  lessonId: number;
  date: string;
  className: string;
  subjectName: string;
  text: string;
  handin: boolean;
  dueLabel: string | null;
  hasMarkTarget: boolean;
  roster: RosterView[];
  counts: Record<HandinState, number>;
};

/** The per-student list of one homework's hand-ins (lesson panel, «Сдача работ» page). */
export async function loadReviewView(user: CurrentUser, h: HandinHomework, now = new Date()): Promise<ReviewView> {
  const { assignments } = await markTargets(user.organisationId, h.lesson.id);
  const assignmentId = assignments.some((a) => a.id === h.handinAssignmentId) ? h.handinAssignmentId : null;
  const rows = await lessonRoster(user.organisationId, h.lesson, h.id, assignmentId);
  const roster = rosterView(rows, h.handinDueAt, now, user.timeZone);
  return {
    homeworkId: h.id,
    lessonId: h.lesson.id,
    date: formatDate(h.lesson.date),
    className: h.lesson.class.name,
    subjectName: h.lesson.subject.name,
    text: h.text,
    handin: h.handin,
    dueLabel: h.handinDueAt ? dueLabel(h.handinDueAt, user.timeZone) : null,
    hasMarkTarget: assignmentId !== null,
    roster,
    counts: handinCounts(roster.map((r) => r.state)),
  };
}

export type TeacherHandinView = {
  homeworkId: number;
  date: string;
  className: string;
  subjectName: string;
  text: string;
  dueLabel: string | null;
  handedIn: number;
  late: number;
  toReview: number;
  missing: number;
  students: number;
};

/** «Сдача работ»: the homework asking for a hand-in of the teacher's lessons of the last 60 days. */
export async function loadTeacherHandins(user: CurrentUser, allTeachers: boolean, now = new Date()) {
  const since = addDays(todayIn(user.timeZone, now), -60);
  const rows = await handinHomework(user.organisationId, { teacherId: allTeachers ? null : user.id, since });
  return rows.map((r): TeacherHandinView => {
    const handedIn = r.statuses.length;
    const overdue = r.dueAt !== null && now.getTime() > r.dueAt.getTime();
    return {
      homeworkId: r.homeworkId,
      date: formatDate(r.date),
      className: r.className,
      subjectName: r.subjectName,
      text: r.text,
      dueLabel: r.dueAt ? dueLabel(r.dueAt, user.timeZone) : null,
      handedIn,
      late: r.statuses.filter((s) => s.isLate).length,
      toReview: r.statuses.filter((s) => s.status === "SUBMITTED").length,
      missing: overdue ? Math.max(0, r.students - handedIn) : 0,
      students: r.students,
    };
  });
}

export type StudentHandinView = {
  homeworkId: number;
  subjectName: string;
  lessonDate: string;
  text: string;
  files: { id: number; name: string; url: string }[];
  handin: boolean;
  dueLabel: string | null;
  state: HandinState;
  stateLabel: string;
  submission: SubmissionView | null;
  /** The review mark in the journal (it may have been changed there since). */
  mark: string | null;
  reviewed: boolean;
};

/**
 * A homework as its student (or their parent) sees it with the hand-in; null when the homework is
 * not one of the student's lessons (another class, another subgroup, before or after their stay).
 * The page has authorised diary.view on the student.
 */
export async function loadStudentHandin(
  user: CurrentUser,
  studentId: number,
  homeworkId: number,
  now = new Date(),
): Promise<StudentHandinView | null> {
  const h = await homeworkForHandin(user.organisationId, homeworkId);
  if (!h) return null;
  const place = await studentPlace(user.organisationId, studentId, h.lesson.classId, h.lesson.subgroupId);
  if (cellState(place.spans, h.lesson.date, h.lesson.subgroupId, place.subgroups) === "outside") return null;
  const [submission, mark] = await Promise.all([
    submissionOf(user.organisationId, h.id, studentId),
    h.handinAssignmentId !== null ? markInCell(user.organisationId, h.handinAssignmentId, studentId) : null,
  ]);
  const state = handinState(submission, h.handinDueAt, now);
  return {
    homeworkId: h.id,
    subjectName: h.lesson.subject.name,
    lessonDate: formatDate(h.lesson.date),
    text: h.text,
    files: h.files.map((f) => ({ id: f.id, name: f.fileName, url: `/api/v1/students/${studentId}/files/${f.id}` })),
    handin: h.handin,
    dueLabel: h.handinDueAt ? dueLabel(h.handinDueAt, user.timeZone) : null,
    state,
    stateLabel: HANDIN_STATE_LABELS[state],
    submission: submission ? submissionView(submission, user.timeZone) : null,
    mark: mark ? markLabel(mark.kind, mark.value) : null,
    reviewed: submission?.status === "REVIEWED",
  };
}
