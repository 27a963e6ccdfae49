// PRG-2 + RPT-3: the clubs' attendance report — for one club or every club the user may see, over
// an academic period or a date range: per member the sessions held, absences by reason (the same
// codes and definitions as RPT-3: lib/reports/rules attendanceFigures, one session = one unit),
// lateness and the share attended; a subtotal per club when there are several, a totals row. Built
// as the neutral report model and rendered by lib/reports (PDF and XLSX hold the same cells).
import { formatDate } from "@/lib/org/time";
import {
  attendanceFigureHeader,
  sumFigures,
  reportFileName,
  yearShort,
  type AttendanceFigures,
} from "@/lib/reports/rules";
import type { CellValue, ReportModel } from "@/lib/reports/model";
import { clubsForReport } from "./data";
import { attendedShare, clubReportLines } from "./rules";

export type ClubReportInput = {
  organisationId: number;
  orgName: string;
  year: { id: number; name: string };
  /** One club, or null = every club the leader filter lets through. */
  clubId: number | null;
  /** The leader whose own clubs are listed (scope «leader»); null = every club. */
  leaderId: number | null;
  from: Date;
  to: Date;
  /** «1 четверть» when chosen as an academic period; null for a date range. */
  periodName: string | null;
  now: Date;
};

function cells(label: string[], sessions: number, f: AttendanceFigures): CellValue[] {
  return [
    ...label,
    sessions,
    f.missed,
    f.excused,
    f.unexcused,
    f.illness,
    f.unknown,
    f.late,
    attendedShare(sessions, f.missed),
  ];
}

/** The model, or null when the filter leaves no club (not found or not the user's). */
export async function buildClubAttendanceReport(input: ClubReportInput): Promise<ReportModel | null> {
  const clubs = await clubsForReport(
    input.organisationId,
    input.year.id,
    { clubId: input.clubId, leaderId: input.leaderId },
    input.from,
    input.to,
  );
  if (clubs.length === 0) return null;
  const single = input.clubId !== null;
  const rows: CellValue[][] = [];
  const subtotalRows: number[] = [];
  const totals: { sessions: number; f: AttendanceFigures }[] = [];
  for (const club of clubs) {
    const lines = clubReportLines(club.memberIds, club.sessions);
    const clubLabel = single ? [] : [club.name];
    for (const l of lines)
      rows.push(
        cells(
          [
            ...clubLabel,
            `${club.nameOf(l.studentId)}${l.former ? " (выбыл из объединения)" : ""}`,
            club.classOf(l.studentId),
          ],
          l.sessions,
          l.figures,
        ),
      );
    const sum = { sessions: lines.reduce((n, l) => n + l.sessions, 0), f: sumFigures(lines.map((l) => l.figures)) };
    totals.push(sum);
    if (!single) {
      subtotalRows.push(rows.length);
      rows.push(cells([`Итого по «${club.name}»`, `занятий: ${club.sessions.length}`, ""], sum.sessions, sum.f));
    }
  }
  const all = { sessions: totals.reduce((n, t) => n + t.sessions, 0), f: sumFigures(totals.map((t) => t.f)) };
  const range = `${formatDate(input.from)} — ${formatDate(input.to)}`;
  const period = input.periodName ? `${input.periodName} (${range})` : range;
  const first = clubs[0]!;
  return {
    title: "Посещаемость объединений",
    organisationName: input.orgName,
    parameters: [
      single
        ? { label: "Объединение", value: first.name }
        : { label: "Объединения", value: input.leaderId !== null ? `которые ведёт ${first.leaderName}` : "все" },
      ...(single ? [{ label: "Руководитель", value: first.leaderName }] : []),
      { label: "Период", value: period },
      ...(single ? [{ label: "Проведено занятий", value: String(first.sessions.length) }] : []),
    ],
    orientation: "landscape",
    header: [
      ...(single ? [] : [{ label: "Объединение" }]),
      { label: "Ученик" },
      { label: "Класс" },
      { label: "Занятий проведено" },
      ...attendanceFigureHeader("Пропущено занятий"),
      { label: "Посещено" },
    ],
    columns: [
      ...(single ? [] : [{ kind: "text" as const, key: true }]),
      { kind: "text", key: true },
      { kind: "mark" },
      ...Array.from({ length: 7 }, () => ({ kind: "number" as const })),
      { kind: "percent" },
    ],
    rows,
    subtotalRows: single ? undefined : subtotalRows,
    totals: [cells(single ? ["Итого", ""] : ["Итого", "", ""], all.sessions, all.f)],
    notes: [
      "Занятий проведено — занятия объединения за период, пока ученик в нём состоял; выбывший ученик учитывается до последнего отмеченного занятия, его отметки сохраняются.",
      "Опоздание не считается пропуском; «Посещено» — доля проведённых занятий без пропуска.",
    ],
    printedAt: input.now,
    fileName: reportFileName([
      "Посещаемость объединений",
      single ? first.name : null,
      input.periodName ?? range.replace(" — ", "–"),
      yearShort(input.year.name),
    ]),
  };
}
