// PRG-2 / DAY-12: a club session's room in the diary and the timetable is named as a lesson's is —
// «каб. 206» for a number, the room's own name when it says what it is; never «каб. Кабинет информатики № 2»
// (found by walking a parent's diary on a phone, round 16).
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ClubWeek } from "@/components/clubs/club-week";
import type { ClubWeekEntry } from "@/lib/clubs/rules";

const entry = (clubId: number, roomName: string | null): ClubWeekEntry => ({
  date: new Date(Date.UTC(2026, 11, 8)),
  start: 15 * 60,
  end: 15 * 60 + 45,
  clubId,
  clubName: `Кружок ${clubId}`,
  leaderName: "Иванова А. П.",
  roomName,
  topic: null,
  code: null,
  mark: null,
});

describe("ClubWeek names the room as a lesson's (PRG-2, DAY-12)", () => {
  it("a number gets «каб.», a name is shown as it is, no room shows nothing", () => {
    const text = renderToStaticMarkup(
      h(ClubWeek, { entries: [entry(1, "206"), entry(2, "Кабинет информатики № 2"), entry(3, null)] }),
    ).replace(/<[^>]+>/g, "|");
    expect(text).toContain("Иванова А. П., каб. 206");
    expect(text).toContain("Иванова А. П., Кабинет информатики № 2");
    expect(text).not.toContain("каб. Кабинет");
    expect(text).toMatch(/Иванова А\. П\.\|/);
  });
});
