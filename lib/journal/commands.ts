// One cell save of the grid (JRN-3…JRN-6, REC-1, REC-2, NFR-3): parse → authorise on the lesson →
// check the student's cell, the one lock decision (lib/journal/lock.ts) and the scale → write with
// the loaded version; a written mark queues the family's push (API-4) in the same statement — the
// worker delivers it, the request never waits for it (issue 22 item 6). Used by the JSON route
// handler app/api/journal/cell; `now` is injectable (default: the server's clock, lib/org/clock.ts)
// so tests move the clock.
import { firstIssue } from "@/lib/schema";
import { processCache } from "@/lib/auth/version";
import { emitWebhookEvent } from "@/lib/webhooks/mutations";
import type { Actor } from "@/lib/access/authorize";
import { fail, type ErrorCode } from "@/lib/errors";
import { serverNow } from "@/lib/org/clock";
import { todayIn } from "@/lib/org/time";
import { authorizeAnyOnLesson } from "@/lib/access/authorize";
import { EDIT_PERMISSIONS } from "./access";
import { cellContext, cellContextGuardSql, lastChange, lessonForCell, type CellContext } from "./data";
import {
  attendanceEntityKey,
  markAttendanceTaken,
  markEntityKey,
  writeAttendance,
  writeMark,
  type GuardMiss,
  type WriteGuard,
} from "./mutations";
import { journalLock, lockFactsOf, UNLOCKED_REASON, type Lock } from "./lock";
import {
  ATTENDANCE_LABELS,
  cellState,
  markLabel,
  marksAllowed,
  parseAttendanceInput,
  parseMarkInput,
  teacherMayChangeAttendance,
  TEACHER_CODES,
} from "./rules";
import { cellSaveSchema, type CellSave } from "./schema";
import { diaryMarkText } from "./marks";
import type { CellCurrent, CellOutcome, CellResponse } from "./cells";

const out = (status: number, body: CellResponse): CellOutcome => ({ status, body });
const failure = (
  status: number,
  code: ErrorCode,
  message?: string,
  extra: Partial<Extract<CellResponse, { ok: false }>> = {},
): CellOutcome => out(status, { ...fail(code, message), ...extra });

async function conflict(
  organisationId: number,
  entityKey: string,
  text: string,
  version: number,
  state: Pick<CellCurrent, "mark" | "attendance">,
): Promise<CellOutcome> {
  const last = await lastChange(organisationId, entityKey);
  const who = last ? `${last.user}` : null;
  const message = `Ячейку уже изменил${who ? ` ${who}` : "и"}: сейчас в ней «${text || "пусто"}». Ваше значение не сохранено`;
  return failure(409, "CONFLICT", message, {
    current: { text, version, by: who, at: last?.at.toISOString() ?? null, ...state },
  });
}

/** JRN-6 / REC-1: a locked cell is refused with 403 LOCKED and the lock's Russian reason; nothing is written. */
const locked = (lock: Extract<Lock, { open: false }>) => failure(403, "LOCKED", lock.reason);

export async function saveCell(actor: Actor, raw: unknown, now: Date = serverNow()): Promise<CellOutcome> {
  return (await save(actor, raw, now, undefined))!;
}

/**
 * The save of an actor whose session and facts the process kept under `accessVersion`, not yet
 * compared with the organisation's current one (requireUserForRoute's optimistic path, issue 22
 * item 6). With the cell's context kept as well (below) the save decides on it and sends ONE
 * statement, the write guarded by the context's fingerprint and that version; otherwise it reads
 * CELL_CONTEXT and goes on only when that returns the version. Null when the version is not the
 * current one, or when nothing could be compared (bad input, no such lesson, «все присутствуют»):
 * nothing was decided or written, and the caller takes the checked path (the version read, the
 * session reloaded) and saves again.
 */
export async function saveCellIfCurrent(
  actor: Actor,
  raw: unknown,
  accessVersion: bigint,
  now: Date = serverNow(),
): Promise<CellOutcome | null> {
  return save(actor, raw, now, accessVersion);
}

// ── The cell's context kept in the process (issue 22 item 6) ─────────────────────────────────────
// What CELL_CONTEXT returned for a lesson × student, converted, with its fingerprint: a kept
// session's next save of the same cell (a correction, the bench's mark_save) decides on it with the
// same gate and rules and sends only the write, which runs only while SQL computes the same
// fingerprint from the same rows and the AccessVersion is the session's (cellContextGuardSql). Any
// refusal decided on kept facts, and any guard miss, is decided again on a fresh read — a kept
// context never refuses nor writes on its own. Bounded (CELL_CONTEXTS_KEPT entries, LRU) and short-lived
// (the access caches' TTL, ACCESS_CACHE_TTL_SECONDS; 0 turns it off with them).
const CELL_CONTEXTS_KEPT = 2_000;
const keptContexts = () => processCache<CellContext>("cell-context", CELL_CONTEXTS_KEPT);
const contextKey = (organisationId: number, lessonId: number, studentId: number) =>
  `${organisationId}:${lessonId}:${studentId}`;

/** A decision on kept facts that has to be taken again on fresh ones; `version`: the AccessVersion moved. */
type Stale = { stale: true; version: boolean };
const STALE_FACTS: Stale = { stale: true, version: false };
const isStale = (r: CellOutcome | Stale): r is Stale => "stale" in r;
const staleOf = (miss: GuardMiss): Stale => ({ stale: true, version: miss.version });

type CellBody = Exclude<CellSave, { kind: "allPresent" }>;

async function save(
  actor: Actor,
  raw: unknown,
  now: Date,
  unconfirmed: bigint | undefined,
): Promise<CellOutcome | null> {
  const parsed = cellSaveSchema.safeParse(raw);
  if (!parsed.success)
    return unconfirmed === undefined ? failure(400, "INVALID_INPUT", firstIssue(parsed.error)) : null;
  const body = parsed.data;
  const organisationId = actor.organisationId;
  if (body.kind === "allPresent") return unconfirmed === undefined ? allPresent(actor, body.lessonId, now) : null;
  const key = contextKey(organisationId, body.lessonId, body.studentId);
  const kept = keptContexts();

  // A kept session and a kept context: decide on it, write under its guard (the fast entry into a
  // lesson without an assignment is an interactive transaction with no guard: never on kept facts).
  const context = unconfirmed !== undefined ? kept?.kept(key)?.value : undefined;
  if (context && unconfirmed !== undefined && !(body.kind === "mark" && body.assignmentId === null)) {
    const decided = await decide(actor, body, context, now, { fp: context.fp, version: unconfirmed });
    if (!isStale(decided)) return decided;
    kept?.delete(key);
    // The AccessVersion moved: the session and the actor's facts go first (the caller's checked path).
    if (decided.version) return null;
  }

  // The lesson is read inside the organisation first (another organisation's id is "not found"
  // to the gate as well), then the gate decides on it: the same rule as authorize() on a lesson.
  // A cell's save reads the lesson and the student's facts in one statement (cellContext).
  // Nothing of them is used before the gate has decided.
  const fresh = await cellContext(organisationId, body.lessonId, body.studentId, now);
  if (fresh) kept?.set(key, fresh.accessVersion, fresh);
  // A kept session goes on only under the version it was kept under (the revocation check).
  if (unconfirmed !== undefined && fresh?.accessVersion !== unconfirmed) return null;
  if (!fresh) return failure(403, "FORBIDDEN");
  const decided = await decide(actor, body, fresh, now, undefined);
  // Unguarded, a write never misses.
  return isStale(decided) ? failure(503, "UNAVAILABLE") : decided;
}

/** «все присутствуют» writes no student's cell: the lesson's own lock (year, period, window). */
async function allPresent(actor: Actor, lessonId: number, now: Date): Promise<CellOutcome> {
  const lesson = await lessonForCell(actor.organisationId, lessonId, now);
  if (!lesson) return failure(403, "FORBIDDEN");
  const permission = await authorizeAnyOnLesson(actor, EDIT_PERMISSIONS, lesson);
  if (!permission) return failure(403, "FORBIDDEN");
  if (lesson.status === "CANCELLED") return failure(423, "LOCKED", "Урок отменён");
  const today = todayIn(lesson.organisation.timeZone, now);
  const lock = journalLock("attendance", lockFactsOf(lesson.lock, lesson.date, { today, now }));
  if (!lock.open) return locked(lock);
  await markAttendanceTaken(actor.organisationId, actor.id, lesson.id, now);
  return out(200, { ok: true, version: 0 });
}

/**
 * The gate, the student's cell, the lock, the scale, then the write — on `context`. With `kept` (a
 * context kept in the process) every refusal decided here is Stale (taken again on fresh facts by the
 * caller) and the write carries the guard; a guard miss is Stale as well, nothing written.
 */
async function decide(
  actor: Actor,
  body: CellBody,
  context: CellContext,
  now: Date,
  kept: { fp: string; version: bigint } | undefined,
): Promise<CellOutcome | Stale> {
  const organisationId = actor.organisationId;
  const refuse = (outcome: CellOutcome): CellOutcome | Stale => (kept ? STALE_FACTS : outcome);
  const guard: WriteGuard | undefined =
    kept && cellContextGuardSql(organisationId, body.lessonId, body.studentId, now, kept);
  const { lesson, student } = context;
  const permission = await authorizeAnyOnLesson(actor, EDIT_PERMISSIONS, lesson);
  if (!permission) return refuse(failure(403, "FORBIDDEN"));
  if (lesson.status === "CANCELLED") return refuse(failure(423, "LOCKED", "Урок отменён"));
  const today = todayIn(lesson.organisation.timeZone, now);

  const state = cellState(student.spans, lesson.date, lesson.subgroupId, student.subgroups);
  if (state === "outside")
    return refuse(failure(400, "INVALID_INPUT", "Ученик не числится в классе (подгруппе) на дату урока"));
  if (state === "form")
    return refuse(
      failure(400, "INVALID_INPUT", "Для обучающихся на дому и в семейной форме отметки и посещаемость не ведутся"),
    );
  // JRN-6, REC-1, REC-2: the one lock decision; the student's final locks marks AND attendance.
  const lock = journalLock(body.kind, {
    ...lockFactsOf(lesson.lock, lesson.date, { today, now }),
    finalSet: student.finalSet,
  });
  if (!lock.open) return refuse(locked(lock));
  const reason = body.reason ?? (lock.byUnlock ? UNLOCKED_REASON : null);

  if (body.kind === "mark") {
    if (!marksAllowed(lesson.organisation.kind, lesson.class.grade)) {
      return refuse(
        failure(
          400,
          "INVALID_INPUT",
          "В первом классе отметки не выставляются (только темы, посещаемость и формы работы)",
        ),
      );
    }
    const mark = parseMarkInput(body.input, { ...lesson.settings, passFail: lesson.subject.passFail });
    if (!mark.ok) return refuse(failure(400, "INVALID_INPUT", mark.message));
    if (body.assignmentId === null && mark.value === null) return out(200, { ok: true, version: 0, mark: null });
    const result = await writeMark({
      organisationId,
      userId: actor.id,
      lessonId: lesson.id,
      studentId: body.studentId,
      assignmentId: body.assignmentId,
      typeId: body.typeId ?? null,
      mark: mark.value,
      comment: body.comment === undefined ? undefined : body.comment || null,
      expectedVersion: body.version,
      reason,
      now,
      push:
        mark.value === null
          ? null
          : {
              event: "mark",
              lessonId: lesson.id,
              studentId: body.studentId,
              label: diaryMarkText(mark.value.kind, mark.value.value),
            },
      ...(guard ? { guard } : {}),
    });
    if (result.ok) {
      if (!result.unchanged)
        await emitWebhookEvent(
          organisationId,
          result.state === null ? "mark.deleted" : body.version === 0 ? "mark.created" : "mark.changed",
          {
            lessonId: lesson.id,
            assignmentId: result.assignmentId ?? body.assignmentId,
            studentId: body.studentId,
            mark: result.state && {
              kind: result.state.kind,
              value: result.state.value,
              isHospital: result.state.isHospital,
            },
            version: result.version,
          },
          now,
        );
      return out(200, { ok: true, version: result.version, mark: result.state, assignmentId: result.assignmentId });
    }
    if (result.reason === "stale") return staleOf(result);
    if (result.reason === "conflict") {
      return conflict(
        organisationId,
        markEntityKey(body.assignmentId!, body.studentId),
        result.state ? markLabel(result.state) : "",
        result.version,
        {
          mark: result.state,
        },
      );
    }
    if (result.reason === "placeholder")
      return failure(409, "CONFLICT", "К уроку уже добавлено задание — обновите страницу", { reload: true });
    return failure(400, "INVALID_INPUT", "Задание не относится к этому уроку");
  }

  const input = parseAttendanceInput(body.input, {
    college: lesson.organisation.kind === "COLLEGE",
    lessonHours: lesson.hours,
  });
  if (!input.ok) return refuse(failure(400, "INVALID_INPUT", input.message));
  const next = input.value;
  const result = await writeAttendance({
    organisationId,
    userId: actor.id,
    lessonId: lesson.id,
    studentId: body.studentId,
    next,
    expectedVersion: body.version,
    asReason: false,
    // A reason set by the class teacher stays when the teacher types «н» again (JRN-4).
    allow: (current) =>
      teacherMayChangeAttendance(current, next?.code ?? null)
        ? "write"
        : next?.code === "N" && current !== null && !TEACHER_CODES.includes(current)
          ? "keep"
          : "deny",
    reason,
    now,
    ...(guard ? { guard } : {}),
  });
  if (result.ok) {
    if (!result.unchanged)
      await emitWebhookEvent(
        organisationId,
        "attendance.changed",
        { lessonId: lesson.id, studentId: body.studentId, code: result.state?.code ?? null, version: result.version },
        now,
      );
    return out(200, { ok: true, version: result.version, attendance: result.state });
  }
  if (result.reason === "stale") return staleOf(result);
  if (result.reason === "conflict") {
    return conflict(
      organisationId,
      attendanceEntityKey(body.lessonId, body.studentId),
      result.state ? ATTENDANCE_LABELS[result.state.code] : "",
      result.version,
      {
        attendance: result.state,
      },
    );
  }
  return failure(403, "FORBIDDEN", "Причину пропуска указывает классный руководитель");
}
