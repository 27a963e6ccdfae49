"use server";
// PRG-1: work programmes — a teacher, head of department or deputy drafts one (programmes.edit;
// below the «all» scope only one's own), DEPUTY approves or returns it (programmes.approve), and a
// КТП is made from an approved programme for a teacher load (the plans' own edit gate).
import { cap, vocabulary } from "@/lib/org/vocabulary";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireAccessForAction } from "@/lib/access/guard";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { YEAR_CLOSED_REASON } from "@/lib/journal/lock";
import { serverNow } from "@/lib/org/clock";
import { planAccess } from "@/lib/plans/access";
import { existingPlanId, loadById } from "@/lib/plans/data";
import { fieldErrorsOf, firstIssue } from "@/lib/schema";
import { currentYearOf, programmeFacts } from "./data";
import type { Outcome } from "@/lib/plans/mutations";
import { createPlanFromProgramme, createProgramme, moveProgramme, saveSections } from "./mutations";
import { parseSections } from "./rules";
import {
  createProgrammeForm,
  ktpFromProgrammeForm,
  programmeReviewForm,
  programmeStepForm,
  sectionsForm,
} from "./schema";

const done = (r: Outcome<null>, message: string, id: number): ActionResult<{ message: string }> => {
  if (!r.ok) return fail(r.code, r.message);
  revalidatePath("/plans/programmes");
  revalidatePath(`/plans/programmes/${id}`);
  return ok({ message });
};

/** The programme, if the user may edit it: «all» scope edits any, a narrower one only one's own. */
async function editable(programmeId: number) {
  const access = await requireAccessForAction("programmes.edit");
  if (!access.ok) return access;
  const p = await programmeFacts(access.user.organisationId, programmeId);
  if (!p) return fail("NOT_FOUND", "Программа не найдена");
  if (!access.scopes.includes("all") && p.authorId !== access.user.id) return fail("FORBIDDEN");
  return { ok: true as const, user: access.user, programme: p };
}

export async function createProgrammeAction(
  _prev: ActionResult<null> | null,
  form: FormData,
): Promise<ActionResult<null>> {
  const parsed = createProgrammeForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return fail("INVALID_INPUT", firstIssue(parsed.error), fieldErrorsOf(parsed.error));
  const access = await requireAccessForAction("programmes.edit");
  if (!access.ok) return access;
  const year = await currentYearOf(access.user.organisationId);
  if (!year) return fail("NOT_FOUND", "Нет текущего учебного года");
  if (year.status === "CLOSED") return fail("LOCKED", YEAR_CLOSED_REASON);
  let id: number;
  try {
    id = await createProgramme(access.user.organisationId, access.user.id, year.id, parsed.data);
  } catch {
    // the subject id names no subject of the organisation (the foreign key refuses it)
    const message = cap(vocabulary(access.user.orgKind).subjectNotFound);
    return fail("INVALID_INPUT", message, { subjectId: [message] });
  }
  revalidatePath("/plans/programmes");
  redirect(`/plans/programmes/${id}`);
}

export async function saveSectionsAction(
  _prev: ActionResult<{ message: string }> | null,
  form: FormData,
): Promise<ActionResult<{ message: string }>> {
  const parsed = sectionsForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return fail("INVALID_INPUT", firstIssue(parsed.error), fieldErrorsOf(parsed.error));
  const sections = parseSections(parsed.data.sections);
  if (!sections.ok) return fail("INVALID_INPUT", sections.message, { sections: [sections.message] });
  const gate = await editable(parsed.data.programmeId);
  if (!gate.ok) return gate;
  const r = await saveSections(gate.user.organisationId, gate.user.id, gate.programme.id, sections.sections);
  return done(r, "Разделы сохранены", gate.programme.id);
}

export async function programmeStepAction(
  _prev: ActionResult<{ message: string }> | null,
  form: FormData,
): Promise<ActionResult<{ message: string }>> {
  const parsed = programmeStepForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return fail("INVALID_INPUT", firstIssue(parsed.error), fieldErrorsOf(parsed.error));
  const gate = await editable(parsed.data.programmeId);
  if (!gate.ok) return gate;
  const { step } = parsed.data;
  const r = await moveProgramme(gate.user.organisationId, gate.user.id, gate.programme.id, step, "", serverNow());
  return done(
    r,
    step === "submit" ? "Программа отправлена на утверждение" : "Начата новая редакция",
    gate.programme.id,
  );
}

export async function reviewProgrammeAction(
  _prev: ActionResult<{ message: string }> | null,
  form: FormData,
): Promise<ActionResult<{ message: string }>> {
  const parsed = programmeReviewForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return fail("INVALID_INPUT", firstIssue(parsed.error), fieldErrorsOf(parsed.error));
  const access = await requireAccessForAction("programmes.approve");
  if (!access.ok) return access;
  const { programmeId, decision, comment } = parsed.data;
  const r = await moveProgramme(
    access.user.organisationId,
    access.user.id,
    programmeId,
    decision,
    comment,
    serverNow(),
  );
  return done(r, decision === "approve" ? "Программа утверждена" : "Программа возвращена на доработку", programmeId);
}

export async function createKtpFromProgrammeAction(
  _prev: ActionResult<null> | null,
  form: FormData,
): Promise<ActionResult<null>> {
  const parsed = ktpFromProgrammeForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return fail("INVALID_INPUT", firstIssue(parsed.error), fieldErrorsOf(parsed.error));
  const first = await requireAccessForAction(["programmes.edit", "plans.editOwn", "plans.editAll"]);
  if (!first.ok) return first;
  const organisationId = first.user.organisationId;
  const [programme, load] = await Promise.all([
    programmeFacts(organisationId, parsed.data.programmeId),
    loadById(organisationId, parsed.data.loadId),
  ]);
  if (!programme || !load) return fail("NOT_FOUND");
  const access = await requireAccessForAction(planAccess("edit", load)); // the load's teacher, class, subject
  if (!access.ok) return access;
  if (programme.status !== "APPROVED")
    return fail("CONFLICT", "КТП создаётся только по утверждённой рабочей программе");
  if (programme.subjectId !== load.subjectId || (programme.grade !== null && programme.grade !== load.class.grade))
    return fail("INVALID_INPUT", "Программа написана для другого предмета или класса");
  if (load.yearClosed) return fail("LOCKED", YEAR_CLOSED_REASON);
  const plan = {
    yearId: load.yearId,
    teacherId: load.teacherId,
    subjectId: load.subjectId,
    classId: load.classId,
    grade: load.class.grade,
  };
  if (await existingPlanId(organisationId, plan)) return fail("CONFLICT", "План для этого класса и предмета уже есть");
  const id = await createPlanFromProgramme(organisationId, access.user.id, programme, {
    teacherId: load.teacherId,
    subjectId: load.subjectId,
    classId: load.classId,
    className: load.class.name,
    grade: load.class.grade,
    subjectName: load.subject.name,
  });
  revalidatePath("/plans");
  redirect(`/plans/${id}`);
}
