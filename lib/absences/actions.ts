"use server";
// Absences by the class teacher (DUT-3) and parents' absence notices (DUT-4): zod → the gate
// (absence.record / absence.notify on the student) → the command (lock decision, one transaction)
// → revalidate. Refusals are values with Russian messages; nothing is written on a refusal.
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { serverNow } from "@/lib/org/clock";
import { decideNotice, fileNotice, recordAbsence, updateAbsence, withdrawAbsence } from "./commands";
import { rangeText } from "./rules";
import { absenceCreate, absenceUpdate, absenceWithdraw, issues, noticeCreate, noticeDecision } from "./schema";

type Done = ActionResult<{ message: string }>;

function fields(data: FormData, names: readonly string[]): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const n of names) {
    const v = data.get(n);
    out[n] = typeof v === "string" ? v : undefined;
  }
  return out;
}

async function upload(data: FormData): Promise<{ name: string; type: string; bytes: Uint8Array } | null> {
  const f = data.get("file");
  if (!f || typeof f === "string" || f.size === 0) return null;
  return { name: f.name, type: f.type, bytes: new Uint8Array(await f.arrayBuffer()) };
}

const DOCUMENT_FIELDS = ["dateFrom", "dateTo", "reason", "documentKind", "documentNumber", "documentDate"] as const;

function refused(error: Parameters<typeof issues>[0]): Done {
  const { message, fieldErrors } = issues(error);
  return fail("INVALID_INPUT", message, fieldErrors);
}

function revalidate(): void {
  revalidatePath("/journal/absences");
  revalidatePath("/journal");
  revalidatePath("/");
}

const lessonsWord = (n: number) =>
  n % 10 === 1 && n % 100 !== 11
    ? "урок"
    : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100)
      ? "урока"
      : "уроков";

export async function recordAbsenceAction(_prev: Done | null, data: FormData): Promise<Done> {
  const parsed = absenceCreate.safeParse(fields(data, ["studentId", ...DOCUMENT_FIELDS]));
  if (!parsed.success) return refused(parsed.error);
  const access = await requireAccessForAction("absence.record", { kind: "student", studentId: parsed.data.studentId });
  if (!access.ok) return access;
  const r = await recordAbsence(access.user, parsed.data, await upload(data), serverNow());
  if (!r.ok) return r;
  revalidate();
  return ok({
    message: `Отсутствие ${rangeText(parsed.data.dateFrom, parsed.data.dateTo)} записано: отмечено ${r.data.changed} ${lessonsWord(r.data.changed)}`,
  });
}

export async function updateAbsenceAction(_prev: Done | null, data: FormData): Promise<Done> {
  const parsed = absenceUpdate.safeParse(fields(data, ["absenceId", ...DOCUMENT_FIELDS]));
  if (!parsed.success) return refused(parsed.error);
  const access = await requireAccessForAction("absence.record");
  if (!access.ok) return access;
  const r = await updateAbsence(access.user, parsed.data, await upload(data), serverNow());
  if (!r.ok) return r;
  revalidate();
  return ok({ message: `Отсутствие изменено: уроков изменено ${r.data.changed}` });
}

export async function withdrawAbsenceAction(_prev: Done | null, data: FormData): Promise<Done> {
  const parsed = absenceWithdraw.safeParse(fields(data, ["absenceId"]));
  if (!parsed.success) return refused(parsed.error);
  const access = await requireAccessForAction("absence.record");
  if (!access.ok) return access;
  const r = await withdrawAbsence(access.user, parsed.data.absenceId, serverNow());
  if (!r.ok) return r;
  revalidate();
  return ok({ message: `Отсутствие отменено: уроков возвращено ${r.data.changed}` });
}

export async function fileNoticeAction(_prev: Done | null, data: FormData): Promise<Done> {
  const parsed = noticeCreate.safeParse(fields(data, ["studentId", "dateFrom", "dateTo", "reason", "comment"]));
  if (!parsed.success) return refused(parsed.error);
  const access = await requireAccessForAction("absence.notify", { kind: "student", studentId: parsed.data.studentId });
  if (!access.ok) return access;
  const r = await fileNotice(access.user, parsed.data, await upload(data), serverNow());
  if (!r.ok) return r;
  revalidatePath("/diary/absences");
  revalidatePath("/");
  return ok({ message: "Сообщение отправлено классному руководителю" });
}

export async function decideNoticeAction(_prev: Done | null, data: FormData): Promise<Done> {
  const parsed = noticeDecision.safeParse(fields(data, ["decision", "noticeId", "reason", "declineReason"]));
  if (!parsed.success) return refused(parsed.error);
  const access = await requireAccessForAction("absence.record");
  if (!access.ok) return access;
  const r = await decideNotice(access.user, parsed.data, serverNow());
  if (!r.ok) return r;
  revalidate();
  return ok({
    message: parsed.data.decision === "accept" ? "Отсутствие принято и отмечено в журнале" : "Родителю отправлен отказ",
  });
}
