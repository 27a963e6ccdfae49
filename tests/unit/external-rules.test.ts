// REG-3: reading a results file's header (task columns with their maxima) and the comparison's edge cases.
import { describe, expect, it } from "vitest";
import { compareWithYearMarks, mapResultHeader } from "@/lib/external/rules";

describe("the results file's header (REG-3)", () => {
  it("finds the columns whatever their case, and the tasks in their number order with maxima", () => {
    const r = mapResultHeader([
      "ФАМИЛИЯ",
      "Имя",
      "Класс",
      "Предмет",
      "Форма",
      "Первичный балл",
      "Отметка",
      "З2 (3)",
      "Задание 1",
      "Примечание",
    ]);
    if (!r.ok) throw new Error(r.message);
    expect(r.header.map).toMatchObject({
      lastName: 0,
      firstName: 1,
      className: 2,
      subject: 3,
      exam: 4,
      primaryScore: 5,
      mark: 6,
    });
    expect(r.header.tasks).toEqual([
      { column: 8, max: 1 },
      { column: 7, max: 3 },
    ]);
  });

  it("names the missing columns in Russian", () => {
    expect(mapResultHeader(["Фамилия", "Имя", "Класс"])).toEqual({
      ok: false,
      message: "В первой строке нет столбцов: «Предмет», «Форма», «Первичный балл»",
    });
  });
});

describe("the comparison with the year marks (REG-3)", () => {
  it("counts only students with both marks; a class without any has no share", () => {
    const rows = compareWithYearMarks(
      [1, 2],
      [
        { classId: 1, studentId: 10, mark: 3, taskScores: [1], taskMax: [2] },
        { classId: 1, studentId: 11, mark: 5, taskScores: [2], taskMax: [2] },
        { classId: 2, studentId: 20, mark: null, taskScores: [0], taskMax: [2] },
      ],
      new Map([
        [10, 4],
        [11, 5],
        [20, 3],
      ]),
    );
    expect(rows[0]).toMatchObject({ compared: 2, lower: 1, same: 1, higher: 0, differing: 0.5, taskSuccess: [0.75] });
    expect(rows[1]).toMatchObject({ compared: 0, differing: null, examAverage: null, taskSuccess: [0] });
    expect(rows[2]).toMatchObject({ classId: null, results: 3, compared: 2, differing: 0.5 });
  });
});
