// The archive register as XLSX (REC-5): /api/archive/register[?year=<id>] — every archived document
// with its dates, SHA-256, retention end and state, and the acts of destruction; archive.manage.
import { z } from "zod";
import { requireAccessForRoute } from "@/lib/access/guard";
import { loadRegisterPage } from "@/lib/archive/loaders";
import { registerModel } from "@/lib/archive/register";
import { fail } from "@/lib/errors";
import { renderModel } from "@/lib/reports/build";
import { fileResponse } from "@/lib/reports/download";
import { idSchema } from "@/lib/schema";

const query = z.object({ year: idSchema.optional() });

export async function GET(request: Request) {
  const access = await requireAccessForRoute("archive.manage");
  if (!access.ok) return access.response;
  const raw = new URL(request.url).searchParams.get("year");
  const parsed = query.safeParse({ year: raw || undefined });
  if (!parsed.success) return Response.json(fail("INVALID_INPUT", "Неверный учебный год"), { status: 400 });
  const now = new Date();
  const page = await loadRegisterPage(access.user, parsed.data.year, now);
  const year = parsed.data.year ? page.years.find((y) => y.id === parsed.data.year) : undefined;
  if (parsed.data.year && !year) return Response.json(fail("NOT_FOUND", "Учебный год не найден"), { status: 404 });
  const model = registerModel({
    orgName: access.user.orgName,
    rows: page.rows,
    acts: page.acts,
    scope: year ? year.name : "все годы",
    today: page.today,
    now,
    timeZone: access.user.timeZone,
  });
  const file = await renderModel(model, "xlsx", access.user.timeZone);
  return fileResponse(file.bytes, file.fileName, file.contentType, "xlsx");
}
