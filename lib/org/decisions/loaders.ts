// Session-bound reads of «Решения педсовета» (REC-4). The page has passed the gate (decisions.edit).
import type { CurrentUser } from "@/lib/auth/session";
import { listYears } from "@/lib/org/year/data";
import { pickYear } from "@/lib/org/year/rules";
import { classYearId, decisionClasses, decisionSheet } from "./data";
import { startingDecision } from "./rules";

export async function loadDecisionsPage(user: CurrentUser, wanted: { yearId?: number; classId?: number }) {
  const [years, classYear] = await Promise.all([
    listYears(user.organisationId),
    wanted.classId && !wanted.yearId ? classYearId(user.organisationId, wanted.classId) : Promise.resolve(null),
  ]);
  const year = pickYear(years, wanted.yearId ?? classYear);
  if (!year) return { years, year: null, classes: [], sheet: null };
  const [classes, sheet] = await Promise.all([
    decisionClasses(user.organisationId, year.id),
    wanted.classId ? decisionSheet(user.organisationId, year.id, wanted.classId) : Promise.resolve(null),
  ]);
  return {
    years,
    year,
    classes,
    sheet: sheet && {
      ...sheet,
      students: sheet.students.map((s) => ({
        ...s,
        starting: startingDecision(s.recorded, s.expulsion, sheet.orgKind, sheet.cls.grade),
      })),
    },
  };
}

export type DecisionsPage = Awaited<ReturnType<typeof loadDecisionsPage>>;
