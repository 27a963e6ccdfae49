// PRG-1: the programme pages' reads and the КТП due warnings (home widget, programmes page, control).
import type { HomeWidget } from "@/lib/home/widget";
import { formatDate } from "@/lib/org/time";
import {
  approvedProgrammes,
  currentYearOf,
  listProgrammes,
  programmeDetail,
  programmeLoads,
  programmesLoads,
  subjectOptions,
} from "./data";

import { dueText, dueWarnings, type DueWarning } from "./rules";

/** The КТП due from approved programmes: of one teacher (`teacherId`) or of everyone (null). */
export async function ktpDueWarnings(
  organisationId: number,
  teacherId: number | null,
  now: Date,
): Promise<DueWarning[]> {
  const year = await currentYearOf(organisationId);
  if (!year) return [];
  const programmes = await approvedProgrammes(organisationId, year.id);
  const loads = await programmesLoads(organisationId, programmes, teacherId);
  const withLoads = programmes.map((p) => ({
    id: p.id,
    title: p.title,
    approvedAt: p.approvedAt!,
    loads: loads.get(p.id) ?? [],
  }));
  return dueWarnings(withLoads, now).sort((a, b) => a.due.getTime() - b.due.getTime());
}

/** DAY-2 widget: the teacher's own КТП due (scope «own»), or everyone's for the deputy. */
export async function ktpDueWidget(organisationId: number, teacherId: number | null, now: Date): Promise<HomeWidget> {
  const warnings = await ktpDueWarnings(organisationId, teacherId, now);
  return {
    key: "ktp-due",
    title: "КТП по рабочим программам",
    empty: "Сроков сдачи КТП нет.",
    tasks: warnings.slice(0, 8).map((w) => ({
      href: `/plans/programmes/${w.programmeId}`,
      text: teacherId === null ? `${w.teacherName}: ${dueText(w, formatDate)}` : dueText(w, formatDate),
      note: w.overdue ? "просрочено" : undefined,
    })),
  };
}

/** The programmes page: the year's programmes, the subjects for a new one, the КТП due (own or all). */
export async function loadProgrammeList(organisationId: number, teacherId: number | null, now: Date) {
  const year = await currentYearOf(organisationId);
  if (!year) return null;
  const [rows, subjects, warnings] = await Promise.all([
    listProgrammes(organisationId, year.id),
    subjectOptions(organisationId),
    ktpDueWarnings(organisationId, teacherId, now),
  ]);
  return { year, rows, subjects, warnings };
}

/** One programme with its sections, the КТП made from it and the loads it is for. */
export async function loadProgramme(organisationId: number, programmeId: number, teacherId: number | null) {
  const detail = await programmeDetail(organisationId, programmeId);
  if (!detail) return null;
  const loads = await programmeLoads(organisationId, detail, teacherId);
  return { ...detail, loads };
}
