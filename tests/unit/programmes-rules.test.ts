// PRG-1 and PRG-3 pure rules: the sections' text, the КТП topics from a programme, the КТП due
// date; the timetable edits since the approved snapshot and the one-pending-version rule.
import { describe, expect, it } from "vitest";
import { dueWarnings, ktpDue, parseSections, sectionsText, topicsFromSections } from "@/lib/programmes/rules";
import { changesSinceApproval, describeEntry, submitRefusal, type SnapshotEntry } from "@/lib/schedule/approval/rules";

describe("work programme sections (PRG-1)", () => {
  it("parses one section a line and round-trips through the editor's text", () => {
    const r = parseSections("Дроби; 10,5; Складывает дроби; КР 1, КР 2\n\n  Уравнения ; 8 ");
    expect(r).toEqual({
      ok: true,
      sections: [
        { title: "Дроби", hours: 10.5, outcomes: "Складывает дроби", controlWorks: ["КР 1", "КР 2"] },
        { title: "Уравнения", hours: 8, outcomes: null, controlWorks: [] },
      ],
    });
    if (r.ok) expect(parseSections(sectionsText(r.sections))).toEqual(r);
  });

  it("refuses a bad line naming its row", () => {
    expect(parseSections("")).toEqual({ ok: false, message: "Добавьте хотя бы один раздел" });
    expect(parseSections("А; 1\n; 2")).toEqual({ ok: false, message: "Строка 2: укажите название раздела" });
    expect(parseSections("А; 0")).toMatchObject({
      ok: false,
      message: "Строка 1: часы — положительное число, кратное 0,5",
    });
    expect(parseSections("А; 1,3")).toMatchObject({ ok: false });
    expect(parseSections("А; 1; ; КР; лишнее")).toMatchObject({ ok: false, message: /лишние поля/ });
  });

  it("makes КТП topics carrying the sections and hours, control works as their own one-hour topics", () => {
    const topics = topicsFromSections([
      { title: "Дроби", hours: 10, outcomes: null, controlWorks: ["КР 1"] },
      { title: "Зачёт", hours: 1, outcomes: null, controlWorks: ["Зачёт"] },
    ]);
    expect(topics.map((t) => [t.title, t.hours, t.controlKind])).toEqual([
      ["Дроби", 9, null],
      ["КР 1 (Дроби)", 1, "Контрольная работа"],
      ["Зачёт (Зачёт)", 1, "Контрольная работа"],
    ]);
    expect(topics.reduce((s, t) => s + t.hours, 0)).toBe(11);
  });

  it("puts the КТП due a week after approval; overdue after it", () => {
    const approved = new Date("2026-09-01T09:00:00Z");
    expect(ktpDue(approved, new Date("2026-09-02T09:00:00Z"))).toEqual({
      due: new Date("2026-09-08T09:00:00Z"),
      overdue: false,
      daysLeft: 6,
    });
    expect(ktpDue(approved, new Date("2026-09-08T09:00:00Z")).overdue).toBe(false);
    expect(ktpDue(approved, new Date("2026-09-08T09:00:01Z"))).toMatchObject({ overdue: true, daysLeft: 0 });
    const load = { teacherId: 1, teacherName: "Соколова Е. В.", className: "7А", subjectName: "Алгебра" };
    const warnings = dueWarnings(
      [
        {
          id: 5,
          title: "РП",
          approvedAt: approved,
          loads: [
            { ...load, delivered: false },
            { ...load, className: "7Б", delivered: true },
          ],
        },
      ],
      new Date("2026-09-10T00:00:00Z"),
    );
    expect(warnings.map((w) => [w.className, w.overdue])).toEqual([["7А", true]]);
  });
});

const entry = (id: number, over: Partial<SnapshotEntry> = {}): SnapshotEntry => ({
  id,
  classId: 1,
  className: "7А",
  subgroupId: null,
  subgroupName: null,
  subjectId: 1,
  subjectName: "Алгебра",
  teacherId: 1,
  teacherName: "Соколова Е. В.",
  roomId: null,
  roomName: "206",
  weekday: 1,
  bellNumber: id,
  hours: 1,
  validFrom: "2026-09-01",
  validTo: "2027-05-31",
  ...over,
});

describe("timetable approval (PRG-3)", () => {
  it("lists the entries added, changed and removed since the approved snapshot", () => {
    const approved = [entry(1), entry(2), entry(3)];
    const current = [entry(1, { teacherName: "renamed only" }), entry(2, { bellNumber: 5 }), entry(4)];
    expect(changesSinceApproval(approved, current).map((c) => [c.kind, c.entry.id])).toEqual([
      ["removed", 3],
      ["added", 4],
      ["changed", 2],
    ]);
    expect(changesSinceApproval(approved, approved)).toEqual([]);
  });

  it("names an entry as the schedule does and keeps one version waiting at a time", () => {
    expect(describeEntry(entry(2))).toBe("7А, понедельник, 2-й урок: Алгебра (Соколова Е. В., каб. 206)");
    expect(submitRefusal([{ number: 1, status: "APPROVED" }])).toBeNull();
    expect(
      submitRefusal([
        { number: 1, status: "APPROVED" },
        { number: 2, status: "SUBMITTED" },
      ]),
    ).toBe("Версия 2 уже на утверждении у директора");
  });
});
