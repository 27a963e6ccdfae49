// GET /admin/visits/export?role=&q=&never=1 — visit statistics (AUTH-5) as XLSX (PPL-5): everyone for ADMIN, the
// students and parents of own class for a class teacher — exactly what the page shows.
import { requireAccessForRoute } from "@/lib/access/guard";
import { isRole, roleLabel } from "@/lib/access/roles";
import { formatDate, formatDateTime, todayIn } from "@/lib/org/time";
import { exportVisits } from "@/lib/people/lists/export";
import { xlsxResponse } from "@/lib/people/lists/xlsx";
import { loadVisitStats } from "@/lib/people/logins/loaders";
import { filterVisits, visitFilterSchema } from "@/lib/people/logins/schema";

export async function GET(request: Request): Promise<Response> {
  const access = await requireAccessForRoute("audit.view");
  if (!access.ok) return access.response;
  const { user } = access;
  const filter = visitFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const rows = filterVisits(await loadVisitStats(user, access.scopes), filter);
  const file = await exportVisits(
    rows,
    {
      formatDateTime: (d) => formatDateTime(d, user.timeZone),
      roleLabel: (r) => (isRole(r) ? roleLabel(r, user.orgKind) : null),
    },
    `Статистика посещений на ${formatDate(todayIn(user.timeZone))}`,
  );
  return xlsxResponse(file);
}
