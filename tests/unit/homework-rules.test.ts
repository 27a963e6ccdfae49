// DAY-8 / ORG-2: whether homework may be set on a lesson now — the one rule the lesson panel shows
// before typing and the action refuses with.
import { describe, expect, it } from "vitest";
import { homeworkRefusal } from "@/lib/journal/rules";

const ALL = { forToday: true, forPast: true };

describe("homeworkRefusal (DAY-8, ORG-2)", () => {
  it("the default allows a past lesson (seed 001 §3.7: filled on its day by 16:00, after the lesson)", () => {
    expect(homeworkRefusal("2026-12-01", "2026-12-02", ALL)).toBeNull();
    expect(homeworkRefusal("2026-12-02", "2026-12-02", ALL)).toBeNull();
    expect(homeworkRefusal("2026-12-03", "2026-12-02", ALL)).toBeNull();
  });

  it("a past lesson is refused with the reason when the setting forbids it; a future one never", () => {
    const noPast = { forToday: true, forPast: false };
    expect(homeworkRefusal("2026-12-01", "2026-12-02", noPast)).toBe(
      "Настройки школы не разрешают задавать домашнее задание к прошедшим урокам",
    );
    expect(homeworkRefusal("2026-12-02", "2026-12-02", noPast)).toBeNull();
    expect(homeworkRefusal("2026-12-09", "2026-12-02", noPast)).toBeNull();
  });

  it("today's lesson is refused when homework for today is off", () => {
    expect(homeworkRefusal("2026-12-02", "2026-12-02", { forToday: false, forPast: true })).toBe(
      "Настройки школы не разрешают задавать домашнее задание на сегодня",
    );
  });
});
