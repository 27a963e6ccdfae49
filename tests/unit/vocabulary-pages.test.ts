// DAY-6: the words pages take from lib/org/vocabulary.ts — a college never reads «Учитель», «Ученик»,
// «Классы» or «кл.»; a school never reads «Сессия».
import { describe, expect, it } from "vitest";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { cap, choosePickerHint, countOf, vocabulary } from "@/lib/org/vocabulary";
import { roleLabel, rolesLabel, ROLE_LABELS, ROLES } from "@/lib/access/roles";
import { roleOptions } from "@/components/access/role-options";
import { AnnouncementForm } from "@/components/messages/announcement-form";
import { LessonsTable } from "@/components/home/lessons-table";

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

// DAY-6 (issue 20 item 6 leftovers): components that pages render for a college take the words
// from the organisation's kind — a college user reads no «Учитель», «Ученик», «Класс», «Уроков».
describe("college words in shared components (DAY-6)", () => {
  const college = /Учител|Ученик|Класс|Урок/;
  const lesson = {
    id: 1,
    journalHref: "/journal",
    bellNumber: 1,
    startTime: "08:30",
    className: "ИС-21",
    subjectName: "Базы данных",
    roomName: null,
    topic: null,
    cancelled: false,
    substituted: false,
  };

  it("the day's lessons table (home pages)", () => {
    const pages = [
      h(LessonsTable, { lessons: [lesson], showClass: true, kind: "COLLEGE" }),
      h(LessonsTable, { lessons: [], showClass: true, kind: "COLLEGE" }),
    ].map((el) => renderToStaticMarkup(el));
    for (const html of pages) expect(html).not.toMatch(college);
    expect(pages[0]).toContain("Группа");
    expect(pages[0]).toContain("Дисциплина");
    expect(pages[1]).toContain("Занятий нет.");
    // …and a school keeps its words.
    expect(renderToStaticMarkup(h(LessonsTable, { lessons: [lesson], showClass: true }))).toContain("Класс");
  });

  it("pages take the class word from the vocabulary, not from a local «COLLEGE ? Группа : Класс»", async () => {
    const { readFileSync } = await import("node:fs");
    const path = await import("node:path");
    const { sourceFiles } = await import("../support/source-files");
    const walk = (dir: string) => sourceFiles(dir, /\.tsx$/);
    const root = path.resolve(__dirname, "../..");
    const local = [...walk(path.join(root, "app")), ...walk(path.join(root, "components"))].filter((f) =>
      /COLLEGE" \? "Группа" : "Класс"/.test(readFileSync(f, "utf8")),
    );
    expect(local.map((f) => path.relative(root, f))).toEqual([]);
  });
});

// DAY-6 (round 22): role names and picker hints. The header, the profile, the mail's directory, the
// admin's visits and the board's role choice read a college teacher as «Учитель» and the journal's
// picker said «Выберите класс и предмет» at a college.
describe("role names and the picker's hint by organisation type (DAY-6)", () => {
  it("a college's teacher, student and class teacher; a school's as ROLE_LABELS", () => {
    expect(rolesLabel(["TEACHER", "CLASS_TEACHER"], "COLLEGE")).toBe("Преподаватель, Куратор");
    expect(roleLabel("STUDENT", "COLLEGE")).toBe("Студент");
    expect(roleLabel("DEPUTY", "COLLEGE")).toBe("Завуч");
    for (const r of ROLES) expect(roleLabel(r, "SCHOOL")).toBe(ROLE_LABELS[r]);
    expect(roleLabel("CLASS_TEACHER", "SCHOOL")).toBe("Классный руководитель");
    expect(
      roleOptions("COLLEGE")
        .map((o) => o.label)
        .join(" "),
    ).not.toMatch(/Учител|Ученик/);
    expect(roleOptions("SCHOOL").find((o) => o.value === "TEACHER")?.label).toBe("Учитель");
  });

  it("the journal's and the finals' picker hint", () => {
    expect(choosePickerHint(vocabulary("COLLEGE"))).toBe("Выберите группу и дисциплину, затем нажмите «Открыть».");
    expect(choosePickerHint(vocabulary("SCHOOL"))).toBe("Выберите класс и предмет, затем нажмите «Открыть».");
  });

  it("the board's announcement form", () => {
    const html = renderToStaticMarkup(h(AnnouncementForm, { classes: [], kind: "COLLEGE" }));
    expect(html).toContain("Группе");
    expect(html).not.toMatch(/Классу/);
    expect(renderToStaticMarkup(h(AnnouncementForm, { classes: [], kind: "SCHOOL" }))).toContain("Классу");
  });
});

// DAY-6 (round 23): the schedule's zod messages cannot know the organisation's kind, so each that names a
// school word names the college's too — «урок (занятие)», «учитель (преподаватель)», «предмет
// (дисциплина)», as round 22's «класс или группа». Before, a college's bad timetable cell or schedule change
// read «Укажите номер урока», «Для добавленного урока нужны предмет, учитель…».
describe("the schedule's form messages name both kinds' words (DAY-6)", () => {
  const PAIRS: [RegExp, RegExp][] = [
    [/урок/i, /заняти/i],
    [/учител/i, /преподавател/i],
    [/предмет/i, /дисциплин/i],
    [/класс/i, /групп/i],
  ];
  const oneSided = (message: string) =>
    PAIRS.filter(([school, college]) => school.test(message) && !college.test(message)).length > 0;

  it("no message of lib/schedule/schema.ts has only the school's word", async () => {
    const { readFileSync } = await import("node:fs");
    const path = await import("node:path");
    const source = readFileSync(path.resolve(__dirname, "../../lib/schedule/schema.ts"), "utf8");
    const code = source.replace(/^\s*\/\/.*$/gm, "");
    const messages = [...code.matchAll(/"([^"\n]*[а-яё][^"\n]*)"/gi)].map((m) => m[1]!);
    expect(messages.length).toBeGreaterThan(20);
    expect(messages.filter(oneSided)).toEqual([]);
    // …and the check sees one.
    expect(oneSided("Укажите номер урока")).toBe(true);
  });

  it("a parsed change shows them", async () => {
    const { changeForm, substitutionForm } = await import("@/lib/schedule/schema");
    const add = changeForm.safeParse({ kind: "ADD", classId: "1", date: "2026-12-02" });
    expect(add.success).toBe(false);
    expect(add.error?.issues.map((i) => i.message)).toContain(
      "Для добавленного урока (занятия) нужны предмет (дисциплина), учитель (преподаватель) и номер",
    );
    const same = substitutionForm.safeParse({
      originalId: "2",
      substituteId: "2",
      dateFrom: "2026-12-01",
      dateTo: "2026-12-02",
    });
    expect(same.error?.issues.map((i) => i.message)).toContain(
      "Замещающий учитель (преподаватель) совпадает с основным",
    );
  });
});
