// DAY-6, PRN-3 (issue 22 round 24): what round 23 left — the schedule approval's agreeing participles, the
// hand-in roster, the programme form's grade field, the access matrix's permission names, the printed
// journal's title page, and the words a wider scan found (home title, materials' audience, the journal
// picker's «Мои классы», subgroups). Each college case fails on main; each school case pins main's text.
import { describe, expect, it } from "vitest";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { cap, gradeFieldLabel, vocabulary } from "@/lib/org/vocabulary";
import { COLLEGE_NAV_LABELS, NAV_ITEMS, navItemFor } from "@/components/layout/nav-items";
import { describeEntry, type SnapshotEntry } from "@/lib/schedule/approval/rules";
import { MATRIX, permissionLabel } from "@/lib/access/matrix";
import { HandinRoster } from "@/components/learning/handin-roster";
import { CreateProgrammeForm } from "@/components/programmes/programme-forms";
import { homeTitle } from "@/components/home/home-title";
import { audienceLabel } from "@/lib/learning/materials/rules";
import { classSubjectGroups } from "@/components/journal/choice-fields";
import { entryConflicts, type SlotEntry as TimetableSlot } from "@/lib/schedule/timetable/rules";

const SCHOOL_WORDS = /[Уу]чител|[Уу]ченик|[Уу]чащ|[Кк]ласс|[Уу]рок|[Пп]редмет|[Шш]кол/;

const entry: SnapshotEntry = {
  id: 1,
  classId: 1,
  className: "ИС-21",
  subgroupId: null,
  subgroupName: null,
  subjectId: 1,
  subjectName: "Базы данных",
  teacherId: 1,
  teacherName: "Соколова Е. В.",
  roomId: null,
  roomName: "206",
  weekday: 1,
  bellNumber: 2,
  hours: 2,
  validFrom: "2026-09-01",
  validTo: "2027-05-31",
};

describe("schedule approval in the organisation's words (PRG-3, DAY-6)", () => {
  it("a college's «занятие» is neuter: добавлено / удалено / изменено", () => {
    expect(vocabulary("COLLEGE").lessonChange).toEqual({
      added: "добавлено",
      removed: "удалено",
      changed: "изменено",
    });
    expect(vocabulary("SCHOOL").lessonChange).toEqual({ added: "добавлен", removed: "удалён", changed: "изменён" });
    expect(vocabulary("COLLEGE").lessonShort).toBe("зан.");
    expect(vocabulary("SCHOOL").lessonShort).toBe("ур.");
  });

  it("names an entry «2-е занятие» at a college", () => {
    expect(describeEntry(entry, vocabulary("COLLEGE"))).toBe(
      "ИС-21, понедельник, 2-е занятие: Базы данных (Соколова Е. В., каб. 206)",
    );
    expect(describeEntry(entry, vocabulary("SCHOOL"))).toBe(
      "ИС-21, понедельник, 2-й урок: Базы данных (Соколова Е. В., каб. 206)",
    );
  });
});

describe("the hand-in roster (LRN-1, DAY-6)", () => {
  const roster = [
    {
      studentId: 1,
      name: "Алексеев Иван",
      state: "reviewed" as const,
      stateLabel: "проверено",
      mark: null,
      submission: {
        submissionId: 1,
        version: 1,
        attempts: 1,
        submittedLabel: "сдано 18.11 10:00",
        text: "Ответ",
        files: [],
        reviewComment: "Хорошо",
      },
    },
  ];
  const render = (kind: "SCHOOL" | "COLLEGE", rows: unknown[] = roster) =>
    renderToStaticMarkup(
      h(HandinRoster, { roster: rows as typeof roster, canReview: false, hasMarkTarget: false, kind } as never),
    );

  it("a college reads «Комментарий преподавателя», «студентам», «группе», «занятия»", () => {
    const college = render("COLLEGE");
    expect(college).toContain("Комментарий преподавателя: Хорошо");
    expect(college).toContain("Сдача работ по студентам");
    expect(college).not.toMatch(SCHOOL_WORDS);
    expect(render("COLLEGE", [])).toContain("В группе нет студентов на дату занятия.");
    const school = render("SCHOOL");
    expect(school).toContain("Комментарий учителя: Хорошо");
    expect(school).toContain("Сдача работ по ученикам");
    expect(render("SCHOOL", [])).toContain("В классе нет учеников на дату урока.");
  });
});

describe("the programme form's grade field (PRG-1, DAY-6)", () => {
  it("«Курс» at a college, «Класс (параллель)» at a school — from the vocabulary", () => {
    expect(gradeFieldLabel(vocabulary("COLLEGE"))).toBe("Курс");
    expect(gradeFieldLabel(vocabulary("SCHOOL"))).toBe("Класс (параллель)");
    const college = renderToStaticMarkup(h(CreateProgrammeForm, { subjects: [], college: true }));
    expect(college).toContain("Курс");
    expect(college).not.toMatch(/Класс|Предмет/);
    expect(renderToStaticMarkup(h(CreateProgrammeForm, { subjects: [], college: false }))).toContain(
      "Класс (параллель)",
    );
  });
});

describe("the access matrix's permission names (ACL-2, DAY-6)", () => {
  it("a college reads no school word in any permission's name; the keys and a school's names are unchanged", () => {
    const college = MATRIX.filter((r) => r.key !== "journal.hospital").map((r) => permissionLabel(r.key, "COLLEGE"));
    expect(college.filter((l) => SCHOOL_WORDS.test(l))).toEqual([]);
    expect(permissionLabel("org.edit", "COLLEGE")).toBe("Изменять сведения о колледже");
    expect(permissionLabel("people.manage", "COLLEGE")).toBe("Вести списки студентов и родителей (полная карточка)");
    expect(permissionLabel("movement.view", "COLLEGE")).toBe("Просматривать книгу движения студентов");
    // «санаторной/больничной школы» names the other institution, not the college.
    expect(permissionLabel("journal.hospital", "COLLEGE")).toBe(permissionLabel("journal.hospital", "SCHOOL"));
    for (const r of MATRIX) expect(permissionLabel(r.key, "SCHOOL")).toBe(r.label);
    expect(permissionLabel("org.edit", "SCHOOL")).toBe("Изменять сведения о школе");
  });
});

describe("words a wider scan found (DAY-6)", () => {
  it("the teacher's home title, the materials' audience, the journal picker's own group", () => {
    expect(homeTitle("TEACHER", true)).toBe("Рабочий стол преподавателя");
    expect(homeTitle("TEACHER", false)).toBe("Рабочий стол учителя");
    expect(audienceLabel({ className: null, grade: null }, true)).toBe("все группы");
    expect(audienceLabel({ className: null, grade: null }, false)).toBe("все классы");
    const option = (c: { className: string }) => ({ value: c.className, label: c.className });
    const mine = () => true;
    expect(classSubjectGroups([{ className: "ИС-21" }], option, mine, true)[0]!.label).toBe("Мои группы");
    expect(classSubjectGroups([{ className: "7А" }], option, mine, false)[0]!.label).toBe("Мои классы");
  });
});

describe("the timetable's conflicts at a college (SCH-2, DAY-6)", () => {
  // The approval's entry above with the slot's times and dates.
  const slot = (over: Partial<TimetableSlot>): TimetableSlot => ({
    ...entry,
    start: 565,
    end: 610,
    validFrom: new Date(`${entry.validFrom}T00:00:00Z`),
    validTo: new Date(`${entry.validTo}T00:00:00Z`),
    ...over,
  });

  it("names the teacher, the lesson and the subject a college's way; a school's unchanged", () => {
    const twice = entryConflicts(
      slot({ id: null, classId: 2, className: "ИС-22", roomId: null }),
      [slot({})],
      [],
      true,
    );
    expect(twice[0]).toMatch(
      /^Преподаватель Соколова Е\. В\. в это время ведёт занятие в ИС-21 \(.*\) и не может вести занятие в ИС-22$/,
    );
    expect(twice[1]).toBe(
      "У преподавателя Соколова Е. В. нет нагрузки (тарификации) по дисциплине «Базы данных» в ИС-22",
    );
    const inRoom = { roomId: 21, roomName: "21" };
    const room = entryConflicts(
      slot({ id: null, teacherId: 11, teacherName: "Иванов И. И.", ...inRoom }),
      [slot(inRoom)],
      [],
      true,
    );
    expect(room.join("\n")).not.toMatch(SCHOOL_WORDS);
    expect(room.some((m) => m.startsWith("Кабинет 21 в это время занят: занятие Базы данных"))).toBe(true);
    expect(room.some((m) => m.startsWith("У ИС-21 в это время уже есть занятие: Базы данных"))).toBe(true);
    expect(entryConflicts(slot({ id: null }), [], [], false)).toEqual([
      "У учителя Соколова Е. В. нет нагрузки (тарификации) по предмету «Базы данных» в ИС-21",
    ]);
  });
});

describe("the main menu at a college (DAY-6, DAY-7)", () => {
  it("reads «Студенты», «Группы», «Дисциплины» — the vocabulary's words; a school's menu is NAV_ITEMS itself", () => {
    const v = vocabulary("COLLEGE");
    expect(COLLEGE_NAV_LABELS).toEqual({
      "/people": cap(v.student.nomPl),
      "/org/classes": cap(v.class.nomPl),
      "/org/subjects": cap(v.subject.nomPl),
    });
    // Before: «Ученики», «Классы», «Предметы» in a college's menu on every page.
    expect(NAV_ITEMS.map((i) => navItemFor(i, true).label).filter((l) => SCHOOL_WORDS.test(l))).toEqual([]);
    for (const item of NAV_ITEMS) expect(navItemFor(item, false)).toBe(item);
  });
});

describe("the teacher's deadline, the mail's class recipients, an event for everyone (DAY-6)", () => {
  it("a college reads «занятия», «студентам и родителям группы», «для всего колледжа»", async () => {
    const { MyDeadline } = await import("@/components/home/duties");
    const { EventLine } = await import("@/components/schedule/event-line");
    const { wholeOrganisation } = await import("@/lib/org/vocabulary");
    const state = {
      deadline: "20:00",
      passed: true,
      reminder: null,
      lessons: [{ lessonId: 1, bell: 3, className: "ИС-21", subject: "Базы данных", missing: [] }],
    } as never;
    const college = renderToStaticMarkup(h(MyDeadline, { state, timeZone: "Europe/Samara", kind: "COLLEGE" }));
    expect(college).toContain("3-е занятие · ИС-21");
    expect(college).toContain("заполните занятия как можно скорее");
    expect(college).not.toMatch(SCHOOL_WORDS);
    const school = renderToStaticMarkup(h(MyDeadline, { state, timeZone: "Europe/Samara" }));
    expect(school).toContain("3-й урок · ИС-21");
    expect(school).toContain("Срок прошёл — заполните уроки как можно скорее.");
    const event = {
      id: 1,
      title: "День открытых дверей",
      startsAt: new Date("2026-12-19T07:00:00Z"),
      place: null,
      className: null,
      description: null,
    } as never;
    expect(renderToStaticMarkup(h(EventLine, { event, timeZone: "Europe/Samara", kind: "COLLEGE" }))).toContain(
      " · для всего колледжа",
    );
    expect(renderToStaticMarkup(h(EventLine, { event, timeZone: "Europe/Samara" }))).toContain(" · для всей школы");
    const { ComposeForm } = await import("@/components/messages/compose-form");
    const options = { family: false, persons: [], roles: false, classes: [{ id: 1, name: "ИС-21" }] };
    expect(renderToStaticMarkup(h(ComposeForm, { options, draft: null, kind: "COLLEGE" }))).toContain(
      "Студентам и родителям группы…",
    );
    expect(renderToStaticMarkup(h(ComposeForm, { options, draft: null }))).toContain("Ученикам и родителям класса…");
    expect(wholeOrganisation(vocabulary("COLLEGE"))).toBe("весь колледж");
    expect(wholeOrganisation(vocabulary("SCHOOL"))).toBe("вся школа");
  });
});
