// Issue 20 (DAY-1, DAY-11, DAY-12): the pure rules behind the year's lessons, the timetable form's
// default start and the product's Russian wording.
import { describe, expect, it } from "vitest";
import { defaultValidFrom, regenerationRange } from "@/lib/schedule/timetable/rules";
import { roomLabel } from "@/lib/schedule/room-label";
import { plural, pluralOf, vocabulary } from "@/lib/org/vocabulary";
import { requiredMessage } from "@/lib/people/schema";
import { MENU_BAR, NAV_ITEMS, ROLE_FIRST, menuOrder, splitMenu, type NavItem } from "@/components/layout/nav-items";

const menuOf = (open: readonly NavItem[], role: string | null) => splitMenu(menuOrder(open, role));
import { RUSSIAN_TIME_ZONES, timeZoneOptions } from "@/lib/org/time";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const YEAR = { from: d("2026-09-01"), to: d("2027-05-31") };
const QUARTERS = [
  { startDate: d("2026-09-01"), endDate: d("2026-10-24") },
  { startDate: d("2026-11-03"), endDate: d("2026-12-28") },
  { startDate: d("2027-01-11"), endDate: d("2027-03-20") },
  { startDate: d("2027-03-30"), endDate: d("2027-05-31") },
];

describe("regenerationRange (DAY-1)", () => {
  it("joins the entry's old and new validity and clips it to the study year", () => {
    expect(
      regenerationRange(
        [
          { from: d("2026-08-20"), to: d("2026-12-01") },
          { from: d("2026-11-10"), to: d("2027-07-01") },
        ],
        YEAR,
      ),
    ).toEqual({ from: d("2026-09-01"), to: d("2027-05-31") });
    expect(regenerationRange([{ from: d("2026-11-10"), to: d("2026-11-20") }], YEAR)).toEqual({
      from: d("2026-11-10"),
      to: d("2026-11-20"),
    });
  });
  it("is null with nothing inside the year or no range at all", () => {
    expect(regenerationRange([{ from: d("2027-06-10"), to: d("2027-08-01") }], YEAR)).toBeNull();
    expect(regenerationRange([], YEAR)).toBeNull();
  });
});

describe("defaultValidFrom (DAY-11)", () => {
  it("is the start of the period holding today", () => {
    expect(defaultValidFrom(d("2026-11-23"), YEAR, QUARTERS)).toEqual(d("2026-11-03"));
    expect(defaultValidFrom(d("2026-09-01"), YEAR, QUARTERS)).toEqual(d("2026-09-01"));
  });
  it("in the holidays between periods, the next period's start; before the year, its first period", () => {
    expect(defaultValidFrom(d("2026-10-30"), YEAR, QUARTERS)).toEqual(d("2026-11-03"));
    expect(defaultValidFrom(d("2026-08-15"), YEAR, QUARTERS)).toEqual(d("2026-09-01"));
  });
  it("after the last period or without periods, the year's start", () => {
    expect(defaultValidFrom(d("2027-06-15"), YEAR, QUARTERS)).toEqual(d("2026-09-01"));
    expect(defaultValidFrom(d("2026-11-23"), YEAR, [])).toEqual(d("2026-09-01"));
  });
});

describe("Russian wording (DAY-12)", () => {
  it("plural forms follow the number: 1 письмо, 3 письма, 11 писем, 21 письмо, 112 писем", () => {
    const w = (n: number) => plural(n, "письмо", "письма", "писем");
    expect([1, 3, 5, 11, 14, 21, 22, 25, 101, 112].map(w)).toEqual([
      "письмо",
      "письма",
      "писем",
      "писем",
      "писем",
      "письмо",
      "письма",
      "писем",
      "письмо",
      "писем",
    ]);
    expect(pluralOf(1.5, vocabulary("COLLEGE").unit)).toBe("часа");
  });
  it("names a numbered room with «каб.» and a named one as it is", () => {
    expect(roomLabel("206")).toBe("каб. 206");
    expect(roomLabel("12а")).toBe("каб. 12а");
    expect(roomLabel("Кабинет физики")).toBe("Кабинет физики");
    expect(roomLabel("Спортзал")).toBe("Спортзал");
  });
  it("asks to fill a field by its name, not with a colon and a nominative", () => {
    expect(requiredMessage("фамилия")).toBe("Заполните поле «Фамилия»");
  });
});

describe("menus by role (DAY-7)", () => {
  it("puts the role's usual work first, at most eight items in the bar, the rest under «Ещё»", () => {
    const all = [...NAV_ITEMS];
    const teacher = menuOf(all, "TEACHER");
    expect(teacher.bar.map((i) => i.href)).toEqual(ROLE_FIRST.TEACHER.slice(0, MENU_BAR));
    expect(teacher.bar).toHaveLength(MENU_BAR);
    expect(teacher.bar.length + teacher.more.length).toBe(all.length);
    expect(teacher.more.map((i) => i.href)).toContain("/org/load");
    // items the role does not hold are simply absent; the order of the rest follows NAV_ITEMS
    const parent = menuOf(
      all.filter((i) => ["/", "/diary", "/mail", "/board", "/forum", "/schedule"].includes(i.href)),
      "PARENT",
    );
    expect(parent.bar.map((i) => i.href)).toEqual(["/", "/diary", "/schedule", "/mail", "/board", "/forum"]);
    expect(parent.more).toEqual([]);
    expect(menuOf(all, null).bar[0].href).toBe("/");
  });
});

describe("the time-zone choice (DAY-12)", () => {
  it("offers Russia's zones, each a real IANA zone, and keeps a stored other zone", () => {
    for (const z of RUSSIAN_TIME_ZONES)
      expect(() => new Intl.DateTimeFormat("ru-RU", { timeZone: z.value })).not.toThrow();
    expect(timeZoneOptions("Europe/Samara")).toEqual(RUSSIAN_TIME_ZONES);
    expect(timeZoneOptions("Asia/Almaty")[0]).toEqual({ value: "Asia/Almaty", label: "Asia/Almaty" });
    expect(timeZoneOptions(null)).toHaveLength(RUSSIAN_TIME_ZONES.length);
  });
});
