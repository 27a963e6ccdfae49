// GET /people/classes/:id/export?list=students|medical&date= — the class list or the medical
// list (seed 003: ФИО, группа здоровья, физ. группа) as XLSX (PPL-5). Full-card readers only.
import { z } from "zod";
import { singleLine } from "@/lib/schema";
import { authorizeUserForRoute, requireUserForRoute } from "@/lib/access/guard";
import { fail } from "@/lib/errors";
import { formatDate, todayIn } from "@/lib/org/time";
import { EDUCATION_FORM_LABELS, type EducationFormValue } from "@/lib/people/card-rules";
import { fullName } from "@/lib/people/names";
import { exportClassList } from "@/lib/people/lists/export";
import { idSchema, parseCalendarDate } from "@/lib/people/schema";
import { xlsxResponse } from "@/lib/people/lists/xlsx";

const query = z.object({ list: z.enum(["students", "medical"]), date: singleLine().optional() });

export async function GET(request: Request, { params }: { params: Promise<{ classId: string }> }): Promise<Response> {
  const signedIn = await requireUserForRoute();
  if (!signedIn.ok) return signedIn.response;
  const id = idSchema.safeParse((await params).classId);
  const q = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!id.success) return Response.json(fail("NOT_FOUND"), { status: 404 });
  if (!q.success) return Response.json(fail("INVALID_INPUT", "Неизвестный список"), { status: 400 });
  const access = await authorizeUserForRoute(signedIn.user, "people.manage", { kind: "class", classId: id.data });
  if (!access.ok) return access.response;
  const date = (q.data.date && parseCalendarDate(q.data.date)) || todayIn(access.user.timeZone);
  const file = await exportClassList(access.user.organisationId, id.data, q.data.list, date, {
    formatDate,
    personName: fullName,
    formLabel: (f) => EDUCATION_FORM_LABELS[f as EducationFormValue] ?? f,
  });
  if (!file) return Response.json(fail("NOT_FOUND"), { status: 404 });
  return xlsxResponse(file);
}
