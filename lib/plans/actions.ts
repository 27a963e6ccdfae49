"use server";
// Server actions of lesson planning: zod parse → the plan gate → mutation → revalidate
// (PLAN-1…PLAN-4). Results are values (ActionResult), never thrown messages.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { refuseOutOfScope, storedScopeCheck } from "@/lib/access/stored";
import { planAccess } from "./access";
import { requireAccessForAction, requireUserForAction } from "@/lib/access/guard";
import { existingPlanId, loadById, planFacts } from "./data";
import {
  copyPlan,
  createPlan,
  type NewPlan,
  type Outcome,
  rebindLesson,
  rebindPlan,
  reopenPlan,
  reviewPlan,
  saveTopics,
  setAutoHomework,
  submitPlan,
} from "./mutations";
import type { BindReport } from "./binding";
import { copySchema, createPlanSchema, idSchema, parseTopicsJson, rebindSchema, reviewSchema } from "./schema";
import { xlsxToTopics, type ImportRow } from "./xlsx";
import { YEAR_CLOSED_REASON } from "@/lib/journal/lock";
import { vocabulary, type Vocabulary } from "@/lib/org/vocabulary";

// DAY-6: the refusals name the class and the subject in the organisation's words.
const planExists = (v: Vocabulary) => `План для ${v.thisClass.gen} и ${v.subject.gen} уже есть`;

type Result<T> = ActionResult<T> | null;

function refresh(planId?: number): void {
  revalidatePath("/plans");
  if (planId) revalidatePath(`/plans/${planId}`);
}

/** A plan mutation's outcome as the action's result; a success refreshes the plan's pages. */
function settle<T>(planId: number, result: Outcome<T>): ActionResult<T> {
  if (!result.ok) return fail(result.code, result.message);
  refresh(planId);
  return ok(result.data);
}

/** A new plan's keys on one of the teacher loads: its class, or with `parallel` its whole parallel. */
function planOnLoad(load: NonNullable<Awaited<ReturnType<typeof loadById>>>, parallel: boolean): NewPlan {
  return {
    yearId: load.yearId,
    teacherId: load.teacherId,
    subjectId: load.subjectId,
    classId: parallel ? null : load.classId,
    grade: load.class.grade,
    title: `КТП: ${load.subject.name}, ${parallel ? `${load.class.grade}-е классы` : load.class.name}`,
  };
}

/** The plan named in the form, if it exists in the caller's organisation, and the gate for `op`. */
async function gatePlan(form: FormData, op: "view" | "edit" | "approve") {
  const id = idSchema.safeParse(form.get("planId"));
  if (!id.success) return fail("NOT_FOUND");
  const signedIn = await requireUserForAction();
  if (!signedIn.ok) return signedIn;
  const user = signedIn.user;
  const plan = await planFacts(user.organisationId, id.data);
  if (!plan) return fail("NOT_FOUND");
  const access = await requireAccessForAction(planAccess(op, plan));
  if (!access.ok) return access;
  return { ok: true as const, user: access.user, plan };
}

/** PLAN-1: a new draft for one of the teacher loads (a class × subject, or its whole parallel). */
export async function createPlanAction(_prev: Result<null>, form: FormData): Promise<ActionResult<null>> {
  const signedIn = await requireUserForAction();
  if (!signedIn.ok) return signedIn;
  const user = signedIn.user;
  const v = vocabulary(user.orgKind);
  const parsed = createPlanSchema.safeParse({
    loadId: form.get("loadId"),
    parallel: form.get("parallel") ?? undefined,
  });
  if (!parsed.success) return fail("INVALID_INPUT", `Выберите ${v.class.acc} и ${v.subject.acc}`);
  const load = await loadById(user.organisationId, parsed.data.loadId);
  if (!load) return fail("NOT_FOUND");
  const access = await requireAccessForAction(planAccess("edit", load)); // the load's teacher, class, subject
  if (!access.ok) return access;
  const plan = planOnLoad(load, parsed.data.parallel);
  if (await existingPlanId(user.organisationId, plan)) return fail("CONFLICT", planExists(v));
  if (load.yearClosed) return fail("LOCKED", YEAR_CLOSED_REASON);
  const id = await createPlan(user.organisationId, user.id, plan);
  refresh();
  redirect(`/plans/${id}`);
}

export async function saveTopicsAction(
  _prev: Result<{ count: number }>,
  form: FormData,
): Promise<ActionResult<{ count: number }>> {
  const gate = await gatePlan(form, "edit");
  if (!gate.ok) return gate;
  const topics = parseTopicsJson(form.get("topics"));
  if (!topics.ok) return fail("INVALID_INPUT", topics.message);
  const result = await saveTopics(gate.user.organisationId, gate.user.id, gate.plan.id, topics.topics, "editor");
  return settle(gate.plan.id, result);
}

export async function setAutoHomeworkAction(_prev: Result<null>, form: FormData): Promise<ActionResult<null>> {
  const gate = await gatePlan(form, "edit");
  if (!gate.ok) return gate;
  const { user, plan } = gate;
  return settle(
    plan.id,
    await setAutoHomework(user.organisationId, user.id, plan.id, form.get("autoHomework") === "on"),
  );
}

/** PLAN-2 steps of the plan's author: submit, or start a new edition of an approved plan. */
export async function workflowAction(_prev: Result<null>, form: FormData): Promise<ActionResult<null>> {
  const gate = await gatePlan(form, "edit");
  if (!gate.ok) return gate;
  const step = form.get("step");
  const { organisationId, id: userId } = gate.user;
  const result =
    step === "submit"
      ? await submitPlan(organisationId, userId, gate.plan.id, new Date())
      : step === "reopen"
        ? await reopenPlan(organisationId, userId, gate.plan.id)
        : { ok: false as const, code: "INVALID_INPUT" as const, message: "Неизвестное действие" };
  return settle(gate.plan.id, result);
}

/** PLAN-2: approve (the topics go into the journal, PLAN-3) or return with a comment. */
export async function reviewPlanAction(
  _prev: Result<BindReport | null>,
  form: FormData,
): Promise<ActionResult<BindReport | null>> {
  const parsed = reviewSchema.safeParse({
    planId: form.get("planId"),
    decision: form.get("decision"),
    comment: form.get("comment") ?? "",
  });
  if (!parsed.success) return fail("INVALID_INPUT", parsed.error.issues[0]?.message);
  const gate = await gatePlan(form, "approve");
  if (!gate.ok) return gate;
  const { user, plan } = gate;
  const { decision, comment } = parsed.data;
  return settle(plan.id, await reviewPlan(user.organisationId, user.id, plan.id, decision, comment, new Date()));
}

/** PLAN-3: bind the whole approved plan again, or put one topic on another lesson. */
export async function bindAction(_prev: Result<BindReport>, form: FormData): Promise<ActionResult<BindReport>> {
  const gate = await gatePlan(form, "edit");
  if (!gate.ok) return gate;
  const { organisationId, id: userId } = gate.user;
  let result;
  if (form.get("lessonId") !== null) {
    const parsed = rebindSchema.safeParse({ lessonId: form.get("lessonId"), topicId: form.get("topicId") ?? "" });
    if (!parsed.success) return fail("INVALID_INPUT", `Выберите ${vocabulary(gate.user.orgKind).lesson.acc} и тему`);
    const inScope = storedScopeCheck(gate.user, ["plans.editAll", "plans.editOwn"]);
    const rebound = await refuseOutOfScope(() =>
      rebindLesson(organisationId, userId, gate.plan.id, parsed.data.lessonId, parsed.data.topicId, inScope),
    );
    if ("code" in rebound) return rebound;
    result = rebound;
  } else {
    result = await rebindPlan(organisationId, userId, gate.plan.id);
  }
  return settle(gate.plan.id, result);
}

export type ImportPreview = { rows: ImportRow[]; errors: number; saved: boolean };

/** PLAN-4: XLSX import — first a preview with per-row errors, nothing written; then, confirmed, one transaction. */
export async function importAction(_prev: Result<ImportPreview>, form: FormData): Promise<ActionResult<ImportPreview>> {
  const gate = await gatePlan(form, "edit");
  if (!gate.ok) return gate;
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return fail("INVALID_INPUT", "Выберите файл .xlsx");
  const read = await xlsxToTopics(await file.arrayBuffer());
  if (!read.ok) return fail("INVALID_INPUT", read.message);
  const errors = read.rows.filter((r) => r.errors.length > 0).length;
  if (form.get("confirm") !== "1" || errors > 0) return ok({ rows: read.rows, errors, saved: false });
  const result = await saveTopics(
    gate.user.organisationId,
    gate.user.id,
    gate.plan.id,
    read.rows.map((r) => r.data!),
    "xlsx",
  );
  if (!result.ok) return fail(result.code, result.message);
  refresh(gate.plan.id);
  return ok({ rows: read.rows, errors: 0, saved: true });
}

/** PLAN-4: copy a plan into a new draft for another class (one of the loads). */
export async function copyPlanAction(_prev: Result<null>, form: FormData): Promise<ActionResult<null>> {
  const parsed = copySchema.safeParse({ planId: form.get("planId"), loadId: form.get("loadId") });
  const gate = await gatePlan(form, "view");
  if (!gate.ok) return gate;
  const v = vocabulary(gate.user.orgKind);
  if (!parsed.success) return fail("INVALID_INPUT", `Выберите ${v.class.acc}`);
  const load = await loadById(gate.user.organisationId, parsed.data.loadId);
  if (!load || load.subjectId !== gate.plan.subjectId)
    return fail("INVALID_INPUT", `Копировать можно только в ${v.class.acc} ${v.withSameSubject}`);
  const access = await requireAccessForAction(planAccess("edit", load)); // the load's teacher, class, subject
  if (!access.ok) return access;
  const target = planOnLoad(load, false);
  if (load.yearClosed) return fail("LOCKED", YEAR_CLOSED_REASON);
  if (await existingPlanId(gate.user.organisationId, target)) return fail("CONFLICT", planExists(v));
  const result = await copyPlan(gate.user.organisationId, gate.user.id, gate.plan.id, target);
  if (!result.ok) return fail(result.code, result.message);
  refresh();
  redirect(`/plans/${result.data}`);
}
