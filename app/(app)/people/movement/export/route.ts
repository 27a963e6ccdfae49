// GET /people/movement/export?classId=&kind=&from=&to= — the movement book (PPL-3) as XLSX
// (PPL-5): every entry the reader may see on «Книга движения» (all, or those of own class /
// department) under the page's filters.
import { requireAccessForRoute } from "@/lib/access/guard";
import { formatDate, todayIn } from "@/lib/org/time";
import { EDUCATION_FORM_LABELS, type EducationFormValue } from "@/lib/people/card-rules";
import { exportMovementBook } from "@/lib/people/lists/export";
import { xlsxResponse } from "@/lib/people/lists/xlsx";
import { loadMovementBook } from "@/lib/people/movement/loaders";
import { movementFilterSchema } from "@/lib/people/movement/schema";

export async function GET(request: Request): Promise<Response> {
  const access = await requireAccessForRoute("movement.view");
  if (!access.ok) return access.response;
  const filter = movementFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const rows = await loadMovementBook(access.user, access.scopes, 100_000, filter);
  const file = await exportMovementBook(
    rows,
    { formatDate, formLabel: (f) => EDUCATION_FORM_LABELS[f as EducationFormValue] ?? f },
    todayIn(access.user.timeZone),
  );
  return xlsxResponse(file);
}
