// ORG-3: the academic year containing `today`, its periods and holidays, with
// realistic Russian dates (ФОП calendar: autumn holidays at the turn of
// October/November, winter 29 Dec – 11 Jan, spring at the end of March, an extra
// February week for the first grade) and the public holidays on weekdays.
import type { PeriodKind } from "../generated/prisma/enums";
import { addDays, day, isWeekend, onOrAfter, weekdayBefore, weekdayOnOrBefore, within } from "./dates";

export interface PeriodDef {
  kind: PeriodKind;
  number: number;
  name: string;
  start: Date;
  end: Date;
}

export interface HolidayDef {
  name: string;
  start: Date;
  end: Date;
  /** Only these grades rest (the February week of the first grade); undefined = everyone. */
  grades?: number[];
}

export interface Calendar {
  startYear: number;
  /** «2026/2027» */
  name: string;
  start: Date;
  end: Date;
  periods: PeriodDef[];
  holidays: HolidayDef[];
  isSchoolDay(d: Date, grade: number): boolean;
  /** School days of a grade from the start to the end of the year, in order. */
  schoolDays(grade: number): Date[];
}

/** The academic year runs from 1 September; January–August belong to the year begun before. */
export function academicStartYear(today: Date): number {
  const y = today.getUTCFullYear();
  return today.getUTCMonth() >= 8 ? y : y - 1;
}

/** Fixed public holidays; one on a weekend moves to the following Monday. */
function publicHolidays(startYear: number): HolidayDef[] {
  const y1 = startYear + 1;
  const list: Array<[string, Date]> = [
    ["День народного единства", day(startYear, 11, 4)],
    ["День защитника Отечества", day(y1, 2, 23)],
    ["Международный женский день", day(y1, 3, 8)],
    ["Праздник Весны и Труда", day(y1, 5, 1)],
    ["День Победы", day(y1, 5, 9)],
    ["День России", day(y1, 6, 12)],
  ];
  return list.map(([name, d]) => {
    const off = isWeekend(d) ? onOrAfter(d, 1) : d;
    return { name: `Праздничный день: ${name}`, start: off, end: off };
  });
}

function makeCalendar(startYear: number, end: Date, periods: PeriodDef[], holidays: HolidayDef[]): Calendar {
  const start = day(startYear, 9, 1);
  const isSchoolDay = (d: Date, grade: number): boolean => {
    if (!within(d, start, end) || isWeekend(d)) return false;
    return !holidays.some((h) => within(d, h.start, h.end) && (!h.grades || h.grades.includes(grade)));
  };
  const cache = new Map<number, Date[]>();
  const schoolDays = (grade: number): Date[] => {
    let days = cache.get(grade);
    if (!days) {
      days = [];
      for (let d = start; d.getTime() <= end.getTime(); d = addDays(d, 1)) {
        if (isSchoolDay(d, grade)) days.push(d);
      }
      cache.set(grade, days);
    }
    return days;
  };
  return {
    startYear,
    name: `${startYear}/${startYear + 1}`,
    start,
    end,
    periods,
    holidays: [...holidays].sort((a, b) => a.start.getTime() - b.start.getTime()),
    isSchoolDay,
    schoolDays,
  };
}

function firstSchoolDayFrom(d: Date, holidays: HolidayDef[]): Date {
  let x = d;
  while (isWeekend(x) || holidays.some((h) => !h.grades && within(x, h.start, h.end))) x = addDays(x, 1);
  return x;
}

export function schoolCalendar(startYear: number): Calendar {
  const y1 = startYear + 1;
  const autumnStart = onOrAfter(day(startYear, 10, 25), 1); // Monday 25–31 Oct
  const autumn: HolidayDef = { name: "Осенние каникулы", start: autumnStart, end: addDays(autumnStart, 8) };
  const winter: HolidayDef = { name: "Зимние каникулы", start: day(startYear, 12, 29), end: day(y1, 1, 11) };
  const springStart = onOrAfter(day(y1, 3, 22), 6); // Saturday 22–28 Mar
  const spring: HolidayDef = { name: "Весенние каникулы", start: springStart, end: addDays(springStart, 8) };
  const febStart = onOrAfter(day(y1, 2, 14), 1); // Monday 14–20 Feb
  const february: HolidayDef = {
    name: "Дополнительные каникулы для 1-х классов",
    start: febStart,
    end: addDays(febStart, 6),
    grades: [1],
  };
  const holidays = [autumn, winter, spring, february, ...publicHolidays(startYear)].filter(
    (h) => h.start.getTime() <= day(y1, 5, 31).getTime(),
  );

  const q1 = { start: day(startYear, 9, 1), end: weekdayBefore(autumn.start) };
  const q2 = { start: firstSchoolDayFrom(addDays(autumn.end, 1), holidays), end: weekdayBefore(winter.start) };
  const q3 = { start: firstSchoolDayFrom(addDays(winter.end, 1), holidays), end: weekdayBefore(spring.start) };
  const q4 = { start: firstSchoolDayFrom(addDays(spring.end, 1), holidays), end: weekdayOnOrBefore(day(y1, 5, 26)) };
  const quarters = [q1, q2, q3, q4].map((q, i) => ({
    kind: "QUARTER" as const,
    number: i + 1,
    name: `${i + 1} четверть`,
    ...q,
  }));
  const halves: PeriodDef[] = [
    { kind: "HALF_YEAR", number: 1, name: "1 полугодие", start: q1.start, end: q2.end },
    { kind: "HALF_YEAR", number: 2, name: "2 полугодие", start: q3.start, end: q4.end },
  ];
  return makeCalendar(startYear, day(y1, 5, 31), [...quarters, ...halves], holidays);
}

export function collegeCalendar(startYear: number): Calendar {
  const y1 = startYear + 1;
  const winter: HolidayDef = { name: "Зимние каникулы", start: day(startYear, 12, 29), end: day(y1, 1, 11) };
  const holidays = [winter, ...publicHolidays(startYear)];
  const periods: PeriodDef[] = [
    { kind: "SEMESTER", number: 1, name: "1 семестр", start: day(startYear, 9, 1), end: weekdayBefore(winter.start) },
    {
      kind: "SEMESTER",
      number: 2,
      name: "2 семестр",
      start: firstSchoolDayFrom(addDays(winter.end, 1), holidays),
      end: day(y1, 6, 30),
    },
  ];
  return makeCalendar(startYear, day(y1, 6, 30), periods, holidays);
}

/** The period of `kind` containing the date, if any. */
export function periodOf(cal: Calendar, kind: PeriodKind, d: Date): PeriodDef | undefined {
  return cal.periods.find((p) => p.kind === kind && within(d, p.start, p.end));
}
