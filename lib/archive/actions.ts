"use server";
// The year archive (ARC-1): build a set for a year and verify a set against its manifest,
// through the gate (archive.manage).
import { fieldErrorsOf, idOf } from "@/lib/schema";
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { todayIn } from "@/lib/org/time";
import { serverNow } from "@/lib/org/clock";
import { closeYearAgain, recordReopeningArchive } from "@/lib/org/year/mutations";
import { buildArchive } from "./build";
import { disposalMessage, disposeDocuments } from "./disposal";
import { saveRetention } from "./mutations";
import { PROBLEM_LABELS } from "./rules";
import { disposalSchema, retentionSchema } from "./schema";
import { verifyArchive } from "./verify";

const id = idOf("Неверный номер");

type Done = ActionResult<{ message: string; lines: string[] }>;
type Step = ActionResult<{ message: string }>;

export async function buildArchiveAction(_prev: Done | null, data: FormData): Promise<Done> {
  const parsed = id.safeParse(data.get("yearId"));
  if (!parsed.success) return fail("INVALID_INPUT", "Выберите учебный год");
  const access = await requireAccessForAction("archive.manage");
  if (!access.ok) return access;
  const result = await buildArchive(access.user.organisationId, parsed.data, access.user.id, new Date());
  if (!result.ok) return fail("NOT_FOUND", result.message);
  revalidatePath("/archive");
  return ok({ message: `Архив сформирован: файлов ${result.files}`, lines: result.skipped });
}

export async function verifyArchiveAction(_prev: Done | null, data: FormData): Promise<Done> {
  const parsed = id.safeParse(data.get("setId"));
  if (!parsed.success) return fail("INVALID_INPUT", "Неверный архив");
  const access = await requireAccessForAction("archive.manage");
  if (!access.ok) return access;
  const report = await verifyArchive(access.user.organisationId, parsed.data);
  if (!report) return fail("NOT_FOUND", "Архив не найден");
  return ok({
    message:
      report.problems.length === 0
        ? `Архив цел: проверено файлов ${report.checked}${report.destroyed ? `, уничтожено по акту ${report.destroyed}` : ""}`
        : `Нарушена целостность: ${report.problems.length} из ${report.checked}`,
    lines: report.problems.map((p) => `${p.name} — ${PROBLEM_LABELS[p.problem]}`),
  });
}

export type SettingsState = ActionResult<{ message: string }>;

/** REC-5: the retention period per document kind — the organisation's setting (org.settings, ADMIN). */
export async function saveRetentionAction(_prev: SettingsState | null, data: FormData): Promise<SettingsState> {
  const parsed = retentionSchema.safeParse(Object.fromEntries(data));
  if (!parsed.success) return fail("INVALID_INPUT", undefined, fieldErrorsOf(parsed.error));
  const access = await requireAccessForAction("org.settings");
  if (!access.ok) return access;
  await saveRetention(access.user.organisationId, access.user.id, parsed.data);
  revalidatePath("/archive/register");
  return ok({ message: "Сроки хранения сохранены; они действуют для архивов, сформированных после этого" });
}

/**
 * REC-5: ADMIN confirms the act of destruction (archive.dispose) for documents past their retention
 * on today's date in the organisation's time zone; the act's PDF is kept, the files are removed.
 */
export async function disposeAction(_prev: SettingsState | null, data: FormData): Promise<SettingsState> {
  const parsed = disposalSchema.safeParse({
    documentIds: data.getAll("documentId"),
    basis: data.get("basis") ?? undefined,
    confirm: data.get("confirm") ?? undefined,
  });
  if (!parsed.success) return fail("INVALID_INPUT", parsed.error.issues[0]?.message, fieldErrorsOf(parsed.error));
  const access = await requireAccessForAction("archive.dispose");
  if (!access.ok) return access;
  const now = new Date();
  const today = todayIn(access.user.timeZone, now);
  const out = await disposeDocuments(access.user, parsed.data, today, now);
  if (!out.ok) return fail("INVALID_INPUT", out.message);
  revalidatePath("/archive/register");
  revalidatePath("/archive");
  return ok({ message: disposalMessage(out, today) });
}

/**
 * REC-2: closes a reopened year again (year.transition) and writes a new archive edition beside the
 * earlier ones, with its own manifest; the edition is recorded on the reopening. lib/org/year reopens
 * the year; closing it again orchestrates the archive, so it lives here (archive depends on org, not back).
 */
export async function closeYearAgainAction(_prev: Step | null, form: FormData): Promise<Step> {
  const yearId = id.safeParse(form.get("yearId"));
  if (!yearId.success) return fail("INVALID_INPUT", "Неверный учебный год");
  const access = await requireAccessForAction("year.transition");
  if (!access.ok) return access;
  const { organisationId, id: userId } = access.user;
  const now = serverNow();
  const r = await closeYearAgain(organisationId, userId, yearId.data, now);
  if (!r.ok) return fail("CONFLICT", r.message);
  revalidatePath("/", "layout");
  const built = await buildArchive(organisationId, yearId.data, userId, now, { number: r.edition, reason: r.reason });
  if (!built.ok) return ok({ message: `Учебный год ${r.name} закрыт. Архив не сформирован: ${built.message}` });
  await recordReopeningArchive(organisationId, r.reopeningId, built.setId);
  return ok({ message: `Учебный год ${r.name} закрыт; архив, редакция ${r.edition}: файлов ${built.files}` });
}
