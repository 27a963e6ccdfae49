// The diary week's packed data (components/diary/week-pack.ts, DRY-1, DAY-4; issue 22 item 5, round 22):
// the flight carries the week once as a JSON text row, and its HTML copy escapes every quote once more —
// so the packed lesson sends no constant words (the due item's «Задано к уроку: », the homework's «Д/з к »)
// and no trailing empty items, and the board still renders the same words.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { DiaryDue, DiaryLesson } from "@/lib/diary/data";
import { packWeek, trimTail } from "@/components/diary/week-pack";
import { WeekBoard } from "@/components/diary/week-board";

const day = (s: string) => new Date(`${s}T00:00:00.000Z`);
const MON = day("2026-12-07");

/** A lesson as the bench parent's week has them: a room, a topic, homework with a due date, nothing else. */
const lesson = (id: number, over: Partial<DiaryLesson> = {}): DiaryLesson => ({
  id,
  date: MON,
  bellNumber: 1,
  startTime: "08:30",
  endTime: "09:15",
  subjectName: "Окружающий мир",
  roomName: "106",
  topic: "Закрепление: Человек и общество",
  cancelled: false,
  substituteName: null,
  homework: [
    {
      id: 15606,
      text: "§ 13, вопросы 3–4",
      dueDate: day("2026-12-11"),
      createdAt: day("2026-12-01"),
      files: [],
      handin: null,
    },
  ],
  materials: [],
  marks: [],
  attendance: null,
  markChanges: [],
  ...over,
});
const due = (id: number, subjectName: string): DiaryDue => ({
  id,
  subjectName,
  text: "§ 12, составить план ответа",
  dueDate: MON,
  files: [],
});
const input = {
  monday: MON,
  events: [],
  timeZone: "Europe/Moscow",
  since: day("2026-12-05"),
  studentId: 247,
  studyDays: 5 as const,
  selected: MON,
  wholeWeek: false,
  now: day("2026-12-07"),
};

describe("the packed diary week (issue 22 item 5, round 22)", () => {
  it("leaves off a tuple's trailing empty items (null, 0, an empty list), never the first `keep`", () => {
    expect(trimTail([1, "a", null, 0, []], 2)).toEqual([1, "a"]);
    expect(trimTail([1, "a", null, 0, [2]], 2)).toEqual([1, "a", null, 0, [2]]);
    expect(trimTail([1, null, 0], 2)).toEqual([1, null]);
    expect(trimTail([1, "", "x", ""], 2)).toEqual([1, "", "x", ""]);
  });

  it("packs a bench lesson without constant words or trailing empties — exactly", () => {
    const week = packWeek({
      ...input,
      lessons: [lesson(17335), lesson(17336, { subjectName: "Музыка", bellNumber: 2, topic: null, homework: [] })],
      due: [due(15451, "Окружающий мир"), due(15452, "Математика")],
    });
    expect(week.days[0]).toEqual([
      "2026-12-07",
      "понедельник, 07.12.2026",
      1,
      [],
      [
        [
          17335,
          1,
          "08:30",
          "Окружающий мир",
          "каб. 106",
          "Закрепление: Человек и общество",
          [[15606, "§ 13, вопросы 3–4", "11.12.2026"]],
          [[15451, "§ 12, составить план ответа"]],
        ],
        [17336, 2, "08:30", "Музыка", "каб. 106"],
      ],
      [[15452, "§ 12, составить план ответа", null, "Математика"]],
    ]);
    // Main 9a283d9 packed the same day in 405 characters (the prefixes, `0,null,null,[],[]`, trailing nulls): 306.
    expect(JSON.stringify(week.days[0]).length).toBeLessThan(320);
  });

  it("renders the words the packed data leaves off: «Задано к уроку: », «<subject>: », «Д/з к <date>: », «Д/з: »", () => {
    const week = packWeek({
      ...input,
      lessons: [
        lesson(17335, {
          homework: [
            {
              id: 1,
              text: "Выучить",
              dueDate: day("2026-12-11"),
              createdAt: day("2026-12-06"),
              files: [],
              handin: null,
            },
            {
              id: 2,
              text: "Прочитать",
              dueDate: null,
              createdAt: day("2026-12-01"),
              files: [{ id: 9, fileName: "a.pdf", size: 1 }],
              handin: null,
            },
          ],
        }),
      ],
      due: [due(15451, "Окружающий мир"), due(15452, "Математика")],
    });
    const html = renderToStaticMarkup(createElement(WeekBoard, { week: JSON.stringify(week) }));
    const text = html.replace(/<!-- -->/g, "").replace(/<[^>]+>/g, "|");
    expect(text).toContain("|Задано к уроку: |§ 12, составить план ответа|");
    expect(text).toContain("|Математика: |§ 12, составить план ответа|");
    expect(text).toContain("|Д/з к 11.12.2026: |Выучить|");
    expect(text).toContain("|Д/з: |Прочитать|(a.pdf)|");
    // DRY-7: the new homework (created after the last visit) is still marked, the older one not.
    expect(html.match(/data-new="true"/g)).toHaveLength(1);
  });

  it("sends a due item set earlier in the same week as its id alone; the board shows its text and files", () => {
    const set = {
      id: 15606,
      text: "§ 13, вопросы 3–4",
      dueDate: day("2026-12-08"),
      createdAt: day("2026-12-01"),
      files: [{ id: 9, fileName: "план.pdf", size: 1 }],
      handin: null,
    };
    const tue = day("2026-12-08");
    const wed = day("2026-12-09");
    const week = packWeek({
      ...input,
      wholeWeek: true,
      lessons: [
        lesson(17335, { homework: [set] }),
        lesson(17400, { date: tue, topic: null, homework: [] }),
        lesson(17500, { date: wed, topic: null, homework: [] }),
      ],
      due: [
        { ...due(15606, "Окружающий мир"), dueDate: tue, text: set.text, files: set.files },
        // Not set this week: its text travels with it.
        { ...due(15451, "Окружающий мир"), dueDate: tue },
        // The same id with another text (never from one statement — a guard): its own text.
        { ...due(15606, "Окружающий мир"), dueDate: wed, text: "другое" },
      ],
    });
    expect(week.days[1][4]).toEqual([
      [17400, 1, "08:30", "Окружающий мир", "каб. 106", null, [], [[15606], [15451, "§ 12, составить план ответа"]]],
    ]);
    expect(week.days[2][4][0][7]).toEqual([[15606, "другое"]]);
    const html = renderToStaticMarkup(createElement(WeekBoard, { week: JSON.stringify(week) }));
    const tuesday = html
      .slice(html.indexOf('data-day="2026-12-08"'))
      .replace(/<!-- -->/g, "")
      .replace(/<[^>]+>/g, "|");
    expect(tuesday).toContain("|Задано к уроку: |§ 13, вопросы 3–4|(план.pdf)|");
    expect(tuesday).toContain("|Задано к уроку: |§ 12, составить план ответа|");
    expect(tuesday).toContain("|Задано к уроку: |другое|"); // Wednesday's
  });
});

// DAY-6 (round 23): a college's diary week reads «Задано к занятию: », «отменено», «Занятий нет»,
// «Комментарий преподавателя: » — the board had the school's words fixed. The words travel with a
// college's week only: a school's packed week is byte for byte what it was (no `words`).
describe("the diary week in the organisation's words (DAY-6)", () => {
  const college = {
    ...input,
    wholeWeek: true,
    lessons: [
      lesson(17335, {
        cancelled: true,
        homework: [
          {
            id: 3,
            text: "Отчёт",
            dueDate: day("2026-12-11"),
            createdAt: day("2026-12-01"),
            files: [],
            handin: { dueAt: null, status: "RETURNED", isLate: false, comment: "Переписать вывод" },
          },
        ],
      }),
      lesson(17336, { subjectName: "Базы данных" }),
    ],
    due: [due(15451, "Базы данных")],
  };
  const text = (week: unknown) =>
    renderToStaticMarkup(createElement(WeekBoard, { week: JSON.stringify(week) }))
      .replace(/<!-- -->/g, "")
      .replace(/<[^>]+>/g, "|");

  it("a college's week carries its words and the board shows them", async () => {
    const { SCHOOL_WEEK_WORDS } = await import("@/components/diary/week-board");
    const week = packWeek({ ...college, kind: "COLLEGE" });
    expect(week.words).toEqual(["Задано к занятию: ", "Комментарий преподавателя: ", "Занятий нет", "отменено"]);
    const shown = text(week);
    expect(shown).toContain("|Задано к занятию: |§ 12, составить план ответа|");
    expect(shown).toContain("|отменено|");
    expect(shown).toContain("|Занятий нет|"); // Tuesday to Friday
    expect(shown).toContain("Комментарий преподавателя: Переписать вывод");
    expect(shown).not.toMatch(/Задано к уроку|отменён\||Уроков нет|Комментарий учителя/);
    // The school's words on the board are the vocabulary's (one source).
    const { weekWords } = await import("@/components/diary/week-pack");
    const { vocabulary } = await import("@/lib/org/vocabulary");
    expect(SCHOOL_WEEK_WORDS).toEqual(weekWords(vocabulary("SCHOOL")));
  });

  it("a school's week sends no words and reads as before", () => {
    const school = packWeek({ ...college, kind: "SCHOOL" });
    expect("words" in school).toBe(false);
    expect(JSON.stringify(school)).toBe(JSON.stringify(packWeek(college)));
    const shown = text(school);
    expect(shown).toContain("|Задано к уроку: |§ 12, составить план ответа|");
    expect(shown).toContain("|отменён|");
    expect(shown).toContain("|Уроков нет|");
    expect(shown).toContain("Комментарий учителя: Переписать вывод");
  });
});
