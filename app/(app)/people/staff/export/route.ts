// GET /people/staff/export — the staff list («краткие сведения»: ФИО, должность, телефон,
// e-mail) as XLSX (PPL-5), for whoever may read that list (staff.brief).
import { requireAccessForRoute } from "@/lib/access/guard";
import { formatDate, todayIn } from "@/lib/org/time";
import { exportStaffList } from "@/lib/people/lists/export";
import { xlsxResponse } from "@/lib/people/lists/xlsx";
import { loadStaffBrief } from "@/lib/people/staff/loaders";

export async function GET(): Promise<Response> {
  const access = await requireAccessForRoute("staff.brief");
  if (!access.ok) return access.response;
  const file = await exportStaffList(await loadStaffBrief(access.user), formatDate, todayIn(access.user.timeZone));
  return xlsxResponse(file);
}
