// DAY-6 (PRN-3), round 22: the components the org, plans, materials, clubs, schedule and access pages
// render read a college's words — группа, студент, преподаватель, куратор, занятие, дисциплина, курс —
// and a school's exactly as before. Each render below read «Класс», «Учитель», «Предмет», «урок»,
// «Ученик» at a college before (the components had fixed school words or no kind at all).
import { describe, expect, it, vi } from "vitest";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { cap, vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => undefined, push: () => undefined }) }));

/** School words a college page must not show (capitalised or not, as whole words). */
const SCHOOL_WORDS = /(?<![а-яё])(класс|учител|ученик|предмет|урок|классн)/i;

describe("vocabulary phrases (DAY-6)", () => {
  it("agree with the noun: «вся группа», «группа не найдена», «добавлено занятие»", () => {
    const c = vocabulary("COLLEGE");
    const s = vocabulary("SCHOOL");
    const pick = (v: typeof c) => [
      v.wholeClass,
      v.yourClass,
      v.wholeParallel,
      v.classNotChosen,
      v.classNotFound,
      v.subjectNotFound,
      v.extraLesson,
      v.lessonAdded,
      v.thisClass.gen,
      v.withSameSubject,
    ];
    expect(pick(c)).toEqual([
      "вся группа",
      "вашей группы",
      "весь курс",
      "группа не выбрана",
      "группа не найдена",
      "дисциплина не найдена",
      "дополнительное занятие",
      "добавлено занятие",
      "этой группы",
      "с той же дисциплиной",
    ]);
    expect(pick(c).join(" ")).not.toMatch(SCHOOL_WORDS);
    expect(pick(s)).toEqual([
      "весь класс",
      "вашего класса",
      "вся параллель",
      "класс не выбран",
      "класс не найден",
      "предмет не найден",
      "дополнительный урок",
      "добавлен урок",
      "этого класса",
      "с тем же предметом",
    ]);
  });
});

const both = async (render: (kind: OrgKindName) => Promise<string> | string) => ({
  college: await render("COLLEGE"),
  school: await render("SCHOOL"),
});

describe("components in the organisation's words (DAY-6)", () => {
  it("the fulfilment table's heads (plans/fulfilment)", async () => {
    const { FulfilmentTable } = await import("@/components/plans/fulfilment-table");
    const { packFulfilment } = await import("@/components/plans/fulfilment-rows");
    const rows = packFulfilment([
      {
        classId: 1,
        className: "ИС-21",
        subjectId: 2,
        subjectName: "Базы данных",
        subgroupId: null,
        subgroupName: null,
        yearHours: 72,
        planned: 30,
        given: 28,
        difference: -2,
        lagging: false,
        teachers: [{ name: "Орлова А. В." }],
      },
    ]);
    const html = await both((kind) => renderToStaticMarkup(h(FulfilmentTable, { rows, kind })));
    expect(html.college).toContain(">Группа<");
    expect(html.college).toContain(">Дисциплина<");
    expect(html.college).toContain(">Преподаватель<");
    expect(html.college.replace("ИС-21", "")).not.toMatch(/>(Класс|Предмет|Учитель)</);
    expect(html.school).toContain(">Класс<");
    expect(html.school).toContain(">Предмет<");
    expect(html.school).toContain(">Учитель<");
    // Without a kind it is a school's table (the integration tests render it so).
    expect(renderToStaticMarkup(h(FulfilmentTable, { rows }))).toBe(html.school);
  });

  it("the timetable cell's form (schedule/edit)", async () => {
    const { EntryForm } = await import("@/components/schedule/entry-form");
    const props = {
      classId: 1,
      weekday: 1,
      bellNumber: 1,
      slotLabel: "Пн, 1",
      options: {
        subjects: [{ id: 1, name: "Базы данных" }],
        teachers: [{ id: 2, name: "Орлова А. В." }],
        rooms: [],
        subgroups: [{ id: 3, name: "1 подгруппа" }],
      } as never,
      defaults: {
        entryId: null,
        subjectId: null,
        teacherId: null,
        roomId: null,
        subgroupId: null,
        hours: 2,
        validFrom: "2026-09-01",
        validTo: "2027-06-30",
      },
    };
    const college = renderToStaticMarkup(h(EntryForm, { ...props, college: true }));
    const school = renderToStaticMarkup(h(EntryForm, props));
    expect(college).toContain("Добавить занятие: Пн, 1");
    expect(college).toContain("Дисциплина");
    expect(college).toContain("Преподаватель");
    expect(college).toContain("вся группа");
    expect(college).not.toMatch(SCHOOL_WORDS);
    expect(school).toContain("Добавить урок: Пн, 1");
    expect(school).toContain("Предмет");
    expect(school).toContain("Учитель");
    expect(school).toContain("весь класс");
  });

  it("the library's form (materials)", async () => {
    const { MaterialForm } = await import("@/components/learning/material-forms");
    const props = { subjects: [{ id: 1, name: "Базы данных" }], classes: [{ id: 1, name: "ИС-21", grade: 2 }] };
    const html = await both((kind) => renderToStaticMarkup(h(MaterialForm, { ...props, kind })));
    expect(html.college).toContain("Дисциплина");
    expect(html.college).toContain("— весь курс или все группы —");
    expect(html.college).toContain("Курс (если группа не выбрана)");
    expect(html.college).not.toMatch(SCHOOL_WORDS);
    expect(html.school).toContain("— вся параллель или все классы —");
    expect(html.school).toContain("Параллель (если класс не выбран)");
    expect(renderToStaticMarkup(h(MaterialForm, props))).toBe(html.school);
  });

  it("the week's changes (schedule, schedule/changes)", async () => {
    const { ChangeList, changeLabel } = await import("@/components/schedule/change-list");
    const change = {
      id: 1,
      kind: "ADD" as const,
      date: new Date("2026-12-07T00:00:00Z"),
      toDate: null,
      bellNumber: 2,
      className: "ИС-21",
      subjectName: null,
      teacherName: null,
      roomName: null,
      note: null,
    };
    expect(renderToStaticMarkup(h(ChangeList, { changes: [change], college: true }))).toContain("добавлено занятие");
    expect(renderToStaticMarkup(h(ChangeList, { changes: [change], college: false }))).toContain("добавлен урок");
    expect(changeLabel("MOVE", true)).toBe("перенос");
  });

  it("the clubs' report form", async () => {
    const { ClubReportForm } = await import("@/components/clubs/club-report-form");
    const props = {
      title: "Отчёт",
      periods: [],
      defaultPeriodId: null,
      range: { from: "2026-09-01", to: "2026-12-07" },
    };
    const html = await both((kind) => renderToStaticMarkup(h(ClubReportForm, { ...props, kind })));
    expect(html.college).toContain("По каждому студенту");
    expect(html.school).toContain("По каждому ученику");
  });

  it("the access matrix's legend and cells (admin/access)", async () => {
    const { MatrixForm } = await import("@/components/access/matrix-form");
    const view = {
      rows: [
        {
          key: "journal.view",
          label: "Просматривать журнал",
          cells: (["TEACHER", "CLASS_TEACHER", "STUDENT"] as const).map((column) => ({
            column,
            scope: "own" as const,
            isDefault: true,
          })),
        },
      ],
    };
    const html = await both((kind) => renderToStaticMarkup(h(MatrixForm, { view, kind })));
    for (const w of ["Преподаватель", "Куратор", "Студент"]) expect(html.college).toContain(w);
    expect(html.college).not.toMatch(/Учитель|Ученик|Классный руководитель/);
    for (const w of ["Учитель", "Ученик", "Классный руководитель"]) expect(html.school).toContain(w);
    // Round 23: the short heads and the «class» scope (the legend lists every scope; a cell shows its own).
    const heads = (page: string) => [...page.matchAll(/<abbr [^>]*>([^<]+)<\/abbr>/g)].map((m) => m[1]);
    expect(heads(html.college)).toContain("ПР");
    expect(heads(html.college)).toContain("КУ");
    expect(heads(html.college)).toContain("СТ");
    expect(heads(html.college)).not.toContain("УЧ");
    expect(heads(html.college)).not.toContain("КР");
    expect(heads(html.college)).not.toContain("УН");
    expect(html.college).toContain("Области: все, отдел., свои, группа, о себе, руковод.");
    expect(heads(html.school).slice(6, 9)).toEqual(["УЧ", "КР", "УН"]);
    expect(html.school).toContain("Области: все, отдел., свои, класс, о себе, руковод.");
  });

  it("the class × subject picker's label (journal, plans)", async () => {
    const { ClassSubjectField } = await import("@/components/journal/choice-fields");
    const render = (college: boolean) =>
      renderToStaticMarkup(
        h(ClassSubjectField<{ className: string }>, {
          name: "pick",
          college,
          choices: [],
          selected: "",
          option: () => ({ value: "", label: "" }),
        }),
      );
    expect(render(true)).toContain("Группа и дисциплина");
    expect(render(false)).toContain("Класс и предмет");
  });

  it("the printed portfolio names the group and the curator (portfolio PDF)", async () => {
    const { studentPortfolioModel } = await import("@/lib/portfolio/loaders");
    const view = (kind: OrgKindName) =>
      ({ student: { fullName: "Иванов Иван", className: "ИС-21" }, entries: [], seesAll: true, kind }) as never;
    const college = studentPortfolioModel("Колледж", view("COLLEGE"), new Date());
    const school = studentPortfolioModel("Школа", view("SCHOOL"), new Date());
    expect(college.parameters[1].label).toBe("Группа");
    expect(college.notes?.join(" ")).toContain("студентом или родителем");
    expect(college.notes?.join(" ")).toContain("куратором");
    expect(school.parameters[1].label).toBe("Класс");
    expect(school.notes?.join(" ")).toContain(
      "Записи, добавленные учеником или родителем, считаются подтверждёнными после проверки классным руководителем.",
    );
  });
});

describe("forms and lists of the second walk (DAY-6)", () => {
  it("the new plan's form (plans)", async () => {
    const { CreatePlanForm } = await import("@/components/plans/create-plan-form");
    const loads = [{ id: 1, label: "ИС-21, Базы данных" }];
    const college = renderToStaticMarkup(h(CreatePlanForm, { loads, kind: "COLLEGE" }));
    expect(college).toContain("Группа и дисциплина");
    expect(college).toContain("на весь курс");
    const school = renderToStaticMarkup(h(CreatePlanForm, { loads }));
    expect(school).toContain("Класс и предмет");
    expect(school).toContain("на всю параллель");
  });

  it("the class links of the curriculum and the load (org)", async () => {
    const { ClassPicker } = await import("@/components/org/class-picker");
    const props = { path: "/org/load", classes: [{ id: 1, name: "ИС-21" }], current: 1 };
    expect(renderToStaticMarkup(h(ClassPicker, { ...props, kind: "COLLEGE" }))).toContain('aria-label="Группы"');
    expect(renderToStaticMarkup(h(ClassPicker, props))).toContain('aria-label="Классы"');
  });

  it("the journal lessons' form (schedule/lessons)", async () => {
    const { GenerateForm } = await import("@/components/schedule/generate-form");
    const props = { classes: [{ id: 1, name: "ИС-21" }], from: "2026-12-07", to: "2027-06-30" };
    expect(renderToStaticMarkup(h(GenerateForm, { ...props, kind: "COLLEGE" }))).toContain("Сформировать занятия");
    expect(renderToStaticMarkup(h(GenerateForm, props))).toContain("Сформировать уроки");
  });

  it("the board's audience (board)", async () => {
    const { BoardList } = await import("@/components/messages/board-list");
    const item = {
      id: 1,
      title: "Собрание",
      body: "В 15:00",
      author: "Белова Л. Г.",
      publishedAt: new Date("2026-12-05T07:00:00Z"),
      expiresAt: null,
      audience: "ROLE" as const,
      role: "TEACHER" as const,
      className: null,
      source: "USER",
      mine: false,
    } as never;
    const props = {
      items: [item],
      now: new Date("2026-12-07T07:00:00Z"),
      timeZone: "Europe/Samara",
      canRemoveAny: false,
    };
    expect(renderToStaticMarkup(h(BoardList, { ...props, kind: "COLLEGE" }))).toContain("для роли «Преподаватель»");
    expect(renderToStaticMarkup(h(BoardList, props))).toContain("для роли «Учитель»");
  });

  it("who sees a document or a resource (documents, resources)", async () => {
    const { RolesField } = await import("@/components/documents/roles-field");
    const html = await both((kind) => renderToStaticMarkup(h(RolesField, { initial: [], kind })));
    expect(html.college).toContain("без студентов и родителей");
    expect(html.college).toContain("Преподаватель");
    expect(html.college).not.toMatch(/Учитель|Ученик|ученик/);
    expect(html.school).toContain("без учеников и родителей");
    expect(html.school).toContain("Учитель");
  });

  it("the curator's absences with reasons (journal/attendance)", async () => {
    const { ReasonsForm } = await import("@/components/journal/reasons-form");
    const rows = [
      {
        lessonId: 1,
        studentId: 2,
        student: "Воронцов Даниил",
        date: "02.12.2026",
        bell: 3,
        subject: "Базы данных",
        code: "N" as const,
        version: 1,
      },
    ];
    const college = renderToStaticMarkup(h(ReasonsForm, { classId: 1, rows, kind: "COLLEGE" }));
    expect(college).toContain("Пропуски группы");
    expect(college).toContain("Воронцов Даниил, 02.12.2026, 3-е занятие, Базы данных");
    expect(college).not.toMatch(SCHOOL_WORDS);
    const school = renderToStaticMarkup(h(ReasonsForm, { classId: 1, rows }));
    expect(school).toContain("Пропуски класса");
    expect(school).toContain("Воронцов Даниил, 02.12.2026, 3-й урок, Базы данных");
  });

  it("a new staff login's role (people/staff)", async () => {
    const { StaffCreateForm } = await import("@/components/people/staff-create-form");
    expect(renderToStaticMarkup(h(StaffCreateForm, { kind: "COLLEGE" }))).toContain(">Преподаватель<");
    expect(renderToStaticMarkup(h(StaffCreateForm))).toContain(">Учитель<");
  });
});

// DAY-6, round 23: /control's forms and DUT-1's shares, the diary's header and the marks charts (the
// diary, the student card) — each read «Предмет», «урока», «учителю», «классный руководитель»,
// «Уроков … нет», «средний балл класса», «не зачислен в класс», «учеников» at a college before.
describe("/control, the diary and the charts in the organisation's words (DAY-6, round 23)", () => {
  const options = { teachers: [{ id: 1, name: "Орлова А. В." }], classes: [{ id: 2, name: "ИС-21" }] };

  it("the remark form (control/remarks)", async () => {
    const { RemarkForm } = await import("@/components/control/remark-form");
    const props = { ...options, subjects: [{ id: 3, name: "Базы данных" }] };
    const html = await both((kind) => renderToStaticMarkup(h(RemarkForm, { ...props, kind })));
    for (const w of [
      ">Преподаватель<",
      ">Группа<",
      ">Дисциплина<",
      "Дата занятия (необязательно)",
      "Отправить преподавателю",
    ])
      expect(html.college).toContain(w);
    expect(html.college.replace("ИС-21", "")).not.toMatch(SCHOOL_WORDS);
    for (const w of [">Учитель<", ">Класс<", ">Предмет<", "Дата урока (необязательно)", "Отправить учителю"])
      expect(html.school).toContain(w);
    expect(renderToStaticMarkup(h(RemarkForm, props))).toBe(html.school);
  });

  it("the check form (control/checks): its subject, levels and remark", async () => {
    const { CheckForm } = await import("@/components/control/check-form");
    const props = {
      ...options,
      classes: [{ id: 2, name: "ИС-21", levels: ["CLASS_TEACHER" as const, "DEPUTY" as const] }],
      subjects: [{ id: 3, name: "Базы данных" }],
      periods: [],
      canRemark: true,
    };
    const html = await both((kind) => renderToStaticMarkup(h(CheckForm, { ...props, kind })));
    for (const w of [">Дисциплина<", "все дисциплины", ">куратор<", "Замечание преподавателю (необязательно)"])
      expect(html.college).toContain(w);
    expect(html.college.replace("ИС-21", "")).not.toMatch(SCHOOL_WORDS);
    for (const w of [">Предмет<", "все предметы", ">классный руководитель<", "Замечание учителю (необязательно)"])
      expect(html.school).toContain(w);
    expect(renderToStaticMarkup(h(CheckForm, props))).toBe(html.school);
  });

  it("DUT-1's shares on /control: no lessons, and how a lesson counts as filled", async () => {
    const { DeadlineShares } = await import("@/components/control/deadline-shares");
    const none = { onTime: 0, due: 0 };
    const figures = {
      day: new Date("2026-12-02T00:00:00Z"),
      deadline: "20:00",
      rows: [],
      totals: { day: none, week: none, month: none },
    };
    const text = async (kind: OrgKindName) =>
      renderToStaticMarkup(h(DeadlineShares, { figures, query: {}, kind })).replace(/<!-- -->/g, "");
    const html = await both(text);
    expect(html.college).toContain("Занятий с наступившим сроком заполнения нет.");
    expect(html.college).toContain("Занятие заполнено в срок, если до 20:00 дня занятия внесены");
    expect(html.college).toContain("«В срок из занятий, срок которых наступил».");
    expect(html.college).not.toMatch(SCHOOL_WORDS);
    expect(html.school).toContain("Уроков с наступившим сроком заполнения нет.");
    expect(html.school).toContain("Урок заполнен в срок, если до 20:00 дня урока внесены");
    expect(html.school).toContain("«В срок из уроков, срок которых наступил».");
  });

  it("the teacher's remarks on the home page: the comment's label", async () => {
    const { MyRemarks } = await import("@/components/control/my-remarks");
    const remarks = [
      {
        ...{ id: 1, status: "OPEN" as const, text: "Нет тем", teacherNote: null, createdAt: new Date(0) },
        ...{ doneAt: null, closedAt: null, authorId: 2, author: "Завуч", teacherId: 3, teacher: "Орлова А. В." },
        ...{ className: null, subjectName: null, lessonDate: null },
      },
    ];
    const html = await both((kind) => renderToStaticMarkup(h(MyRemarks, { remarks, kind })));
    expect(html.college).toContain('aria-label="Комментарий преподавателя"');
    expect(html.school).toContain('aria-label="Комментарий учителя"');
  });

  it("the marks chart and the charts' note (diary marks, student card)", async () => {
    const { MarksChart } = await import("@/components/charts/marks-chart");
    const { ChartsSection } = await import("@/components/charts/class-pictures");
    const d = (s: string) => new Date(`${s}T00:00:00Z`);
    const props = {
      title: "Базы данных",
      from: d("2026-09-01"),
      to: d("2026-12-28"),
      min: 2,
      max: 5,
      marks: [
        { date: d("2026-10-01"), value: 4, running: 4 },
        { date: d("2026-11-01"), value: 5, running: 4.5 },
      ],
      classAverage: [
        { date: d("2026-10-01"), value: 3.8 },
        { date: d("2026-11-01"), value: 3.9 },
      ],
    };
    const html = await both((kind) =>
      renderToStaticMarkup(
        h(
          "div",
          null,
          h(MarksChart, { ...props, kind }),
          h(ChartsSection, { absencesTitle: "Пропуски", absences: [], works: [], kind }),
        ),
      ),
    );
    expect(html.college).toContain("средний балл группы");
    expect(html.college).toContain("Средний балл группы");
    expect(html.college).toContain("отметок отдельных студентов");
    expect(html.college).not.toMatch(SCHOOL_WORDS);
    expect(html.school).toContain("средний балл класса");
    expect(html.school).toContain("Средний балл класса");
    expect(html.school).toContain("отметок отдельных учеников");
  });

  it("the diary's header and its empty marks (diary)", async () => {
    const { DiaryHeader } = await import("@/components/diary/diary-header");
    const { MarksViewList } = await import("@/components/diary/marks-view");
    const student = { studentId: 7, fullName: "Воронцов Даниил", className: null };
    const view = { period: { id: 1 }, subjects: [] } as never;
    const html = await both((kind) =>
      renderToStaticMarkup(
        h(
          "div",
          null,
          h(DiaryHeader, { student, students: [], tab: "marks", kind }),
          h(MarksViewList, { view, since: null, kind }),
        ),
      ),
    );
    expect(html.college).toContain("не зачислен в группу");
    expect(html.college).toContain("За период нет занятий.");
    expect(html.college).not.toMatch(SCHOOL_WORDS);
    expect(html.school).toContain("не зачислен в класс");
    expect(html.school).toContain("За период нет уроков.");
  });
});

// DAY-6, round 23: labels that named both kinds on purpose («Класс / группа», «Класс/группа (куда)»,
// «Предмет / дисциплина») now name the organisation's own word where the page knows its kind.
describe("the two-kind labels in the organisation's word (DAY-6, round 23)", () => {
  const classes = [{ id: 2, name: "ИС-21" }];

  it("the schedule's class picker and the lessons' generate form (schedule/edit, changes, lessons)", async () => {
    const { ScheduleClassPicker } = await import("@/components/schedule/class-picker");
    const { GenerateForm } = await import("@/components/schedule/generate-form");
    const html = await both((kind) =>
      renderToStaticMarkup(
        h(
          "div",
          null,
          h(ScheduleClassPicker, { classes, classId: 2, kind }),
          h(GenerateForm, { classes, from: "2026-12-07", to: "2026-12-13", kind }),
        ),
      ),
    );
    expect(html.college).toContain('aria-label="Выбор группы"');
    expect(html.college).toContain(">Группа<");
    expect(html.college).toContain("все группы");
    expect(html.college).not.toMatch(/Класс|класс/);
    expect(html.school).toContain('aria-label="Выбор класса"');
    expect(html.school).toContain(">Класс<");
    expect(html.school).toContain("все классы");
    expect(html.school).not.toMatch(/группа/i);
  });

  it("a student's movement and the students' import (people)", async () => {
    const { MovementForm } = await import("@/components/people/movement-form");
    const { ImportWizard } = await import("@/components/people/import-wizard");
    const html = await both((kind) =>
      renderToStaticMarkup(
        h(
          "div",
          null,
          h(MovementForm, { studentId: 1, classes, today: "2026-12-07", kind }),
          h(ImportWizard, { classes, today: "2026-12-07", kind }),
        ),
      ),
    );
    expect(html.college).toContain("Группа (куда)");
    expect(html.college).toContain(">Группа<");
    expect(html.college).not.toContain("Класс/группа");
    expect(html.school).toContain("Класс (куда)");
    expect(html.school).toContain(">Класс<");
    expect(html.school).not.toContain("Класс/группа");
  });

  it("the new work programme's subject (plans/programmes)", async () => {
    const { CreateProgrammeForm } = await import("@/components/programmes/programme-forms");
    const subjects = [{ id: 3, name: "Базы данных" }];
    const college = renderToStaticMarkup(h(CreateProgrammeForm, { subjects, college: true }));
    const school = renderToStaticMarkup(h(CreateProgrammeForm, { subjects, college: false }));
    const label = (html: string) => /<label[^>]*>([^<]+)<\/label>/.exec(html)?.[1];
    expect(label(college)).toBe("Дисциплина");
    expect(label(school)).toBe("Предмет");
  });

  it("the vocabulary's new phrases agree with their nouns", () => {
    const c = vocabulary("COLLEGE");
    const s = vocabulary("SCHOOL");
    const pick = (v: typeof c) => [
      cap(v.journal.nom),
      v.journal.dat,
      v.lessonCancelled,
      v.lessonFilled,
      v.onlyLessonOpen,
      v.eachSubject,
      v.eachClass,
      v.organisation.nom,
    ];
    expect(pick(c)).toEqual([
      "Журнал учебных занятий",
      "журналу учебных занятий",
      "отменено",
      "заполнено",
      "открыто только занятие",
      "каждой дисциплине",
      "каждой группе",
      "колледж",
    ]);
    expect(pick(c).join(" ")).not.toMatch(SCHOOL_WORDS);
    expect(pick(s)).toEqual([
      "Классный журнал",
      "классному журналу",
      "отменён",
      "заполнен",
      "открыт только урок",
      "каждому предмету",
      "каждому классу",
      "школа",
    ]);
  });
});

// The vocabulary-pages idea for every word: no page, component or lib file picks a word by a local
// «COLLEGE ? "Преподаватель" : "Учитель"» — they take it from lib/org/vocabulary.ts.
describe("no local college/school word choice (DAY-6)", () => {
  it("finds none outside the vocabulary", async () => {
    const { readFileSync } = await import("node:fs");
    const path = await import("node:path");
    const { sourceFiles } = await import("../support/source-files");
    const root = path.resolve(__dirname, "../..");
    // Round 24: a word anywhere inside the two strings («Мои группы» : «Мои классы», «Рабочий стол
    // преподавателя» : «… учителя»), and «Курс» : «Класс (параллель)» — the programme form's, which the
    // narrower pattern let through. «подгрупп» is not «групп».
    const local =
      /\?\s*"[^"\n]*(?:(?<![Пп]од)[Гг]рупп|[Пп]реподавател|[Сс]тудент|[Кк]уратор|[Дд]исциплин|[Зз]аняти|[Кк]урс|[Сс]еместр)[^"\n]*"\s*:\s*"[^"\n]*(?:[Кк]ласс|[Уу]чител|[Уу]ченик|[Пп]редмет|[Уу]рок|[Пп]араллел|[Чч]етверт)/;
    const files = ["app", "components", "lib"].flatMap((d) => sourceFiles(path.join(root, d), /\.tsx?$/));
    const found = files
      .map((f) => path.relative(root, f).split(path.sep).join("/"))
      .filter((f) => f !== "lib/org/vocabulary.ts")
      .filter((f) => local.test(readFileSync(path.join(root, f), "utf8")));
    expect(found).toEqual([]);
    // …and the pattern sees one.
    expect(local.test('label={college ? "Дисциплина" : "Предмет"}')).toBe(true);
    expect(local.test('label={college ? "Курс" : "Класс (параллель)"}')).toBe(true);
    expect(local.test('label: college ? "Мои группы" : "Мои классы"')).toBe(true);
    expect(local.test('? "состав подгрупп не меняется"\n : "Состав меняет учитель"')).toBe(false);
  });

  it("capitalises the vocabulary's words as the pages show them", () => {
    expect(cap(vocabulary("COLLEGE").parallel.nom)).toBe("Курс");
  });
});
