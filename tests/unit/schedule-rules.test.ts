// Pure rules of the schedule: conflicts (SCH-2), the lesson planner and its diff (SCH-3, SCH-4),
// bell parsing (SCH-1) and the iCalendar writer (SCH-6).
import { describe, expect, it } from "vitest";
import { diffLessons, planLessons, type ExistingLesson, type PlanEntry, type PlanInput } from "@/lib/schedule/rules";
import { entryConflicts, type SlotEntry } from "@/lib/schedule/timetable/rules";
import { parseBells } from "@/lib/schedule/setup/rules";
import { buildCalendar, escapeText, foldLine } from "@/lib/schedule/feed/ics";
import { localInstant } from "@/lib/schedule/week";

const d = (s: string) => new Date(`${s}T00:00:00.000Z`);

const slot = (over: Partial<SlotEntry>): SlotEntry => ({
  id: 1,
  classId: 1,
  className: "7А",
  subgroupId: null,
  subgroupName: null,
  subjectId: 1,
  subjectName: "Математика",
  teacherId: 10,
  teacherName: "Соколова Е. В.",
  roomId: 21,
  roomName: "21",
  weekday: 1,
  bellNumber: 2,
  start: 565,
  end: 610,
  validFrom: d("2026-09-01"),
  validTo: d("2027-05-31"),
  ...over,
});
const load = { teacherId: 10, classId: 2, subjectId: 1, subgroupId: null };

describe("timetable conflicts (SCH-2)", () => {
  it("names the teacher and both classes when a teacher is in two classes at once", () => {
    const msgs = entryConflicts(slot({ id: null, classId: 2, className: "7Б", roomId: null }), [slot({})], [load]);
    expect(msgs).toEqual([
      "Учитель Соколова Е. В. в это время ведёт урок в 7А (понедельник, 2-й урок) и не может вести урок в 7Б",
    ]);
  });

  it("refuses a room in two places and a class with two lessons in one slot", () => {
    const msgs = entryConflicts(
      slot({ id: null, teacherId: 11, teacherName: "Иванов И. И.", classId: 1 }),
      [slot({})],
      [{ ...load, teacherId: 11, classId: 1 }],
    );
    expect(msgs).toContain("Кабинет 21 в это время занят: урок Математика в 7А (понедельник, 2-й урок)");
    expect(msgs).toContain("У 7А в это время уже есть урок: Математика (понедельник, 2-й урок)");
  });

  it("allows two different subgroups of a class in one slot", () => {
    const a = slot({ subgroupId: 1, subgroupName: "1 гр.", roomId: 1 });
    const b = slot({ id: 2, subgroupId: 2, subgroupName: "2 гр.", teacherId: 11, roomId: 2 });
    expect(entryConflicts(b, [a], [{ teacherId: 11, classId: 1, subjectId: 1, subgroupId: 2 }])).toEqual([]);
  });

  it("does not clash when the validity ranges or the times do not overlap (shifts)", () => {
    const later = slot({ id: null, classId: 2, className: "7Б", roomId: null, validFrom: d("2027-01-01") });
    expect(entryConflicts(later, [slot({ validTo: d("2026-12-31") })], [load])).toEqual([]);
    const secondShift = slot({ id: null, classId: 2, className: "7Б", roomId: null, start: 820, end: 865 });
    expect(entryConflicts(secondShift, [slot({})], [load])).toEqual([]);
  });

  it("refuses a teacher who has no load for the class and subject", () => {
    expect(entryConflicts(slot({ id: null }), [], [])).toEqual([
      "У учителя Соколова Е. В. нет нагрузки (тарификации) по предмету «Математика» в 7А",
    ]);
  });
});

const entry = (over: Partial<PlanEntry> = {}): PlanEntry => ({
  id: 1,
  classId: 1,
  subgroupId: null,
  subjectId: 1,
  teacherId: 10,
  roomId: 21,
  weekday: 1,
  bellNumber: 2,
  hours: 1,
  validFrom: d("2026-09-01"),
  validTo: d("2027-05-31"),
  ...over,
});
const input = (over: Partial<PlanInput> = {}): PlanInput => ({
  from: d("2026-11-23"),
  to: d("2026-12-06"),
  entries: [entry()],
  changes: [],
  substitutions: [],
  holidays: [],
  gradeOf: new Map([[1, 7]]),
  defaultHours: 1,
  ...over,
});
const change = {
  id: 1,
  classId: 1,
  entryId: 1,
  subjectId: null,
  teacherId: null,
  roomId: null,
  bellNumber: null,
  toDate: null,
};

describe("lesson planner (SCH-4)", () => {
  it("places a lesson on each matching weekday of the period, skipping holidays of the class's grade", () => {
    expect(planLessons(input()).map((l) => l.date)).toEqual([d("2026-11-23"), d("2026-11-30")]);
    const holidays = [{ startDate: d("2026-11-30"), endDate: d("2026-11-30"), grade: 7 }];
    expect(planLessons(input({ holidays })).map((l) => l.date)).toEqual([d("2026-11-23")]);
    const otherGrade = [{ startDate: d("2026-11-30"), endDate: d("2026-11-30"), grade: 1 }];
    expect(planLessons(input({ holidays: otherGrade }))).toHaveLength(2);
  });

  it("applies cancel, replace, move and add changes", () => {
    const changes = [
      { ...change, kind: "CANCEL" as const, date: d("2026-11-23") },
      { ...change, id: 2, kind: "MOVE" as const, date: d("2026-11-30"), toDate: d("2026-12-02"), bellNumber: 5 },
      {
        ...change,
        id: 3,
        kind: "ADD" as const,
        entryId: null,
        date: d("2026-12-04"),
        subjectId: 2,
        teacherId: 12,
        bellNumber: 1,
      },
    ];
    const plan = planLessons(input({ changes }));
    expect(plan.map((l) => [l.date, l.bellNumber, l.status, l.subjectId])).toEqual([
      [d("2026-11-23"), 2, "CANCELLED", 1],
      [d("2026-12-02"), 5, "SCHEDULED", 1],
      [d("2026-12-04"), 1, "SCHEDULED", 2],
    ]);
  });

  it("keeps the teacher and sets the substitute for a substitution, even when a REPLACE names the substitute (SCH-3)", () => {
    const substitutions = [
      {
        id: 7,
        originalId: 10,
        substituteId: 11,
        classId: null,
        subjectId: null,
        dateFrom: d("2026-11-23"),
        dateTo: d("2026-11-23"),
      },
    ];
    const changes = [{ ...change, kind: "REPLACE" as const, date: d("2026-11-23"), teacherId: 11 }];
    const [first, second] = planLessons(input({ substitutions, changes }));
    expect(first).toMatchObject({ teacherId: 10, substituteId: 11, substitutionId: 7 });
    expect(second).toMatchObject({ teacherId: 10, substituteId: null });
  });
});

describe("lesson diff (SCH-4)", () => {
  const [want] = planLessons(input({ to: d("2026-11-23") }));
  const have = (over: Partial<ExistingLesson>): ExistingLesson => ({ ...want, id: 99, holdsData: false, ...over });

  it("creates what is missing and leaves equal lessons alone", () => {
    expect(diffLessons([want], [])).toMatchObject({ create: [want], update: [], remove: [], kept: [] });
    expect(diffLessons([want], [have({})])).toMatchObject({
      create: [],
      update: [],
      remove: [],
      kept: [],
      unchanged: 1,
    });
  });

  it("deletes or changes lessons without data but keeps and reports those that hold data", () => {
    expect(diffLessons([], [have({})]).remove).toEqual([99]);
    expect(diffLessons([], [have({ holdsData: true })]).kept).toEqual([
      { lesson: have({ holdsData: true }), reason: "removed" },
    ]);
    expect(diffLessons([want], [have({ roomId: 5 })]).update).toHaveLength(1);
    const kept = diffLessons([want], [have({ roomId: 5, holdsData: true })]);
    expect(kept.update).toEqual([]);
    expect(kept.kept[0].reason).toBe("changed");
  });
});

describe("bells (SCH-1)", () => {
  it("parses one bell per line and refuses overlapping or reversed times", () => {
    expect(parseBells("8:30-09:15\n09:25–10:10")).toEqual({
      ok: true,
      bells: [
        { number: 1, startTime: "08:30", endTime: "09:15" },
        { number: 2, startTime: "09:25", endTime: "10:10" },
      ],
    });
    expect(parseBells("09:15-08:30")).toMatchObject({
      ok: false,
      message: "Строка 1: урок заканчивается раньше, чем начинается",
    });
    expect(parseBells("08:30-09:15\n09:00-09:40")).toMatchObject({ ok: false });
    expect(parseBells("25:00-26:00")).toMatchObject({ ok: false });
  });
});

describe("iCalendar writer (SCH-6)", () => {
  it("escapes text and folds lines at 75 octets without splitting a character", () => {
    expect(escapeText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
    const folded = foldLine(`SUMMARY:${"Математика".repeat(10)}`);
    for (const line of folded.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(`SUMMARY:${"Математика".repeat(10)}`);
  });

  it("writes CRLF lines and UTC times", () => {
    const start = localInstant(d("2026-11-23"), "08:30", "Europe/Samara");
    expect(start.toISOString()).toBe("2026-11-23T04:30:00.000Z");
    const ics = buildCalendar("Р", [{ uid: "x", start, end: start, summary: "Урок" }], start);
    expect(ics).toContain("\r\nDTSTART:20261123T043000Z\r\n");
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });
});

describe("schedule forms (NFR-4)", () => {
  it("refuse junk with Russian messages and accept absent optional fields", async () => {
    const { entryForm, changeForm, eventForm, roomForm } = await import("@/lib/schedule/schema");
    const junk = [
      entryForm.safeParse({
        classId: "x",
        weekday: "9",
        bellNumber: "a",
        subjectId: "",
        teacherId: "-1",
        validFrom: "31.02.2026",
        validTo: "2026-13-01",
      }),
      changeForm.safeParse({ kind: "DROP", classId: "1", date: "2026-11-23", bellNumber: "zz", toDate: "soon" }),
      eventForm.safeParse({ title: "", date: "2026-11-23", startTime: "25:00", endTime: "x" }),
      roomForm.safeParse({ name: "", capacity: "много" }),
    ];
    for (const r of junk) {
      expect(r.success).toBe(false);
      for (const issue of r.error!.issues) expect(issue.message).toMatch(/[А-Яа-яЁё]/);
    }
    const ok = entryForm.safeParse({
      classId: "1",
      weekday: "1",
      bellNumber: "2",
      subjectId: "3",
      teacherId: "4",
      validFrom: "2026-09-01",
      validTo: "2027-05-31",
    });
    expect(ok.success && ok.data).toMatchObject({ entryId: null, roomId: null, subgroupId: null, hours: 1 });
  });
});
