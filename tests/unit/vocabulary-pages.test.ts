// DAY-6: the words pages take from lib/org/vocabulary.ts — a college never reads «Учитель», «Ученик»,
// «Классы» or «кл.»; a school never reads «Сессия».
import { describe, expect, it } from "vitest";
import { cap, countOf, vocabulary } from "@/lib/org/vocabulary";

describe("page words by organisation type (DAY-6)", () => {
  it("a college: группа, студент, преподаватель, куратор, дисциплина; the exam season is «Сессия»", () => {
    const v = vocabulary("COLLEGE");
    const words = [
      `${cap(v.student.nomPl)} и родители`,
      countOf(2, v.class),
      countOf(25, v.student),
      cap(v.class.nomPl),
      cap(v.teacher.nom),
      cap(v.classTeacher.nom),
      cap(v.subject.nom),
      v.examSeason,
    ];
    expect(words).toEqual([
      "Студенты и родители",
      "2 группы",
      "25 студентов",
      "Группы",
      "Преподаватель",
      "Куратор",
      "Дисциплина",
      "Сессия",
    ]);
    expect(words.join(" ")).not.toMatch(/Учител|Ученик|Класс|кл\./);
  });

  it("a school: класс, ученик, учитель; no «Сессия»", () => {
    const v = vocabulary("SCHOOL");
    expect([`${cap(v.student.nomPl)} и родители`, countOf(2, v.class), cap(v.teacher.nom), v.examSeason]).toEqual([
      "Ученики и родители",
      "2 класса",
      "Учитель",
      "Промежуточная аттестация",
    ]);
  });
});
