// DAY-2, DAY-4, DAY-6: the family's day card — today's lessons come first (a phone's first screen), then
// the homework due today, then the next school day, then the marks; a cancelled lesson struck through
// «отменён», a substitute «замена: …»; marks in their colour; the switcher only for two children or
// more; the college's words (занятия).
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FamilyDayCard } from "@/components/home/family-day";
import type { FamilyHome } from "@/lib/home/loaders";
import type { DiaryLesson } from "@/lib/diary/data";

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

const lesson = (id: number, date: string, subjectName: string, extra: Partial<DiaryLesson> = {}): DiaryLesson => ({
  id,
  date: d(date),
  bellNumber: id,
  startTime: `0${7 + id}:00`,
  endTime: null,
  subjectName,
  roomName: "21",
  topic: null,
  cancelled: false,
  substituteName: null,
  homework: [],
  materials: [],
  marks: [],
  attendance: null,
  markChanges: [],
  ...extra,
});

function home(students = 1, next = true): FamilyHome {
  return {
    students: [
      { studentId: 7, name: "Артём", className: "7А" },
      { studentId: 8, name: "Маша", className: "3Б" },
    ].slice(0, students),
    day: {
      studentId: 7,
      today: d("2026-11-19"),
      lessons: [
        lesson(1, "2026-11-19", "Алгебра", { substituteName: "Иванова И. И." }),
        lesson(2, "2026-11-19", "История"),
      ],
      next: next ? { date: d("2026-11-20"), lessons: [lesson(3, "2026-11-20", "Физика", { cancelled: true })] } : null,
      due: {
        today: [{ id: 11, subjectName: "Алгебра", text: "№ 101", dueDate: d("2026-11-19"), files: [] }],
        next: [],
      },
      marks: {
        since: null,
        from: d("2026-11-18"),
        total: 1,
        list: [{ id: 5, label: "2", title: "Контрольная работа", subjectName: "Химия", date: d("2026-11-18") }],
      },
      absences: [
        {
          lessonId: 1,
          date: d("2026-11-18"),
          subjectName: "Алгебра",
          label: "Б",
          reason: "Отсутствовал по болезни",
        },
      ],
      unread: 2,
    },
  };
}

describe("the family's day card (DAY-2)", () => {
  it("puts today's lessons first, then the homework due today, the next day, the marks, the absences, the mail", () => {
    const out = renderToStaticMarkup(h(FamilyDayCard, { home: home(), kind: "SCHOOL", self: true }));
    const at = (s: string) => {
      const i = out.indexOf(s);
      expect(i, s).toBeGreaterThanOrEqual(0);
      return i;
    };
    expect(at("Уроки сегодня")).toBeLessThan(at("Алгебра"));
    expect(at("Алгебра")).toBeLessThan(at("№ 101"));
    expect(at("№ 101")).toBeLessThan(at("Завтра"));
    expect(at("Завтра")).toBeLessThan(at("Физика"));
    expect(at("Физика")).toBeLessThan(at("Новые отметки"));
    expect(at("Новые отметки")).toBeLessThan(at("Отсутствовал по болезни"));
    expect(at("Отсутствовал по болезни")).toBeLessThan(at("Непрочитанных сообщений: 2"));
    expect(out).toContain('href="/diary/7?day=2026-11-19"');
    expect(out).toContain("замена: Иванова И. И.");
    expect(out).toMatch(/line-through[^>]*>Физика/);
    expect(out).toContain("отменён");
    expect(out).toMatch(/data-tone="poor"[^>]*>2</);
    expect(out).toContain('href="/mail"');
    expect(out).toContain("Класс 7А");
    expect(out).not.toContain('aria-label="Дети"');
  });

  it("shows the switcher for two children, the child's name as the title", () => {
    const out = renderToStaticMarkup(h(FamilyDayCard, { home: home(2), kind: "SCHOOL", self: false }));
    expect(out).toContain('aria-label="Дети"');
    expect(out).toContain('href="/?child=8"');
    expect(out).toContain("Артём · 7А");
  });

  it("on a Saturday names Monday «Ближайшие уроки» with its date, today «Уроков нет»", () => {
    const sat = home();
    sat.day.today = d("2026-11-21");
    sat.day.lessons = [];
    sat.day.next = { date: d("2026-11-23"), lessons: [lesson(1, "2026-11-23", "Алгебра")] };
    const out = renderToStaticMarkup(h(FamilyDayCard, { home: sat, kind: "SCHOOL", self: true }));
    expect(out).toContain("Уроков нет");
    expect(out).toMatch(/Ближайшие уроки <span[^>]*>понедельник, 23\.11\.2026/);
    expect(out).not.toContain("Завтра");
  });

  it("speaks the college's words (DAY-6) and says when nothing is ahead", () => {
    const h0 = home(1, false);
    h0.day.lessons = [];
    const out = renderToStaticMarkup(h(FamilyDayCard, { home: h0, kind: "COLLEGE", self: true }));
    expect(out).toContain("Занятия сегодня");
    expect(out).toContain("Группа 7А");
    expect(out).toContain("Занятий нет");
    expect(out).not.toMatch(/[Уу]рок/);
  });
});
