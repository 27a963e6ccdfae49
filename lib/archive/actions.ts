"use server";
// The year archive (ARC-1): build a set for a year and verify a set against its manifest,
// through the gate (archive.manage).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireAccessForAction } from "@/lib/access/guard";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { buildArchive } from "./build";
import { PROBLEM_LABELS } from "./rules";
import { verifyArchive } from "./verify";

const id = z.coerce
  .number({ error: "Неверный номер" })
  .int("Неверный номер")
  .positive("Неверный номер")
  .max(2_147_483_647, "Неверный номер");

type Done = ActionResult<{ message: string; lines: string[] }>;

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
        ? `Архив цел: проверено файлов ${report.checked}`
        : `Нарушена целостность: ${report.problems.length} из ${report.checked}`,
    lines: report.problems.map((p) => `${p.name} — ${PROBLEM_LABELS[p.problem]}`),
  });
}
