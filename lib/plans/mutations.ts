// Writes of lesson plans (PLAN-1…PLAN-4). Every multi-row write runs in one transaction with its
// audit row; status checks happen inside the transaction (a conditional update), so two people
// acting on one plan at once cannot both win.
import { db, rawStatement } from "@/lib/db";
import type { StoredScopeCheck } from "@/lib/access/stored";
import { auditChange } from "@/lib/audit/mutations";
import { Prisma } from "@/prisma/generated/prisma/client";
import { PlanStatus as PlanStatusEnum } from "@/prisma/generated/prisma/enums";
import { col } from "@/lib/sql";
import { canTransition, nextStatus, type PlanAction, type PlanStatus } from "./rules";
import type { TopicRow } from "./schema";
import {
  lessonChanges,
  nextLessonDate,
  placeTopics,
  titleOf,
  type BindLesson,
  type BindReport,
  type BindTopic,
  type Placement,
} from "./binding";
export type { BindReport } from "./binding";
import { PLAN_BINDING_SELECT, planClassIds, planLessonsWhere, topicRowOf } from "./data";
import { journalLockContext } from "@/lib/journal/data";
import { journalLock, lockFactsOf, type LockContext } from "@/lib/journal/lock";
import { serverNow } from "@/lib/org/clock";
import { todayIn } from "@/lib/org/time";
import { YEAR_CLOSED_REASON } from "@/lib/journal/lock";

type Tx = Prisma.TransactionClient;
export type Outcome<T> =
  { ok: true; data: T } | { ok: false; code: "NOT_FOUND" | "CONFLICT" | "INVALID_INPUT" | "LOCKED"; message: string };

/** REC-2: plans of a closed year are frozen for everyone, ADMIN included. */
const YEAR_CLOSED: Outcome<never> = { ok: false, code: "LOCKED", message: YEAR_CLOSED_REASON };

const stale = (status: PlanStatus | undefined, what: string): Outcome<never> => ({
  ok: false,
  code: "CONFLICT",
  message: status ? `${what}: план в состоянии «${statusWord(status)}»` : "План не найден",
});

function statusWord(s: PlanStatus): string {
  return { DRAFT: "черновик", SUBMITTED: "на утверждении", APPROVED: "утверждён", RETURNED: "возвращён" }[s];
}

/** Locks the plan's row; its status and whether its year is closed (REC-2), or undefined. */
export const PLAN_LOCK = rawStatement(
  { status: col.enum(PlanStatusEnum), yearClosed: col.bool },
  (organisationId: number, planId: number) => Prisma.sql`
    SELECT p.status::text AS status, y.status = 'CLOSED' AS "yearClosed"
      FROM "LessonPlan" p JOIN "AcademicYear" y ON y."organisationId" = p."organisationId" AND y.id = p."yearId"
     WHERE p."organisationId" = ${organisationId} AND p.id = ${planId}
       FOR UPDATE OF p`,
);
async function lockPlan(tx: Tx, organisationId: number, planId: number) {
  const rows = await PLAN_LOCK.run(tx, organisationId, planId);
  return rows[0];
}

/** Locks the plan for a PLAN-2 step; the refusal when its year is closed (REC-2) or its status forbids the step. */
async function refuseStep(
  tx: Tx,
  organisationId: number,
  planId: number,
  step: PlanAction,
  what: string,
): Promise<Outcome<never> | null> {
  const locked = await lockPlan(tx, organisationId, planId);
  if (locked?.yearClosed) return YEAR_CLOSED;
  if (!locked || !canTransition(locked.status, step)) return stale(locked?.status, what);
  return null;
}

export type NewPlan = {
  yearId: number;
  teacherId: number;
  subjectId: number;
  classId: number | null;
  grade: number | null;
  title: string;
  /** PRG-1: the approved work programme the plan is made from. */
  programmeId?: number | null;
};

export async function createPlan(
  organisationId: number,
  byUserId: number,
  plan: NewPlan,
  topics: readonly TopicRow[] = [],
): Promise<number> {
  return db.$transaction(async (tx) => {
    const created = await tx.lessonPlan.create({ data: { organisationId, ...plan }, select: { id: true } });
    await writeTopics(tx, organisationId, created.id, topics);
    await auditChange(tx, { organisationId, userId: byUserId }, "plan.create", ["LessonPlan", created.id], {
      ...plan,
      topics: topics.length,
    });
    return created.id;
  });
}

/** Replaces the topic list: rows keep their ids by position; lessons bound to removed topics are unbound. */
async function writeTopics(tx: Tx, organisationId: number, planId: number, topics: readonly TopicRow[]): Promise<void> {
  const existing = await tx.planTopic.findMany({
    where: { organisationId, planId },
    select: { id: true, position: true },
  });
  const byPosition = new Map(existing.map((t) => [t.position, t.id]));
  const removed = existing.filter((t) => t.position > topics.length).map((t) => t.id);
  if (removed.length) {
    await tx.lesson.updateMany({
      where: { organisationId, planTopicId: { in: removed } },
      data: { planTopicId: null },
    });
    await tx.planTopic.deleteMany({ where: { organisationId, id: { in: removed } } });
  }
  const fresh: Prisma.PlanTopicCreateManyInput[] = [];
  for (const [i, t] of topics.entries()) {
    const data = topicRowOf(t);
    const id = byPosition.get(i + 1);
    if (id !== undefined) await tx.planTopic.update({ where: { organisationId_id: { organisationId, id } }, data });
    else fresh.push({ organisationId, planId, position: i + 1, ...data });
  }
  if (fresh.length) await tx.planTopic.createMany({ data: fresh });
}

/** PLAN-1/PLAN-4: saves edited or imported topics of a draft or returned plan. */
export async function saveTopics(
  organisationId: number,
  byUserId: number,
  planId: number,
  topics: readonly TopicRow[],
  source: "editor" | "xlsx",
): Promise<Outcome<{ count: number }>> {
  return db.$transaction(async (tx) => {
    const locked = await lockPlan(tx, organisationId, planId);
    if (locked?.yearClosed) return YEAR_CLOSED;
    const status = locked?.status;
    if (!status || !canTransition(status, "edit")) return stale(status, "Изменять темы нельзя");
    await writeTopics(tx, organisationId, planId, topics);
    await tx.lessonPlan.update({
      where: { organisationId_id: { organisationId, id: planId } },
      data: { updatedAt: new Date() },
    });
    await auditChange(
      tx,
      { organisationId, userId: byUserId },
      source === "xlsx" ? "plan.import" : "plan.topics",
      ["LessonPlan", planId],
      { topics: topics.length },
    );
    return { ok: true, data: { count: topics.length } };
  });
}

export async function setAutoHomework(
  organisationId: number,
  byUserId: number,
  planId: number,
  autoHomework: boolean,
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const locked = await lockPlan(tx, organisationId, planId);
    if (!locked) return { ok: false, code: "NOT_FOUND", message: "План не найден" };
    if (locked.yearClosed) return YEAR_CLOSED;
    await tx.lessonPlan.update({
      where: { organisationId_id: { organisationId, id: planId } },
      data: { autoHomework },
    });
    await auditChange(tx, { organisationId, userId: byUserId }, "plan.autoHomework", ["LessonPlan", planId], {
      autoHomework,
    });
    return { ok: true, data: null };
  });
}

/** PLAN-2: the teacher submits a draft (or a returned plan) for approval. */
export async function submitPlan(
  organisationId: number,
  byUserId: number,
  planId: number,
  now: Date,
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const refused = await refuseStep(tx, organisationId, planId, "submit", "Сдать нельзя");
    if (refused) return refused;
    const topics = await tx.planTopic.count({ where: { organisationId, planId } });
    if (topics === 0) return { ok: false, code: "INVALID_INPUT", message: "В плане нет тем" };
    await tx.lessonPlan.update({
      where: { organisationId_id: { organisationId, id: planId } },
      data: { status: nextStatus("submit"), submittedAt: now },
    });
    await auditChange(tx, { organisationId, userId: byUserId }, "plan.submit", ["LessonPlan", planId]);
    return { ok: true, data: null };
  });
}

/**
 * PLAN-2/PLAN-3: the reviewer approves (and the topics go into the journal's lessons at once)
 * or returns the plan with a comment.
 */
export async function reviewPlan(
  organisationId: number,
  byUserId: number,
  planId: number,
  decision: "approve" | "return",
  comment: string,
  now: Date,
): Promise<Outcome<BindReport | null>> {
  return db.$transaction(async (tx) => {
    const refused = await refuseStep(tx, organisationId, planId, decision, "Решение принять нельзя");
    if (refused) return refused;
    await tx.lessonPlan.update({
      where: { organisationId_id: { organisationId, id: planId } },
      data: { status: nextStatus(decision), reviewerId: byUserId, reviewedAt: now, reviewComment: comment || null },
    });
    const report = decision === "approve" ? await bindPlanInTx(tx, organisationId, byUserId, planId) : null;
    await auditChange(tx, { organisationId, userId: byUserId }, `plan.${decision}`, ["LessonPlan", planId], {
      comment: comment || null,
      bound: report?.changed ?? null,
    });
    return { ok: true, data: report };
  });
}

/** PLAN-2: an approved plan changes only through a new submission — it becomes the next draft version. */
export async function reopenPlan(organisationId: number, byUserId: number, planId: number): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const refused = await refuseStep(tx, organisationId, planId, "reopen", "Новую редакцию начать нельзя");
    if (refused) return refused;
    await tx.lessonPlan.update({
      where: { organisationId_id: { organisationId, id: planId } },
      data: { status: "DRAFT", version: { increment: 1 } },
    });
    await auditChange(tx, { organisationId, userId: byUserId }, "plan.reopen", ["LessonPlan", planId]);
    return { ok: true, data: null };
  });
}

/** PLAN-3: binds an approved plan's topics to the lessons again (after lessons were added or moved). */
export async function rebindPlan(
  organisationId: number,
  byUserId: number,
  planId: number,
): Promise<Outcome<BindReport>> {
  return db.$transaction(async (tx) => {
    const locked = await lockPlan(tx, organisationId, planId);
    if (locked?.yearClosed) return YEAR_CLOSED;
    const status = locked?.status;
    if (status !== "APPROVED") return stale(status, "Привязывать можно только утверждённый план");
    const report = await bindPlanInTx(tx, organisationId, byUserId, planId);
    await auditChange(tx, { organisationId, userId: byUserId }, "plan.bind", ["LessonPlan", planId], {
      changed: report.changed,
    });
    return { ok: true, data: report };
  });
}

/** PLAN-3: the teacher puts a topic of the approved plan on another lesson (or takes it off). */
export async function rebindLesson(
  organisationId: number,
  byUserId: number,
  planId: number,
  lessonId: number,
  topicId: number | null,
  inScope?: StoredScopeCheck,
): Promise<Outcome<BindReport>> {
  return db.$transaction(async (tx) => {
    const locked = await lockPlan(tx, organisationId, planId);
    if (locked?.yearClosed) return YEAR_CLOSED;
    const status = locked?.status;
    // SEC-2: the lesson whose topic changes is authorised as stored, not only through the plan.
    await inScope?.(tx, { kind: "lesson", lessonId });
    if (status !== "APPROVED") return stale(status, "Привязывать можно только утверждённый план");
    if (topicId !== null) {
      const topic = await tx.planTopic.findUnique({
        where: { organisationId_id: { organisationId, id: topicId } },
        select: { planId: true },
      });
      if (!topic || topic.planId !== planId)
        return { ok: false, code: "NOT_FOUND", message: "Тема не найдена в этом плане" };
    }
    const report = await applyBinding(tx, organisationId, byUserId, planId, [
      { lessonId, topicIds: topicId === null ? [] : [topicId] },
    ]);
    if (!report) return { ok: false, code: "NOT_FOUND", message: "Урок не относится к этому плану" };
    await auditChange(tx, { organisationId, userId: byUserId }, "plan.rebind", ["Lesson", lessonId], {
      planId,
      topicId,
    });
    return { ok: true, data: report };
  });
}

/** PLAN-4: copies a plan's topics into a new draft for another class (load). */
export async function copyPlan(
  organisationId: number,
  byUserId: number,
  planId: number,
  target: NewPlan,
): Promise<Outcome<number>> {
  const topics = await db.planTopic.findMany({ where: { organisationId, planId }, orderBy: { position: "asc" } });
  if (topics.length === 0) return { ok: false, code: "INVALID_INPUT", message: "В плане нет тем" };
  const id = await createPlan(organisationId, byUserId, target, topics.map(topicRowOf));
  return { ok: true, data: id };
}

// ───────────────────────────── binding (PLAN-3, JRN-7) ─────────────────────────────

async function bindingContext(tx: Tx, organisationId: number, planId: number) {
  const plan = await tx.lessonPlan.findUniqueOrThrow({
    where: { organisationId_id: { organisationId, id: planId } },
    select: { ...PLAN_BINDING_SELECT, autoHomework: true },
  });
  const classIds = await planClassIds(organisationId, plan);
  const topics = await tx.planTopic.findMany({ where: { organisationId, planId }, orderBy: { position: "asc" } });
  const lessons = await tx.lesson.findMany({
    where: planLessonsWhere(organisationId, plan, classIds),
    orderBy: [{ date: "asc" }, { bellNumber: "asc" }],
    select: {
      id: true,
      classId: true,
      date: true,
      hours: true,
      status: true,
      topic: true,
      planTopicId: true,
      version: true,
      _count: { select: { homework: true } },
    },
  });
  // Titles of topics lessons are bound to now (also of other plans), to tell plan text from typed text.
  const boundIds = [...new Set(lessons.flatMap((l) => (l.planTopicId ? [l.planTopicId] : [])))];
  const bound = await tx.planTopic.findMany({
    where: { organisationId, id: { in: boundIds } },
    select: { id: true, title: true },
  });
  return {
    plan,
    classIds,
    topics: topics.map((t): BindTopic => ({
      id: t.id,
      position: t.position,
      title: t.title,
      hours: Number(t.hours),
      homework: t.homework,
    })),
    lessons: lessons.map((l): BindLesson & { classId: number; version: number } => ({
      id: l.id,
      classId: l.classId,
      date: l.date,
      hours: Number(l.hours),
      cancelled: l.status === "CANCELLED",
      topic: l.topic,
      planTopicId: l.planTopicId,
      hasHomework: l._count.homework > 0,
      version: l.version,
    })),
    boundTitles: new Map(bound.map((b) => [b.id, b.title])),
  };
}

/**
 * Writes placements into lessons: Lesson.planTopicId, Lesson.topic where it is plan text, plan
 * homework with autoHomework — each topic/homework change as a JournalChange row (JRN-7).
 * Null when a placement names a lesson outside the plan.
 */
export async function applyBinding(
  tx: Tx,
  organisationId: number,
  byUserId: number,
  planId: number,
  placements: Placement[] | null,
): Promise<BindReport | null> {
  const ctx = await bindingContext(tx, organisationId, planId);
  const all =
    placements ??
    ctx.classIds.flatMap((classId) =>
      placeTopics(
        ctx.topics,
        ctx.lessons.filter((l) => l.classId === classId),
      ),
    );
  if (all.some((p) => !ctx.lessons.some((l) => l.id === p.lessonId))) return null;
  const byTopic = new Map(ctx.topics.map((t) => [t.id, t]));
  const changes = lessonChanges(ctx.lessons, all, ctx.topics, {
    autoHomework: ctx.plan.autoHomework,
    previousTitle: (l) =>
      l.planTopicId ? (ctx.boundTitles.get(l.planTopicId) ?? titleOf([l.planTopicId], byTopic)) : null,
  });
  const report: BindReport = { changed: 0, homework: 0, keptTyped: [], locked: [] };
  // REC-1, REC-2: the one lock decision (kind «plan») — a closed period or year keeps its lessons as they are.
  const now = serverNow();
  const locks = new Map<number, LockContext | null>();
  for (const classId of new Set(changes.map((c) => ctx.lessons.find((l) => l.id === c.lessonId)!.classId)))
    locks.set(classId, await journalLockContext(organisationId, classId, ctx.plan.subjectId, now));
  for (const c of changes) {
    const lesson = ctx.lessons.find((l) => l.id === c.lessonId)!;
    const lockContext = locks.get(lesson.classId);
    if (lockContext) {
      const lock = journalLock(
        "plan",
        lockFactsOf(lockContext, lesson.date, { today: todayIn(lockContext.timeZone, now), now }),
      );
      if (!lock.open) {
        report.locked!.push({ lessonId: lesson.id, date: lesson.date, reason: lock.reason });
        continue;
      }
    }
    if (c.keptTyped !== null) report.keptTyped.push({ lessonId: lesson.id, date: lesson.date, topic: c.keptTyped });
    if (c.planTopicId !== lesson.planTopicId || c.topic !== undefined) {
      await tx.lesson.update({
        where: { organisationId_id: { organisationId, id: lesson.id } },
        data: {
          planTopicId: c.planTopicId,
          ...(c.topic !== undefined ? { topic: c.topic, version: { increment: 1 } } : {}),
        },
      });
      if (c.topic !== undefined) {
        await tx.journalChange.create({
          data: {
            organisationId,
            entity: "TOPIC",
            lessonId: lesson.id,
            entityKey: `lesson:${lesson.id}`,
            userId: byUserId,
            reason: "КТП",
            oldValue: { topic: lesson.topic, planTopicId: lesson.planTopicId },
            newValue: { topic: c.topic, planTopicId: c.planTopicId },
          },
        });
      }
      report.changed++;
    }
    if (c.homework !== null) {
      const stream = ctx.lessons.filter((l) => l.classId === lesson.classId);
      const due = nextLessonDate(stream, lesson.id);
      const hw = await tx.homework.create({
        data: {
          organisationId,
          lessonId: lesson.id,
          text: c.homework,
          dueDate: due,
          fromPlan: true,
          createdById: byUserId,
        },
        select: { id: true },
      });
      await tx.journalChange.create({
        data: {
          organisationId,
          entity: "HOMEWORK",
          lessonId: lesson.id,
          entityKey: `homework:${hw.id}`,
          userId: byUserId,
          reason: "КТП",
          oldValue: undefined,
          newValue: { text: c.homework, dueDate: due?.toISOString().slice(0, 10) ?? null, fromPlan: true },
        },
      });
      report.homework++;
    }
  }
  return report;
}

/** Binds the whole plan in order (PLAN-3). */
export async function bindPlanInTx(
  tx: Tx,
  organisationId: number,
  byUserId: number,
  planId: number,
): Promise<BindReport> {
  return (await applyBinding(tx, organisationId, byUserId, planId, null))!;
}
