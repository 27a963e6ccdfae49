// «Итоги учебного плана» (ORG-6): the reads and the pure totals for one page — hours per class ×
// period, one class's hours per subject × period, and the comparison with тарификация.
import { classesToList, listScope } from "@/lib/access/scope";
import type { Scope } from "@/lib/access/matrix";
import type { CurrentUser } from "@/lib/auth/session";
import {
  loadClassesOfYear,
  loadCurrentYear,
  loadCurriculumOfYear,
  loadLoads,
  loadSubjects,
  loadYears,
} from "../setup/loaders";
import { compareWithLoad, curriculumGrid, studyWeeks, type PeriodKey } from "./rules";

export type PeriodColumn = { key: PeriodKey; label: string };

export async function loadCurriculumOverview(
  user: CurrentUser,
  scopes: readonly Scope[],
  wantedClassId: number | undefined,
) {
  const year = await loadCurrentYear(user);
  if (!year) return null;
  const [allClasses, items, loads, subjects, years, inScope] = await Promise.all([
    loadClassesOfYear(user, year.id),
    loadCurriculumOfYear(user, year.id),
    loadLoads(user, year.id, null),
    loadSubjects(user),
    loadYears(user),
    listScope(user, { scopes }).then(classesToList),
  ]);
  const classes = inScope ? allClasses.filter((c) => inScope.has(c.id)) : allClasses;
  const ids = new Set(classes.map((c) => c.id));
  const mine = items.filter((i) => ids.has(i.classId));
  const myLoads = loads
    .filter((l) => ids.has(l.classId))
    .map((l) => ({
      classId: l.classId,
      subjectId: l.subjectId,
      subgroupId: l.subgroupId,
      hoursPerWeek: Number(l.hoursPerWeek),
      hoursPerYear: l.hoursPerYear === null ? null : Number(l.hoursPerYear),
    }));
  const full = years.find((y) => y.id === year.id);
  const periods = full?.periods ?? [];
  const holidays = full?.holidays ?? [];
  const weeks = new Map(
    classes.map((c) => [
      c.id,
      studyWeeks(
        periods.filter((p) => p.kind === c.periodKind),
        holidays.filter((h) => h.grade === null || h.grade === c.grade),
      ),
    ]),
  );
  const grid = curriculumGrid(mine);
  const columns: PeriodColumn[] = [
    ...(grid.byPeriod.has("year") ? [{ key: "year" as const, label: "весь год" }] : []),
    ...periods.filter((p) => grid.byPeriod.has(p.id)).map((p) => ({ key: p.id, label: p.name })),
  ];
  const cls = classes.find((c) => c.id === wantedClassId) ?? classes[0] ?? null;
  const classGrid = cls
    ? curriculumGrid(
        mine.filter((i) => i.classId === cls.id),
        (i) => i.subjectId,
      )
    : null;
  const classColumns = classGrid ? columns.filter((c) => classGrid.byPeriod.has(c.key)) : [];
  const comparison = compareWithLoad(mine, myLoads, (classId) => weeks.get(classId) ?? 0);
  return {
    year,
    classes: classes.map((c) => ({ id: c.id, name: c.name, weeks: weeks.get(c.id) ?? 0 })),
    subjectName: new Map(subjects.map((s) => [s.id, s.name])),
    columns,
    grid,
    cls,
    classGrid,
    classColumns,
    comparison,
  };
}
