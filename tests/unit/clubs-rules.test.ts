// PRG-2: the pure rules of clubs — the КТП's lines, the journal's cells and the marks setting, the
// dates a club meets, the attendance summary, a student's club week — and the timetable's clash
// check joined by club slots (lib/schedule/timetable/rules.ts).
import { describe, expect, it } from "vitest";
import {
  attendanceSummary,
  attendedPercent,
  clubWeek,
  MARKS_DISALLOWED,
  meetingDates,
  parseCells,
  parsePlan,
  planText,
  slotSpan,
} from "@/lib/clubs/rules";
import { clubSlotConflicts, entryConflicts, type ClubSlotEntry, type SlotEntry } from "@/lib/schedule/timetable/rules";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const YEAR = { validFrom: day("2026-09-01"), validTo: day("2027-05-31") };

const lesson = (over: Partial<SlotEntry> = {}): SlotEntry => ({
  id: 1,
  classId: 72,
  className: "7Б",
  subgroupId: null,
  subgroupName: null,
  subjectId: 5,
  subjectName: "Физика",
  teacherId: 30,
  teacherName: "Петров П. П.",
  roomId: null,
  roomName: null,
  weekday: 2,
  bellNumber: 4,
  start: 11 * 60,
  end: 11 * 60 + 45,
  ...YEAR,
  ...over,
});

const club = (over: Partial<ClubSlotEntry> = {}): ClubSlotEntry => ({
  id: null,
  clubId: 1,
  clubName: "Робототехника",
  leaderId: 20,
  leaderName: "Соколова Т.",
  roomId: null,
  roomName: null,
  weekday: 2,
  start: 11 * 60 + 15,
  end: 12 * 60,
  ...YEAR,
  members: [
    { studentId: 1, name: "Антонов А.", classId: 71, subgroupIds: [] },
    { studentId: 2, name: "Бобров Б.", classId: 72, subgroupIds: [9] },
  ],
  ...over,
});

describe("club slots in the timetable's clash check (PRG-2)", () => {
  it("refuses a slot while a member's class has a lesson, naming the class, the lesson and the member", () => {
    expect(clubSlotConflicts(club(), [lesson()], [])).toEqual([
      "У 7Б в это время урок: Физика (вторник, 4-й урок) — в объединении ученики этого класса: Бобров Б.",
    ]);
  });

  it("lets a slot pass after the lesson, on another day, outside the lesson's validity, or when no member is of the class", () => {
    expect(clubSlotConflicts(club({ start: 11 * 60 + 45, end: 12 * 60 + 30 }), [lesson()], [])).toEqual([]);
    expect(clubSlotConflicts(club({ weekday: 3 }), [lesson()], [])).toEqual([]);
    expect(clubSlotConflicts(club(), [lesson({ validTo: day("2026-08-31") })], [])).toEqual([]);
    expect(clubSlotConflicts(club(), [lesson({ classId: 73, className: "7В" })], [])).toEqual([]);
  });

  it("counts a subgroup's lesson only for the members of that subgroup", () => {
    expect(clubSlotConflicts(club(), [lesson({ subgroupId: 8, subgroupName: "гр. 1" })], [])).toEqual([]);
    expect(clubSlotConflicts(club(), [lesson({ subgroupId: 9, subgroupName: "гр. 2" })], [])).toHaveLength(1);
  });

  it("refuses a member's other club, the leader teaching or leading elsewhere, and a taken room", () => {
    const other = club({ id: 7, clubId: 2, clubName: "Хор", leaderId: 21, start: 11 * 60 + 30, end: 12 * 60 + 15 });
    expect(clubSlotConflicts(club(), [], [other])).toEqual([
      "Ученики в это время заняты в объединении «Хор» (вторник, 11:30–12:15): Антонов А., Бобров Б.",
    ]);
    const byLeader = clubSlotConflicts(
      club({ members: [] }),
      [lesson({ teacherId: 20 })],
      [{ ...other, leaderId: 20, members: [] }],
    );
    expect(byLeader).toEqual([
      "Руководитель Соколова Т. в это время ведёт урок Физика в 7Б (вторник, 4-й урок)",
      "Руководитель Соколова Т. в это время ведёт объединение «Хор» (вторник, 11:30–12:15)",
    ]);
    const room = clubSlotConflicts(club({ members: [], roomId: 3, roomName: "12" }), [lesson({ roomId: 3 })], []);
    expect(room).toEqual(["Кабинет 12 в это время занят: урок Физика в 7Б (вторник, 4-й урок)"]);
    // The slot itself (saved before) is no rival.
    expect(clubSlotConflicts(club({ id: 7 }), [], [club({ id: 7 })])).toEqual([]);
  });

  it("refuses a lesson placed while a club of its class's students meets (the other direction)", () => {
    const loads = [{ teacherId: 30, classId: 72, subjectId: 5, subgroupId: null }];
    expect(entryConflicts(lesson({ id: null }), [], loads, false, [club()])).toEqual([
      "Ученики 7Б в это время заняты в объединении «Робототехника» (вторник, 11:15–12:00): Бобров Б.",
    ]);
    expect(entryConflicts(lesson({ id: null }), [], loads, false, [club({ weekday: 4 })])).toEqual([]);
    expect(
      entryConflicts(lesson({ id: null, teacherId: 20 }), [], [{ ...loads[0]!, teacherId: 20 }], false, [
        club({ members: [] }),
      ]),
    ).toEqual(["Учитель Петров П. П. в это время ведёт объединение «Робототехника» (вторник, 11:15–12:00)"]);
  });
});

describe("the club's КТП, slots and journal cells (PRG-2)", () => {
  it("reads the КТП one topic a line with optional hours, and writes it back", () => {
    expect(parsePlan("Введение\n\nСборка модели; 2\n")).toEqual({
      ok: true,
      items: [
        { topic: "Введение", hours: 1 },
        { topic: "Сборка модели", hours: 2 },
      ],
    });
    expect(parsePlan("Тема; 0")).toEqual({ ok: false, message: "Строка 1: часов от 1 до 20" });
    expect(parsePlan("Тема\n; 2")).toEqual({ ok: false, message: "Строка 2: укажите тему" });
    expect(
      planText([
        { topic: "А", hours: 1 },
        { topic: "Б", hours: 3 },
      ]),
    ).toBe("А\nБ; 3");
  });

  it("takes a slot's clock times within the day and a sane length", () => {
    expect(slotSpan("15:00", "15:45")).toEqual({ ok: true, start: 900, end: 945 });
    expect(slotSpan("15:00", "15:05")).toMatchObject({ ok: false });
    expect(slotSpan("06:00", "07:00")).toMatchObject({ ok: false });
    expect(slotSpan("25:00", "26:00")).toEqual({ ok: false, message: "Время: ЧЧ:ММ, например 15:00" });
  });

  it("refuses marks while the organisation disallows them, and marks off its scale", () => {
    const off = { allowed: false, min: 2, max: 5 };
    expect(parseCells({ "a:1": "N", "m:2": "" }, [1, 2], off)).toEqual({
      ok: true,
      cells: [
        { studentId: 1, code: "N", mark: null },
        { studentId: 2, code: null, mark: null },
      ],
    });
    expect(parseCells({ "m:2": "5" }, [1, 2], off)).toEqual({ ok: false, message: MARKS_DISALLOWED });
    const on = { ...off, allowed: true };
    expect(parseCells({ "m:2": "5" }, [1, 2], on)).toMatchObject({ ok: true, cells: [{}, { mark: 5 }] });
    expect(parseCells({ "m:2": "6" }, [1, 2], on)).toEqual({ ok: false, message: "Отметка: целое число от 2 до 5" });
    expect(parseCells({ "m:2": "4", "a:2": "N" }, [1, 2], on)).toMatchObject({ ok: false });
    expect(parseCells({ "a:3": "N" }, [1, 2], on)).toEqual({ ok: false, message: "Ученик не состоит в объединении" });
    expect(parseCells({ "a:1": "X" }, [1, 2], on)).toMatchObject({ ok: false });
  });

  it("lists the dates a club meets, counts attendance and builds a student's club week", () => {
    const slots = [{ weekday: 2, start: 900, end: 945, roomName: "12", ...YEAR }];
    expect(meetingDates(slots, day("2026-11-16"), day("2026-11-30")).map((d) => d.toISOString().slice(0, 10))).toEqual([
      "2026-11-17",
      "2026-11-24",
    ]);
    const summary = attendanceSummary(
      [1, 2],
      [
        { cells: [{ studentId: 1, code: "N" }] },
        {
          cells: [
            { studentId: 1, code: "B" },
            { studentId: 2, code: "OP" },
          ],
        },
        { cells: [] },
      ],
    );
    expect(summary).toEqual([
      { studentId: 1, sessions: 3, absent: 2, excused: 1, late: 0 },
      { studentId: 2, sessions: 3, absent: 0, excused: 0, late: 1 },
    ]);
    expect(attendedPercent(summary[0]!)).toBe(33);
    const week = clubWeek(
      [
        {
          clubId: 1,
          clubName: "Шахматы",
          leaderName: "Соколова Т.",
          slots,
          sessions: [{ date: day("2026-11-17"), topic: "Дебют", code: "OP", mark: null }],
        },
      ],
      [day("2026-11-16"), day("2026-11-17"), day("2026-11-18")],
    );
    expect(week).toEqual([
      expect.objectContaining({
        date: day("2026-11-17"),
        clubName: "Шахматы",
        topic: "Дебют",
        code: "OP",
        roomName: "12",
      }),
    ]);
  });
});
