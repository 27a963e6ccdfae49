// lib/org/time.ts: dates in an organisation's time zone (ORG-1: the organisation's zone) and the
// process-wide formatter cache that keeps pages from building an ICU formatter per row.
import { describe, expect, it } from "vitest";
import { calendarDayIn, dateTimeFormat, formatClock, formatDateTime, todayIn, zoneOffsetMs } from "@/lib/org/time";

describe("formatters in a time zone", () => {
  it("one formatter per locale and options, another for another zone", () => {
    const a = dateTimeFormat("ru-RU", { timeZone: "Europe/Samara", hour: "2-digit" });
    expect(dateTimeFormat("ru-RU", { timeZone: "Europe/Samara", hour: "2-digit" })).toBe(a);
    expect(dateTimeFormat("ru-RU", { timeZone: "Asia/Vladivostok", hour: "2-digit" })).not.toBe(a);
    expect(dateTimeFormat("en-CA", { timeZone: "Europe/Samara", hour: "2-digit" })).not.toBe(a);
  });

  it("the cached formatters give each zone's own wall clock and calendar day (ORG-1)", () => {
    const instant = new Date("2026-12-31T20:30:00Z");
    expect(formatClock(instant, "Europe/Samara")).toBe("00:30");
    expect(formatClock(instant, "Europe/Kaliningrad")).toBe("22:30");
    expect(formatDateTime(instant, "Europe/Samara")).toBe("01.01.2027 00:30");
    expect(formatDateTime(instant, "Europe/Kaliningrad")).toBe("31.12.2026 22:30");
    expect(todayIn("Europe/Samara", instant).toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(calendarDayIn("Europe/Kaliningrad")(instant).toISOString()).toBe("2026-12-31T00:00:00.000Z");
    expect(zoneOffsetMs("Europe/Samara", instant.getTime())).toBe(4 * 3600_000);
    expect(zoneOffsetMs("Asia/Vladivostok", instant.getTime())).toBe(10 * 3600_000);
  });
});
