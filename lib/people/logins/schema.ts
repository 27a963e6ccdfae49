// Filters of «Статистика посещений» (AUTH-5) from the query string; malformed ones are not applied.
import { z } from "zod";
import { singleLine } from "@/lib/schema";
import { ROLES } from "@/lib/access/roles";
import type { VisitRow } from "./data";

export const visitFilterSchema = z.object({
  role: z.enum(ROLES).optional().catch(undefined),
  q: singleLine().trim().min(1).max(60).optional().catch(undefined),
  never: z.literal("1").optional().catch(undefined),
});
export type VisitFilter = z.output<typeof visitFilterSchema>;

/** Rows by role, by the start of the surname (case-insensitive) and «never signed in». */
export function filterVisits(rows: readonly VisitRow[], f: Partial<VisitFilter>): VisitRow[] {
  const q = f.q?.toLocaleLowerCase("ru");
  return rows.filter(
    (r) =>
      (!f.role || r.roles.includes(f.role)) &&
      (!q || r.fullName.toLocaleLowerCase("ru").startsWith(q)) &&
      (!f.never || r.lastVisit === null),
  );
}
