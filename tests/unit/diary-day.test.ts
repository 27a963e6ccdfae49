// DAY-4: one week definition (the organisation's study week) and the day the phone diary opens at.
import { isoDate } from "@/lib/org/time";
import { describe, expect, it } from "vitest";
import { diaryDay, tomorrowOf } from "@/lib/diary/rules";
import { isStudyDay, nextStudyDay, previousStudyDay, studyDaysOf, weekDaysShown, weekEnd } from "@/lib/schedule/week";

const d = (s: string) => new Date(`${s}T00:00:00.000Z`);
const keys = (days: Date[]) => days.map(isoDate);
// 30.11.2026 is a Monday; 05.12 a Saturday; 06.12 a Sunday.
const MON = d("2026-11-30");
const FRI = d("2026-12-04");
const SAT = d("2026-12-05");
const SUN = d("2026-12-06");

describe("the study week (DAY-4, ORG-2 studyDays)", () => {
  it("reads a stored setting: 6 is the six-day week, anything else the five-day one", () => {
    expect(studyDaysOf(6)).toBe(6);
    expect(studyDaysOf(5)).toBe(5);
    expect(studyDaysOf(null)).toBe(5);
    expect(studyDaysOf(7)).toBe(5);
  });

  it("ends the week on Friday or Saturday — one range for the diary and the schedule", () => {
    expect(isoDate(weekEnd(MON, 5))).toBe("2026-12-04");
    expect(isoDate(weekEnd(MON, 6))).toBe("2026-12-05");
  });

  it("Saturday is a study day only in a six-day week; Sunday never", () => {
    expect(isStudyDay(SAT, 5)).toBe(false);
    expect(isStudyDay(SAT, 6)).toBe(true);
    expect(isStudyDay(SUN, 6)).toBe(false);
    expect(isStudyDay(FRI, 5)).toBe(true);
  });

  it("shows the study days, and a weekend day only when something happens on it", () => {
    expect(keys(weekDaysShown(MON, 5))).toEqual(["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"]);
    expect(weekDaysShown(MON, 6)).toHaveLength(6);
    const saturdayLesson = (x: Date) => isoDate(x) === "2026-12-05";
    expect(keys(weekDaysShown(MON, 5, saturdayLesson)).at(-1)).toBe("2026-12-05");
  });

  it("steps over the weekend by study days", () => {
    expect(isoDate(nextStudyDay(FRI, 5))).toBe("2026-12-07");
    expect(isoDate(nextStudyDay(FRI, 6))).toBe("2026-12-05");
    expect(isoDate(previousStudyDay(d("2026-12-07"), 5))).toBe("2026-12-04");
    expect(isoDate(previousStudyDay(d("2026-12-07"), 6))).toBe("2026-12-05");
  });
});

describe("the day the diary opens at (DAY-4)", () => {
  it("a parent on a Saturday of a five-day school sees Monday", () => {
    const shown = diaryDay({}, SAT, 5);
    expect(isoDate(shown.day)).toBe("2026-12-07");
    expect(isoDate(shown.monday)).toBe("2026-12-07");
    expect(shown.wholeWeek).toBe(false);
  });

  it("a six-day school on Saturday shows Saturday itself", () => {
    expect(isoDate(diaryDay({}, SAT, 6).day)).toBe("2026-12-05");
  });

  it("on a study day shows today", () => {
    const shown = diaryDay({}, d("2026-12-02"), 5);
    expect(isoDate(shown.day)).toBe("2026-12-02");
    expect(isoDate(shown.monday)).toBe("2026-11-30");
  });

  it("?day= wins and brings its week; a broken one falls back to today", () => {
    const shown = diaryDay({ day: "2026-12-10" }, d("2026-12-02"), 5);
    expect(isoDate(shown.day)).toBe("2026-12-10");
    expect(isoDate(shown.monday)).toBe("2026-12-07");
    expect(isoDate(diaryDay({ day: "2026-13-40" }, d("2026-12-02"), 5).day)).toBe("2026-12-02");
  });

  it("?week= of another week opens on its Monday; of this week on today", () => {
    expect(isoDate(diaryDay({ week: "2026-11-25" }, d("2026-12-02"), 5).day)).toBe("2026-11-23");
    expect(isoDate(diaryDay({ week: "2026-11-30" }, d("2026-12-02"), 5).day)).toBe("2026-12-02");
    expect(diaryDay({ week: "2026-11-30", view: "week" }, d("2026-12-02"), 5).wholeWeek).toBe(true);
  });

  it("«Завтра» is the next study day (Friday → Monday)", () => {
    expect(isoDate(tomorrowOf(FRI, 5))).toBe("2026-12-07");
    expect(isoDate(tomorrowOf(d("2026-12-01"), 5))).toBe("2026-12-02");
  });
});
