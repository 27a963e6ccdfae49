"use server";
// Server actions of portfolios (LRN-5): a student's achievement added by the student, a parent or
// staff; confirmed or rejected by the class teacher (portfolio.confirm); removed by its author
// (a family: while not confirmed) or by a confirmer; a teacher's own portfolio entries.
import { vocabulary } from "@/lib/org/vocabulary";
import { firstIssue, idSchema } from "@/lib/schema";
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { deleteFile } from "@/lib/storage/files";
import { discardUploads, formUploads, storeUploads } from "@/lib/storage/upload";
import { staffPortfolioRights, studentPortfolioRights } from "./access";
import { achievementById, staffAchievementById, staffMember } from "./data";
import {
  createAchievement,
  createStaffAchievement,
  decideAchievement,
  deleteAchievement,
  deleteStaffAchievement,
} from "./mutations";
import { initialStatus, mayRemove } from "./rules";
import { achievementSchema, decisionSchema, staffAchievementSchema } from "./schema";

type Result = ActionResult<{ message: string }>;

const strings = (data: FormData) =>
  Object.fromEntries([...data.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;

async function optionalFile(organisationId: number, data: FormData) {
  const uploads = formUploads(data, "file");
  if (uploads.length === 0) return { ok: true as const, files: [] };
  return storeUploads(organisationId, "portfolio", uploads, { max: 1 });
}

export async function addAchievementAction(_prev: Result | null, data: FormData): Promise<Result> {
  const gate = await requireAccessForAction("portfolio.edit");
  if (!gate.ok) return gate;
  if (!(data instanceof FormData)) return fail("INVALID_INPUT");
  const parsed = achievementSchema.safeParse(strings(data));
  if (!parsed.success) return fail("INVALID_INPUT", firstIssue(parsed.error));
  const rights = await studentPortfolioRights(gate.user, parsed.data.studentId);
  if (!rights.add) return fail("FORBIDDEN");
  const stored = await optionalFile(gate.user.organisationId, data);
  if (!stored.ok) return fail("INVALID_INPUT", stored.message);
  const status = initialStatus(rights.family && !rights.confirm);
  try {
    await createAchievement(
      gate.user.organisationId,
      gate.user.id,
      parsed.data,
      status,
      stored.files[0] ?? null,
      new Date(),
    );
  } catch (e) {
    await discardUploads(stored.files);
    throw e;
  }
  revalidatePath(`/portfolio/${parsed.data.studentId}`);
  return ok({
    message:
      status === "PENDING"
        ? "Достижение добавлено и ждёт подтверждения классного руководителя"
        : "Достижение добавлено",
  });
}

export async function decideAchievementAction(_prev: Result | null, data: FormData): Promise<Result> {
  const gate = await requireAccessForAction(["portfolio.confirm", "portfolio.edit"]);
  if (!gate.ok) return gate;
  if (!(data instanceof FormData)) return fail("INVALID_INPUT");
  const parsed = decisionSchema.safeParse(strings(data));
  if (!parsed.success) return fail("INVALID_INPUT", firstIssue(parsed.error));
  const org = gate.user.organisationId;
  const entry = await achievementById(org, parsed.data.achievementId);
  if (!entry) return fail("NOT_FOUND", "Запись не найдена");
  const rights = await studentPortfolioRights(gate.user, entry.studentId);
  const now = new Date();
  if (parsed.data.intent === "delete") {
    if (!mayRemove(entry, { userId: gate.user.id, canConfirm: rights.confirm, family: rights.family }))
      return fail("FORBIDDEN", `Подтверждённое достижение удаляет ${vocabulary(gate.user.orgKind).classTeacher.nom}`);
    await deleteAchievement(org, entry.id);
    if (entry.storageKey) await deleteFile(entry.storageKey).catch(() => undefined);
    revalidatePath(`/portfolio/${entry.studentId}`);
    return ok({ message: "Запись удалена" });
  }
  if (!rights.confirm)
    return fail("FORBIDDEN", `Подтверждает достижения ${vocabulary(gate.user.orgKind).classTeacher.nom}`);
  const decision = parsed.data.intent === "confirm" ? "CONFIRMED" : "REJECTED";
  if (!(await decideAchievement(org, entry.id, gate.user.id, decision, parsed.data.reason, now)))
    return fail("CONFLICT", "Запись уже рассмотрена — обновите страницу");
  revalidatePath(`/portfolio/${entry.studentId}`);
  return ok({ message: decision === "CONFIRMED" ? "Достижение подтверждено" : "Достижение отклонено" });
}

export async function addStaffAchievementAction(_prev: Result | null, data: FormData): Promise<Result> {
  const gate = await requireAccessForAction("portfolio.edit");
  if (!gate.ok) return gate;
  if (!(data instanceof FormData)) return fail("INVALID_INPUT");
  const parsed = staffAchievementSchema.safeParse(strings(data));
  if (!parsed.success) return fail("INVALID_INPUT", firstIssue(parsed.error));
  const rights = await staffPortfolioRights(gate.user, parsed.data.userId);
  if (!rights.edit) return fail("FORBIDDEN", "Портфолио педагога ведёт сам педагог или администрация");
  if (!(await staffMember(gate.user.organisationId, parsed.data.userId)))
    return fail("NOT_FOUND", "Сотрудник не найден");
  const stored = await optionalFile(gate.user.organisationId, data);
  if (!stored.ok) return fail("INVALID_INPUT", stored.message);
  try {
    await createStaffAchievement(
      gate.user.organisationId,
      gate.user.id,
      parsed.data,
      stored.files[0] ?? null,
      new Date(),
    );
  } catch (e) {
    await discardUploads(stored.files);
    throw e;
  }
  revalidatePath(`/portfolio/staff/${parsed.data.userId}`);
  return ok({ message: "Запись добавлена" });
}

export async function deleteStaffAchievementAction(_prev: Result | null, data: FormData): Promise<Result> {
  const gate = await requireAccessForAction("portfolio.edit");
  if (!gate.ok) return gate;
  if (!(data instanceof FormData)) return fail("INVALID_INPUT");
  const id = idSchema.safeParse(data.get("entryId"));
  if (!id.success) return fail("INVALID_INPUT", firstIssue(id.error));
  const entry = await staffAchievementById(gate.user.organisationId, id.data);
  if (!entry) return fail("NOT_FOUND", "Запись не найдена");
  if (!(await staffPortfolioRights(gate.user, entry.userId)).edit) return fail("FORBIDDEN");
  await deleteStaffAchievement(gate.user.organisationId, entry.id);
  if (entry.storageKey) await deleteFile(entry.storageKey).catch(() => undefined);
  revalidatePath(`/portfolio/staff/${entry.userId}`);
  return ok({ message: "Запись удалена" });
}
