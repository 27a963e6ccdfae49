// DUT-1: when a lesson counts as filled, on time or late, and when the reminder is due — in the
// organisation's zone (Samara UTC+4, Vladivostok UTC+10).
import { describe, expect, it } from "vitest";
import {
  deadlineAt,
  deadlineText,
  fillStatus,
  filledAt,
  localMinutes,
  missingParts,
  parseDeadline,
  reminderDue,
  reminderTargets,
  shareText,
  teacherShares,
  type LessonFill,
} from "@/lib/control/deadline/rules";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const at = (iso: string) => new Date(iso);

const lesson = (over: Partial<LessonFill> = {}): LessonFill => ({
  lessonId: 1,
  teacherId: 7,
  classId: 1,
  subjectId: 1,
  date: day("2026-11-20"),
  bell: 2,
  topicAt: at("2026-11-20T06:00:00Z"),
  attendanceAt: at("2026-11-20T06:05:00Z"),
  homeworkAt: at("2026-11-20T07:00:00Z"),
  marksRequired: true,
  dueMarks: [at("2026-11-20T06:30:00Z")],
  ...over,
});

describe("the deadline's time (DUT-1)", () => {
  it("reads and writes «16:00»", () => {
    expect(parseDeadline("16:00")).toBe(960);
    expect(parseDeadline("9:30")).toBe(570);
    expect(parseDeadline("24:00")).toBeNull();
    expect(parseDeadline("16-00")).toBeNull();
    expect(deadlineText(960)).toBe("16:00");
    expect(deadlineText(570)).toBe("09:30");
  });

  it("is the local 16:00 of the lesson's date in the organisation's zone", () => {
    expect(deadlineAt(day("2026-11-20"), 960, "Europe/Samara").toISOString()).toBe("2026-11-20T12:00:00.000Z");
    expect(deadlineAt(day("2026-11-20"), 960, "Asia/Vladivostok").toISOString()).toBe("2026-11-20T06:00:00.000Z");
  });

  it("puts the reminder in the hour before the deadline, local time", () => {
    expect(localMinutes(at("2026-11-20T11:00:00Z"), "Europe/Samara")).toBe(900);
    expect(reminderDue(at("2026-11-20T10:59:00Z"), "Europe/Samara", 960)).toBe(false);
    expect(reminderDue(at("2026-11-20T11:00:00Z"), "Europe/Samara", 960)).toBe(true);
    expect(reminderDue(at("2026-11-20T11:59:00Z"), "Europe/Samara", 960)).toBe(true);
    expect(reminderDue(at("2026-11-20T12:00:00Z"), "Europe/Samara", 960)).toBe(false);
    // The same instant is 21:00 in Vladivostok: no reminder there.
    expect(reminderDue(at("2026-11-20T11:00:00Z"), "Asia/Vladivostok", 960)).toBe(false);
    expect(reminderDue(at("2026-11-20T05:00:00Z"), "Asia/Vladivostok", 960)).toBe(true);
  });
});

describe("a filled lesson (DUT-1, DUT-6)", () => {
  it("needs topic, register, homework and the due marks; its time is the latest of them", () => {
    expect(missingParts(lesson())).toEqual([]);
    expect(filledAt(lesson())?.toISOString()).toBe("2026-11-20T07:00:00.000Z");
    expect(missingParts(lesson({ topicAt: null, homeworkAt: null }))).toEqual(["topic", "homework"]);
    expect(missingParts(lesson({ dueMarks: [at("2026-11-20T06:30:00Z"), null] }))).toEqual(["marks"]);
    expect(filledAt(lesson({ attendanceAt: null }))).toBeNull();
  });

  it("needs no marks in the first grade (JRN-10)", () => {
    const first = lesson({ marksRequired: false, dueMarks: [null] });
    expect(missingParts(first)).toEqual([]);
  });

  it("is on time up to the deadline, late after it; unfilled is open before and missed after", () => {
    const deadline = at("2026-11-20T12:00:00Z");
    const now = at("2026-11-20T15:00:00Z");
    expect(fillStatus(lesson({ homeworkAt: at("2026-11-20T11:59:00Z") }), deadline, now)).toBe("onTime");
    expect(fillStatus(lesson({ homeworkAt: at("2026-11-20T12:00:00Z") }), deadline, now)).toBe("onTime");
    expect(fillStatus(lesson({ homeworkAt: at("2026-11-20T12:01:00Z") }), deadline, now)).toBe("late");
    expect(fillStatus(lesson({ topicAt: null }), deadline, at("2026-11-20T11:00:00Z"))).toBe("open");
    expect(fillStatus(lesson({ topicAt: null }), deadline, now)).toBe("missed");
  });
});

describe("shares per teacher and the reminder's targets (DUT-1)", () => {
  it("counts the day, its week from Monday and its month up to the day; open lessons are not due yet", () => {
    const rows = [
      { teacherId: 1, date: day("2026-11-02"), status: "onTime" as const },
      { teacherId: 1, date: day("2026-11-16"), status: "late" as const },
      { teacherId: 1, date: day("2026-11-19"), status: "missed" as const },
      { teacherId: 1, date: day("2026-11-20"), status: "onTime" as const },
      { teacherId: 1, date: day("2026-11-20"), status: "open" as const },
      { teacherId: 1, date: day("2026-10-30"), status: "onTime" as const },
      { teacherId: 2, date: day("2026-11-20"), status: "missed" as const },
    ];
    const shares = teacherShares(rows, day("2026-11-20"));
    const one = shares.find((s) => s.teacherId === 1)!;
    expect(one.day).toEqual({ onTime: 1, due: 1 });
    expect(one.week).toEqual({ onTime: 1, due: 3 });
    expect(one.month).toEqual({ onTime: 2, due: 4 });
    expect(shares.find((s) => s.teacherId === 2)!.day).toEqual({ onTime: 0, due: 1 });
    expect(shareText(one.month)).toBe("2 из 4 (50 %)");
    expect(shareText({ onTime: 0, due: 0 })).toBe("—");
  });

  it("reminds the teachers whose lessons are not filled by now, with their counts", () => {
    const now = at("2026-11-20T11:00:00Z");
    const targets = reminderTargets(
      [
        lesson({ lessonId: 1, teacherId: 1 }),
        lesson({ lessonId: 2, teacherId: 2, topicAt: null }),
        lesson({ lessonId: 3, teacherId: 2, attendanceAt: null }),
        lesson({ lessonId: 4, teacherId: 3, homeworkAt: at("2026-11-20T11:30:00Z") }),
      ],
      now,
    );
    expect([...targets]).toEqual([
      [2, 2],
      [3, 1],
    ]);
  });
});
