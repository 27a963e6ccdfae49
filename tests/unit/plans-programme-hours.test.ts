// PRG-1 beside PLAN-5: the КТП's topics counted to the programme's sections (by the titles «Создать
// КТП» gives them, a teacher's own topic to the section before it), with the hours given.
import { describe, expect, it } from "vitest";
import { compareWithProgramme, OUTSIDE_SECTIONS } from "@/lib/plans/rules";

const programme = {
  id: 1,
  title: "Алгебра, 7 класс",
  sections: [
    { title: "Дроби", hours: 10 },
    { title: "Уравнения", hours: 8 },
  ],
};
const t = (id: number, title: string, hours: number) => ({ id, position: id, title, hours });

describe("fulfilment against the work programme (PRG-1)", () => {
  it("counts each topic to its section, a teacher's own topic to the section before it", () => {
    const topics = [
      t(1, "Вводный урок", 1),
      t(2, "Дроби", 9),
      t(3, "Контрольная работа № 1 (Дроби)", 1),
      t(4, "Дроби: повторение", 1),
      t(5, "Уравнения", 8),
    ];
    const c = compareWithProgramme(
      programme,
      topics,
      new Map([
        [2, 7],
        [3, 1],
        [5, 2],
        [1, 1],
      ]),
    );
    expect(c.sections).toEqual([
      { title: "Дроби", programme: 10, ktp: 11, given: 8 },
      { title: "Уравнения", programme: 8, ktp: 8, given: 2 },
      { title: OUTSIDE_SECTIONS, programme: null, ktp: 1, given: 1 },
    ]);
    expect(c).toMatchObject({ programmeHours: 18, ktpHours: 20, mismatch: true });
  });

  it("equal hours are no mismatch; no КТП is one", () => {
    const same = compareWithProgramme(programme, [t(1, "Дроби", 10), t(2, "Уравнения", 8)], new Map());
    expect(same).toMatchObject({ ktpHours: 18, mismatch: false });
    expect(same.sections.map((s) => s.title)).toEqual(["Дроби", "Уравнения"]);
    expect(compareWithProgramme(programme, null, new Map())).toMatchObject({ ktpHours: null, mismatch: true });
  });
});
