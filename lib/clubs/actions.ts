"use server";
// PRG-2: clubs (объединения внеурочной деятельности). ADMIN, DEPUTY and SCHEDULER keep the clubs
// (clubs.manage: name, leader, members, timetable slots); the journal — topics, attendance and,
// where the organisation allows, marks — is kept through clubs.journal, which a TEACHER holds for
// the clubs they lead (scope «leader»). The КТП is written by either. A closed year is frozen.
import { vocabulary } from "@/lib/org/vocabulary";
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import type { Permission } from "@/lib/access/matrix";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { YEAR_CLOSED_REASON } from "@/lib/journal/lock";
import { serverNow } from "@/lib/org/clock";
import { todayIn } from "@/lib/org/time";
import { fieldErrorsOf, firstIssue, formRecord, formInput } from "@/lib/schema";
import { clubFacts, clubSettings, currentClubYear, isActiveTeacher } from "./data";
import {
  addMember,
  deleteSlot,
  removeMember,
  saveClub,
  savePlan,
  saveSession,
  saveSlot,
  type Outcome,
} from "./mutations";
import { meetsOn, parseCells, parsePlan, slotSpan } from "./rules";
import { clubForm, enrolForm, memberForm, planForm, sessionForm, slotForm, slotRefForm } from "./schema";

type Done = ActionResult<{ message: string }>;

const done = (r: Outcome<unknown>, clubId: number, message: string): Done => {
  if (!r.ok) return fail(r.code, r.message);
  revalidatePath("/clubs");
  revalidatePath(`/clubs/${clubId}`);
  return ok({ message });
};

/** The gate on one club, then the club itself (its year open for changes). */
async function gateOnClub(permission: Permission | readonly Permission[], clubId: number) {
  const access = await requireAccessForAction(permission, { kind: "club", clubId });
  if (!access.ok) return access;
  const club = await clubFacts(access.user.organisationId, clubId);
  if (!club) return fail("NOT_FOUND", "Объединение не найдено");
  if (club.year.status === "CLOSED") return fail("LOCKED", YEAR_CLOSED_REASON);
  return { ok: true as const, user: access.user, club };
}

export async function saveClubAction(_prev: Done | null, form: FormData): Promise<Done> {
  const parsed = formInput(clubForm, form);
  if (!parsed.ok) return parsed;
  const input = parsed.data;
  let yearId: number;
  let user;
  if (input.clubId === undefined) {
    const access = await requireAccessForAction("clubs.manage");
    if (!access.ok) return access;
    user = access.user;
    const year = await currentClubYear(user.organisationId);
    if (!year) return fail("NOT_FOUND", "Нет текущего учебного года");
    if (year.status === "CLOSED") return fail("LOCKED", YEAR_CLOSED_REASON);
    yearId = year.id;
  } else {
    const gate = await gateOnClub("clubs.manage", input.clubId);
    if (!gate.ok) return gate;
    user = gate.user;
    yearId = gate.club.yearId;
  }
  if (!(await isActiveTeacher(user.organisationId, input.leaderId)))
    return fail("INVALID_INPUT", `Руководитель — ${vocabulary(user.orgKind).teacher.nom} организации`, {
      leaderId: [`Выберите ${vocabulary(user.orgKind).teacher.acc} из списка`],
    });
  const r = await saveClub(user.organisationId, user.id, yearId, input);
  if (!r.ok) return fail(r.code, r.message, r.code === "CONFLICT" ? { name: [r.message] } : undefined);
  return done(r, r.value, input.clubId === undefined ? "Объединение создано" : "Объединение сохранено");
}

export async function addClubMemberAction(_prev: Done | null, form: FormData): Promise<Done> {
  const parsed = formInput(memberForm, form);
  if (!parsed.ok) return parsed;
  const gate = await gateOnClub("clubs.manage", parsed.data.clubId);
  if (!gate.ok) return gate;
  const { user, club } = gate;
  const r = await addMember(user.organisationId, user.id, club, parsed.data.studentId, user.orgKind === "COLLEGE");
  return done(r, club.id, "Ученик записан в объединение");
}

export async function removeClubMemberAction(_prev: Done | null, form: FormData): Promise<Done> {
  const parsed = formInput(memberForm, form);
  if (!parsed.ok) return parsed;
  const gate = await gateOnClub("clubs.manage", parsed.data.clubId);
  if (!gate.ok) return gate;
  const r = await removeMember(gate.user.organisationId, gate.user.id, gate.club.id, parsed.data.studentId);
  return done(r, gate.club.id, "Ученик выведен из объединения");
}

export async function saveClubSlotAction(_prev: Done | null, form: FormData): Promise<Done> {
  const parsed = formInput(slotForm, form);
  if (!parsed.ok) return parsed;
  const span = slotSpan(parsed.data.start, parsed.data.end);
  if (!span.ok) return fail("INVALID_INPUT", span.message, { start: [span.message] });
  const gate = await gateOnClub("clubs.manage", parsed.data.clubId);
  if (!gate.ok) return gate;
  const { user, club } = gate;
  const validFrom = parsed.data.validFrom ?? club.year.startDate;
  const validTo = parsed.data.validTo ?? club.year.endDate;
  if (validFrom > validTo || validFrom < club.year.startDate || validTo > club.year.endDate)
    return fail("INVALID_INPUT", "Срок действия — внутри учебного года, «с» не позже «по»", {
      validFrom: ["Срок действия — внутри учебного года"],
    });
  const r = await saveSlot(
    user.organisationId,
    user.id,
    club,
    {
      weekday: parsed.data.weekday,
      start: span.start,
      end: span.end,
      roomId: parsed.data.roomId ?? null,
      validFrom,
      validTo,
    },
    user.orgKind === "COLLEGE",
  );
  return done(r, club.id, "Занятие добавлено в расписание");
}

export async function deleteClubSlotAction(_prev: Done | null, form: FormData): Promise<Done> {
  const parsed = formInput(slotRefForm, form);
  if (!parsed.ok) return parsed;
  const gate = await gateOnClub("clubs.manage", parsed.data.clubId);
  if (!gate.ok) return gate;
  const r = await deleteSlot(gate.user.organisationId, gate.user.id, gate.club.id, parsed.data.slotId);
  return done(r, gate.club.id, "Занятие убрано из расписания");
}

export async function saveClubPlanAction(_prev: Done | null, form: FormData): Promise<Done> {
  const parsed = formInput(planForm, form);
  if (!parsed.ok) return parsed;
  const plan = parsePlan(parsed.data.plan);
  if (!plan.ok) return fail("INVALID_INPUT", plan.message, { plan: [plan.message] });
  const gate = await gateOnClub(["clubs.manage", "clubs.journal"], parsed.data.clubId);
  if (!gate.ok) return gate;
  await savePlan(gate.user.organisationId, gate.user.id, gate.club.id, plan.items);
  return done({ ok: true, value: null }, gate.club.id, "КТП сохранено");
}

export async function saveClubSessionAction(_prev: Done | null, form: FormData): Promise<Done> {
  const record = formRecord(form);
  const parsed = sessionForm.safeParse(record);
  if (!parsed.success) return fail("INVALID_INPUT", firstIssue(parsed.error), fieldErrorsOf(parsed.error));
  const gate = await gateOnClub("clubs.journal", parsed.data.clubId);
  if (!gate.ok) return gate;
  const { user, club } = gate;
  const { date, topic } = parsed.data;
  if (date > todayIn(user.timeZone, serverNow()))
    return fail("INVALID_INPUT", "Занятие ещё не прошло: журнал заполняется в день занятия и позже", {
      date: ["Дата в будущем"],
    });
  if (date < club.year.startDate || date > club.year.endDate)
    return fail("INVALID_INPUT", "Дата вне учебного года объединения", { date: ["Дата вне учебного года"] });
  if (!meetsOn(club.slots, date))
    return fail("INVALID_INPUT", "В этот день у объединения нет занятия по расписанию", {
      date: ["Нет занятия в этот день"],
    });
  const settings = await clubSettings(user.organisationId);
  const cells = parseCells(record, club.memberIds, {
    allowed: settings.marksAllowed,
    min: settings.minMark,
    max: settings.maxMark,
  });
  if (!cells.ok) return fail("INVALID_INPUT", cells.message);
  await saveSession(user.organisationId, user.id, club.id, date, topic, cells.cells);
  revalidatePath(`/clubs/${club.id}/journal`);
  return done({ ok: true, value: null }, club.id, "Занятие сохранено");
}

const ENROLMENT_OFF = "Открытая запись в объединения выключена: записывает администрация школы";

/**
 * PRG-2 open enrolment (the organisation's setting): a parent for their child or a student for
 * themself (clubs.enrol «self» on the student) enrols in a club of the current, open year; a clash
 * with the child's timetable or another club is refused naming it, as is a full club.
 */
async function gateOnEnrolment(form: FormData) {
  const parsed = formInput(enrolForm, form);
  if (!parsed.ok) return parsed;
  const { clubId, studentId } = parsed.data;
  const access = await requireAccessForAction("clubs.enrol", { kind: "student", studentId });
  if (!access.ok) return access;
  const org = access.user.organisationId;
  if (!(await clubSettings(org)).openEnrolment) return fail("FORBIDDEN", ENROLMENT_OFF);
  const club = await clubFacts(org, clubId);
  if (!club || !club.year.isCurrent) return fail("NOT_FOUND", "Объединение не найдено");
  if (club.year.status === "CLOSED") return fail("LOCKED", YEAR_CLOSED_REASON);
  return { ok: true as const, user: access.user, club, studentId };
}

export async function enrolInClubAction(_prev: Done | null, form: FormData): Promise<Done> {
  const gate = await gateOnEnrolment(form);
  if (!gate.ok) return gate;
  const { user, club, studentId } = gate;
  const r = await addMember(user.organisationId, user.id, club, studentId, user.orgKind === "COLLEGE", club.capacity);
  if (!r.ok) return fail(r.code, r.message);
  revalidatePath(`/diary/${studentId}`, "layout");
  return done(r, club.id, "Записан в объединение: занятия появятся в дневнике");
}

/** Leaving keeps the past attendance: only the membership goes (the journal's cells stay, PRG-2). */
export async function leaveClubAction(_prev: Done | null, form: FormData): Promise<Done> {
  const gate = await gateOnEnrolment(form);
  if (!gate.ok) return gate;
  const { user, club, studentId } = gate;
  const r = await removeMember(user.organisationId, user.id, club.id, studentId);
  if (!r.ok) return fail(r.code, r.message);
  revalidatePath(`/diary/${studentId}`, "layout");
  return done(r, club.id, "Выписан из объединения; прошлые занятия остаются в журнале");
}
