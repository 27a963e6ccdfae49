// REG-3: the comparison page's reads — the year's result sets and, for one exam and subject, the
// comparison with the year marks per class and for the organisation.
import type { CurrentUser } from "@/lib/auth/session";
import { classNames, currentYear, resultSets, resultsOf, yearMarksOf } from "./data";
import { compareWithYearMarks, type Exam } from "./rules";

export async function loadExternalResults(user: CurrentUser, pick: { exam?: Exam; subjectId?: number }) {
  const year = await currentYear(user.organisationId);
  if (!year) return { year: null, sets: [], comparison: null };
  const sets = await resultSets(user.organisationId, year.id);
  const set = sets.find((s) => s.exam === pick.exam && s.subjectId === pick.subjectId) ?? sets[0];
  if (!set) return { year, sets, comparison: null };
  const results = await resultsOf(user.organisationId, year.id, set.exam, set.subjectId);
  const [marks, classes] = await Promise.all([
    yearMarksOf(
      user.organisationId,
      year.id,
      set.subjectId,
      results.map((r) => r.studentId),
    ),
    classNames(user.organisationId, [...new Set(results.map((r) => r.classId))]),
  ]);
  const rows = compareWithYearMarks(
    classes.map((c) => c.id),
    results,
    marks,
  );
  return { year, sets, comparison: { set, rows, classNames: new Map(classes.map((c) => [c.id, c.name])) } };
}
