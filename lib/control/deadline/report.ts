// DUT-1 figures for the control page and RPT-11: per teacher, the lessons filled by the daily
// deadline on a day, in its week and in its month (up to the day), as rows and as a report model.
import { formatDate } from "@/lib/org/time";
import type { ReportModel } from "@/lib/reports/model";
import { fullName } from "@/lib/people/names";
import { teacherShareCounts } from "./data";
import { deadlineText, sharePercent, shareRanges, sharesFrom, shareText, type Share } from "./rules";
import { compareRu } from "@/lib/org/collation";
import { cap, vocabulary } from "@/lib/org/vocabulary";

export type DeadlineRow = { teacherId: number; teacher: string; day: Share; week: Share; month: Share };

export type DeadlineFigures = {
  day: Date;
  deadline: string;
  rows: DeadlineRow[];
  totals: Omit<DeadlineRow, "teacherId" | "teacher">;
};

/**
 * The shares of `day` for the teachers of the classes in scope (null = all), optionally one teacher:
 * counted per teacher in PostgreSQL (TEACHER_SHARES, one statement — issue 22 item 7), the ranges
 * from shareRanges; named and ordered here.
 */
export async function deadlineFigures(
  organisationId: number,
  q: { day: Date; classIds: ReadonlySet<number> | null; teacherId?: number },
  now: Date,
): Promise<DeadlineFigures> {
  const scope = { from: sharesFrom(q.day), to: q.day, classIds: q.classIds, teacherId: q.teacherId };
  const ranges = shareRanges(q.day);
  const found = await teacherShareCounts(
    organisationId,
    scope,
    { day: q.day, weekFrom: ranges.week[0], monthFrom: ranges.month[0] },
    now,
  );
  const share = (onTime: number, due: number): Share => ({ onTime, due });
  return figuresOf(
    q.day,
    found.minutes,
    found.teachers.map((r) => ({
      teacherId: r.teacherId,
      teacher:
        r.lastName === null
          ? "—"
          : fullName({ lastName: r.lastName, firstName: r.firstName ?? "", middleName: r.middleName }),
      day: share(r.dayOnTime, r.dayDue),
      week: share(r.weekOnTime, r.weekDue),
      month: share(r.monthOnTime, r.monthDue),
    })),
  );
}

/** The figures of a day from each teacher's named shares: the rows by name, their totals, the deadline's text. */
export function figuresOf(day: Date, minutes: number, rows: readonly DeadlineRow[]): DeadlineFigures {
  const sorted = [...rows].sort((a, b) => compareRu(a.teacher, b.teacher));
  const sum = (key: "day" | "week" | "month"): Share => ({
    onTime: sorted.reduce((n, r) => n + r[key].onTime, 0),
    due: sorted.reduce((n, r) => n + r[key].due, 0),
  });
  return {
    day,
    deadline: deadlineText(minutes),
    rows: sorted,
    totals: { day: sum("day"), week: sum("week"), month: sum("month") },
  };
}

export function buildDeadlineModel(input: {
  orgName: string;
  isCollege: boolean;
  figures: DeadlineFigures;
  now: Date;
}): ReportModel {
  const f = input.figures;
  // DAY-6 (issue 22 round 24): the file in the organisation's words, as the page's DUT-1 block since round 23.
  const v = vocabulary(input.isCollege);
  // The first grade's «не предусмотрено» is a school's (a college has no first class).
  const firstGrade = v.kind === "COLLEGE" ? "" : " («не предусмотрено» в 1 классе)";
  const cells = (s: Share) => [s.onTime, s.due, sharePercent(s)];
  const group = (label: string) => ({
    label,
    children: [{ label: "в срок" }, { label: v.lesson.genPl }, { label: "%" }],
  });
  return {
    // The title names the sheet of the XLSX file: no «:» there, the deadline goes to the parameters.
    title: "Заполнение журнала в срок",
    organisationName: input.orgName,
    parameters: [
      { label: "На дату", value: formatDate(f.day) },
      { label: "Срок заполнения", value: `до ${f.deadline} (время организации)` },
    ],
    orientation: "landscape",
    header: [{ label: cap(v.teacher.nom) }, group("День"), group("Неделя"), group("Месяц")],
    columns: [{ kind: "text" }, ...Array.from({ length: 9 }, () => ({ kind: "number" as const }))],
    rows: f.rows.map((r) => [r.teacher, ...cells(r.day), ...cells(r.week), ...cells(r.month)]),
    totals: f.rows.length ? [["Итого", ...cells(f.totals.day), ...cells(f.totals.week), ...cells(f.totals.month)]] : [],
    notes: [
      `${cap(v.lesson.nom)} ${v.lessonFilled} в срок, если до ${f.deadline} дня ${v.lesson.gen} (по времени организации) внесены тема, посещаемость, домашнее задание или отметка «не задано»${firstGrade} и отметки за задания со сроком в этот день.`,
      `Неделя — с понедельника по эту дату, месяц — с 1-го числа по эту дату; не заполненные ${v.lesson.nomPl}, срок которых ещё не наступил, не считаются.`,
      `Итого: день ${shareText(f.totals.day)}, неделя ${shareText(f.totals.week)}, месяц ${shareText(f.totals.month)}.`,
    ],
    printedAt: input.now,
  };
}
