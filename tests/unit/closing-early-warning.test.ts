// REC-1, DAY-6: the early closing's warning speaks the organisation's words and agrees with its count.
import { describe, expect, it } from "vitest";
import { earlyWarning } from "@/lib/journal/closing/rules";
import { vocabulary } from "@/lib/org/vocabulary";

const end = new Date("2026-12-28T00:00:00.000Z");

describe("earlyWarning (REC-1, DAY-6)", () => {
  it("counts a school's уроки by class", () => {
    expect(
      earlyWarning(vocabulary("SCHOOL"), end, [
        { className: "9Б", count: 1 },
        { className: "9А", count: 2 },
      ]),
    ).toEqual([
      "Период заканчивается 28.12.2026: 3 урока после сегодняшнего дня будут закрыты до того, как пройдут",
      "По классам: 9А — 2, 9Б — 1",
    ]);
    expect(earlyWarning(vocabulary("SCHOOL"), end, [{ className: "9А", count: 1 }])).toEqual([
      "Период заканчивается 28.12.2026: 1 урок после сегодняшнего дня будет закрыт до того, как пройдёт",
    ]);
  });

  it("counts a college's занятия by group", () => {
    expect(
      earlyWarning(vocabulary("COLLEGE"), end, [
        { className: "ИС-21", count: 1 },
        { className: "ИС-22", count: 4 },
      ]),
    ).toEqual([
      "Период заканчивается 28.12.2026: 5 занятий после сегодняшнего дня будут закрыты до того, как пройдут",
      "По группам: ИС-21 — 1, ИС-22 — 4",
    ]);
    expect(earlyWarning(vocabulary("COLLEGE"), end, [{ className: "ИС-21", count: 21 }])).toEqual([
      "Период заканчивается 28.12.2026: 21 занятие после сегодняшнего дня будет закрыто до того, как пройдёт",
    ]);
  });
});
