// DAY-6, PRN-3 (issue 22 round 24): /control's files, labels and messages in the organisation's words.
// Before: the check level «классный руководитель» was rewritten on the page only (the RPT-11 file kept it),
// the fill / remarks / deadline files read «Учитель», «Проведено уроков», «на ученика», «Класс, предмет,
// урок», «Комментарий учителя» at a college, and a remark's state was «Устранено учителем».
// Each college case fails on main; each school case pins main's bytes.
import { describe, expect, it } from "vitest";
import type { ReportModel, HeaderNode } from "@/lib/reports/model";
import { fillModel, remarksModel, type FillReport } from "@/lib/control/report";
import { buildDeadlineModel, figuresOf } from "@/lib/control/deadline/report";
import { buildChecksModel } from "@/lib/control/checks/report";
import { checkLevelLabel, frequencyLabel } from "@/lib/control/checks/rules";
import { remarkStatusLabel } from "@/lib/control/rules";
import type { RemarkRow } from "@/lib/control/remarks/data";

const NOW = new Date("2026-11-20T09:00:00Z");
const SCHOOL_WORDS = /[Уу]чител|[Уу]ченик|[Кк]ласс|[Уу]рок|[Пп]редмет/;

/** Every word a file shows: title, parameters, heads (with their children), cells, notes. */
function textOf(m: ReportModel): string {
  const heads = (nodes: HeaderNode[]): string[] => nodes.flatMap((n) => [n.label, ...heads(n.children ?? [])]);
  return [
    m.title,
    ...m.parameters.flatMap((p) => [p.label, p.value]),
    ...heads(m.header),
    ...m.rows.flat().map(String),
    ...m.notes,
    ...(m.sections ?? []).flatMap((s) => [s.title, ...heads(s.header), ...s.rows.flat().map(String)]),
  ].join("\n");
}

function fill(isCollege: boolean): FillReport {
  return {
    rows: [
      {
        teacherId: 1,
        classId: 2,
        subjectId: 3,
        lessons: 4,
        noTopic: 1,
        noHomework: 0,
        noAttendance: 0,
        marks: 10,
        lateMarks: 0,
        students: 5,
        density: 2.5,
        lastFilledAt: null,
        teacher: "Иванова А. А.",
        className: "ИС-21",
        subject: "Базы данных",
      },
    ],
    totals: { lessons: 4, noTopic: 1, noHomework: 0, noAttendance: 0, marks: 10, lateMarks: 0, density: 2.5 },
    timeZone: "Europe/Samara",
    lockDays: 3,
    orgName: "Колледж",
    isCollege,
  };
}

const remark: RemarkRow = {
  id: 1,
  status: "DONE",
  text: "Нет темы",
  teacherNote: "Внесено",
  createdAt: NOW,
  doneAt: NOW,
  closedAt: null,
  authorId: 1,
  author: "Петрова В. В.",
  teacherId: 2,
  teacher: "Иванова А. А.",
  className: "ИС-21",
  subjectName: "Базы данных",
  lessonDate: new Date("2026-11-18T00:00:00Z"),
};

const remarks = (isCollege: boolean) =>
  remarksModel(
    { name: "Колледж", timeZone: "Europe/Samara", isCollege },
    { from: new Date("2026-11-16T00:00:00Z"), to: new Date("2026-11-22T00:00:00Z") },
    [remark],
    { kind: "week", status: "DONE" },
    NOW,
  );

const fillParams = {
  from: new Date("2026-11-01T00:00:00Z"),
  to: new Date("2026-11-20T00:00:00Z"),
  teacherId: 1,
  subjectId: 3,
};

const deadline = (isCollege: boolean) =>
  buildDeadlineModel({
    orgName: "Колледж",
    isCollege,
    figures: figuresOf(new Date("2026-11-19T00:00:00Z"), 20 * 60, [
      {
        teacherId: 1,
        teacher: "Иванова А. А.",
        day: { onTime: 1, due: 2 },
        week: { onTime: 3, due: 4 },
        month: { onTime: 5, due: 6 },
      },
    ]),
    now: NOW,
  });

const checks = (isCollege: boolean) =>
  buildChecksModel({
    orgName: "Колледж",
    isCollege,
    from: new Date("2026-11-01T00:00:00Z"),
    to: new Date("2026-11-20T00:00:00Z"),
    checks: [
      {
        id: 1,
        checkedOn: new Date("2026-11-10T00:00:00Z"),
        level: "CLASS_TEACHER",
        classId: 2,
        className: "ИС-21",
        subject: null,
        period: null,
        checker: "Сидоров С. С.",
        result: "REMARKS",
        findings: null,
        remarks: [{ id: 1, teacher: "Иванова А. А.", text: "Нет темы", status: "OPEN" }],
      },
    ],
    due: [
      {
        level: "CLASS_TEACHER",
        classId: 2,
        className: "ИС-21",
        responsible: "Сидоров С. С.",
        lastCheck: null,
        due: new Date("2026-11-08T00:00:00Z"),
        overdueDays: 12,
      },
    ],
    every: { CLASS_TEACHER: "WEEK", HEAD_OF_DEPT: "MONTH", DEPUTY: "HALF_YEAR" },
    now: NOW,
  });

describe("the check level's name lives in lib/control (DUT-2, DAY-6)", () => {
  it("a college's class-teacher level is «куратор», a school's «классный руководитель»", () => {
    expect(checkLevelLabel("CLASS_TEACHER", "COLLEGE")).toBe("куратор");
    expect(checkLevelLabel("CLASS_TEACHER", true)).toBe("куратор");
    expect(checkLevelLabel("CLASS_TEACHER", "SCHOOL")).toBe("классный руководитель");
    expect(checkLevelLabel("HEAD_OF_DEPT", "COLLEGE")).toBe("заведующий отделением");
    expect(checkLevelLabel("DEPUTY", "SCHOOL")).toBe("администрация (заместитель директора)");
    // A college has no «четверть»: the 3-month frequency is «раз в квартал».
    expect(frequencyLabel("QUARTER", "COLLEGE")).toBe("раз в квартал (3 месяца)");
    expect(frequencyLabel("QUARTER", "SCHOOL")).toBe("раз в четверть (3 месяца)");
    expect(frequencyLabel("WEEK", true)).toBe("еженедельно");
  });

  it("the checks file (RPT-11) names the level, the teachers and the subjects a college's way", () => {
    const college = textOf(checks(true));
    expect(college).not.toMatch(SCHOOL_WORDS);
    expect(college).toContain("куратор — еженедельно");
    expect(college).toContain("Замечания преподавателям");
    expect(college).toContain("все дисциплины");
    const school = textOf(checks(false));
    expect(school).toContain("классный руководитель — еженедельно");
    expect(school).toContain("Замечания учителям");
    expect(school).toContain("все предметы");
  });

  it("the page side holds no rewrite of its own (one place: lib/control/checks/rules.ts)", async () => {
    const { existsSync } = await import("node:fs");
    const path = await import("node:path");
    expect(existsSync(path.resolve(__dirname, "../../components/control/check-level.ts"))).toBe(false);
  });
});

describe("/control's files in the organisation's words (CTL-1, CTL-2, DUT-1; DAY-6)", () => {
  it("the journal-fill file (CTL-1)", () => {
    const college = fillModel(fill(true), fillParams, NOW);
    expect(college.title).toBe("Отчёт о доступе к журналу учебных занятий");
    expect(textOf(college)).not.toMatch(SCHOOL_WORDS);
    expect(college.header.map((h) => h.label)).toEqual([
      "Преподаватель",
      "Группа",
      "Дисциплина",
      "Проведено занятий",
      "Занятий без записи",
      "Отметок позже 3 дн.",
      "Отметок всего",
      "Накопляемость (на студента за 5 занятий)",
      "Последнее заполнение",
    ]);
    expect(college.parameters.map((p) => p.label)).toEqual(["Период", "Преподаватель", "Дисциплина"]);
    expect(college.notes[0]).toBe(
      "Учитываются проведённые занятия (не отменённые и не позже даты печати); занятие замены — за заменявшим преподавателем.",
    );
    // …and a school's file keeps main's words, byte for byte.
    const school = fillModel(fill(false), fillParams, NOW);
    expect(school.title).toBe("Отчёт о доступе к классному журналу");
    expect(school.header.map((h) => h.label)).toEqual([
      "Учитель",
      "Класс",
      "Предмет",
      "Проведено уроков",
      "Уроков без записи",
      "Отметок позже 3 дн.",
      "Отметок всего",
      "Накопляемость (на ученика за 5 уроков)",
      "Последнее заполнение",
    ]);
    expect(school.notes).toEqual([
      "Учитываются проведённые уроки (не отменённые и не позже даты печати); урок замены — за заменявшим учителем.",
      "Посещаемость отмечена, если на уроке есть пропуск или отметка «все присутствуют».",
      "Отметки позже 3 дн. — отметки, выставленные позже срока редактирования урока (по времени создания отметки); последнее заполнение — самое позднее из времени записи темы, отметок, посещаемости, домашнего задания и истории изменений.",
      "Накопляемость — отметок на одного ученика за 5 уроков (отметки ÷ ученики ÷ уроки × 5).",
    ]);
  });

  it("the remarks file (CTL-2) and a remark's state", () => {
    const college = remarks(true);
    expect(textOf(college)).not.toMatch(SCHOOL_WORDS);
    expect(college.header.map((h) => h.label)).toContain("Группа, дисциплина, занятие");
    expect(college.header.map((h) => h.label)).toContain("Комментарий преподавателя");
    expect(college.rows[0]).toContain("ИС-21, Базы данных, занятие 18.11.2026");
    expect(college.rows[0]).toContain("Устранено преподавателем");
    expect(college.parameters).toContainEqual({ label: "Состояние", value: "Устранено преподавателем" });
    const school = remarks(false);
    expect(school.header.map((h) => h.label)).toEqual([
      "№",
      "Дата",
      "Учитель",
      "Класс, предмет, урок",
      "Замечание",
      "Автор",
      "Состояние",
      "Комментарий учителя",
      "Устранено",
      "Закрыто",
    ]);
    expect(school.rows[0]).toContain("ИС-21, Базы данных, урок 18.11.2026");
    expect(remarkStatusLabel("DONE", "SCHOOL")).toBe("Устранено учителем");
    expect(remarkStatusLabel("OPEN", "COLLEGE")).toBe("Открыто");
    expect(remarkStatusLabel("CLOSED", "COLLEGE")).toBe("Закрыто");
  });

  it("the deadline file (DUT-1)", () => {
    const college = deadline(true);
    expect(textOf(college)).not.toMatch(SCHOOL_WORDS);
    expect(college.header[0]!.label).toBe("Преподаватель");
    expect(college.header[1]!.children!.map((c) => c.label)).toEqual(["в срок", "занятий", "%"]);
    expect(college.notes[0]).toMatch(/^Занятие заполнено в срок, если до 20:00 дня занятия /);
    const school = deadline(false);
    expect(school.header[0]!.label).toBe("Учитель");
    expect(school.header[1]!.children!.map((c) => c.label)).toEqual(["в срок", "уроков", "%"]);
    expect(school.notes.slice(0, 2)).toEqual([
      "Урок заполнен в срок, если до 20:00 дня урока (по времени организации) внесены тема, посещаемость, домашнее задание или отметка «не задано» («не предусмотрено» в 1 классе) и отметки за задания со сроком в этот день.",
      "Неделя — с понедельника по эту дату, месяц — с 1-го числа по эту дату; не заполненные уроки, срок которых ещё не наступил, не считаются.",
    ]);
  });
});
