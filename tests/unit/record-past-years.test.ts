// Issue 16 items 4–6 as pure rules: closed years admit reads only (REC-3), the council's decisions
// (REC-4) and retention of archived documents (REC-5).
import { describe, expect, it } from "vitest";
import { PAST_YEAR_READS, decide, factsFor, type ActorFacts } from "@/lib/access/rules";
import {
  RETENTION_DEFAULTS,
  compareWithManifest,
  isExpired,
  retentionEnd,
  retentionYears,
  sha256,
  type ManifestEntry,
} from "@/lib/archive/rules";
import {
  decisionLastDay,
  orderRef,
  orderText,
  planBatch,
  recordedText,
  startingDecision,
  toGradeOf,
  type BatchContext,
} from "@/lib/org/decisions/rules";
import { pickYear, planStudents, withCouncil, yearLabel, type ClassPlan } from "@/lib/org/year/rules";
import { decisionLabel, protocolNotes } from "@/lib/reports/rules";

const d = (s: string) => new Date(`${s}T00:00:00.000Z`);

function teacher(partial: Partial<ActorFacts> = {}): ActorFacts {
  return {
    userId: 7,
    organisationId: 1,
    roles: ["TEACHER"],
    classTeacherOf: [],
    departmentClassIds: [],
    loads: [{ classId: 20, subjectId: 3, subgroupId: null }],
    pastLoads: [{ classId: 10, subjectId: 3, subgroupId: null }],
    pastClassTeacherOf: [10],
    studentId: null,
    childIds: [],
    overrides: new Map(),
    ...partial,
  };
}

const pastClass = { kind: "class" as const, classId: 10, subjectId: 3 };

describe("closed years readable (REC-3, ARC-2)", () => {
  it("admits a teacher to their closed year's journal, finals and reports by that year's load", () => {
    const t = teacher({ pastClassTeacherOf: [] });
    expect(decide(t, "journal.viewOwn", pastClass).allowed).toBe(true);
    expect(decide(t, "finals.viewOwn", pastClass).allowed).toBe(true);
    expect(decide(t, "reports.class", { kind: "class", classId: 10 }).allowed).toBe(true);
  });

  it("never lets a closed year's load or class-teacher relation write", () => {
    const t = teacher();
    for (const p of [
      "journal.editOwn",
      "finals.editOwn",
      "attendance.reason",
      "journal.hospital",
      "plans.editOwn",
    ] as const)
      expect(decide(t, p, pastClass).allowed, p).toBe(false);
    expect(PAST_YEAR_READS.has("journal.editOwn")).toBe(false);
  });

  it("admits the closed year's class teacher to the class's journals of every subject, read-only", () => {
    const t = teacher({ pastLoads: [] });
    expect(decide(t, "journal.viewOwn", { kind: "class", classId: 10, subjectId: 99 }).allowed).toBe(true);
    expect(decide(t, "people.brief", { kind: "student", studentId: 5, classIds: [10] }).allowed).toBe(false);
    // without the past relations nothing of class 10 opens
    expect(decide(teacher({ pastLoads: [], pastClassTeacherOf: [] }), "journal.viewOwn", pastClass).allowed).toBe(
      false,
    );
  });

  it("merges the past relations only for the read permissions", () => {
    const t = teacher();
    expect(factsFor(t, "journal.viewOwn").loads.map((l) => l.classId)).toEqual([20, 10]);
    expect(factsFor(t, "journal.editOwn")).toBe(t);
  });

  it("picks the asked year, else the current one, and names closed years", () => {
    const years = [
      { id: 2, name: "2026/2027", status: "OPEN", isCurrent: true },
      { id: 1, name: "2025/2026", status: "CLOSED", isCurrent: false },
    ];
    expect(pickYear(years, 1)?.id).toBe(1);
    expect(pickYear(years, 99)?.id).toBe(2);
    expect(pickYear(years, null)?.id).toBe(2);
    expect(pickYear([], 1)).toBeNull();
    expect(years.map(yearLabel)).toEqual(["2026/2027 (текущий)", "2025/2026 (закрыт)"]);
  });
});

const ctx = (partial: Partial<BatchContext> = {}): BatchContext => ({
  orgKind: "SCHOOL",
  grade: 6,
  yearStart: d("2025-09-01"),
  lastDay: decisionLastDay(d("2025-09-01")),
  roll: new Set([1, 2, 3]),
  recorded: new Map(),
  expulsions: new Map(),
  names: new Map([
    [1, "Аверин Пётр"],
    [2, "Белова Анна"],
    [3, "Кравцов Илья"],
  ]),
  hasOrder: true,
  ...partial,
});

describe("pedagogical council decisions (REC-4)", () => {
  it("starts from the recorded decision, else the movement book's expulsion, else the transition's default", () => {
    const left = { movementId: 4, date: d("2026-03-16"), orderNumber: "41-у", orderDate: d("2026-03-13") };
    const recorded = { decision: "REPEAT" as const, protocolNumber: "5", protocolDate: d("2026-05-27"), date: null };
    expect(startingDecision(recorded, left, "SCHOOL", 6)).toEqual({ decision: "REPEAT", source: "recorded" });
    expect(startingDecision(undefined, left, "SCHOOL", 6)).toEqual({ decision: "LEFT", source: "movement" });
    expect(startingDecision(undefined, undefined, "SCHOOL", 6).decision).toBe("PROMOTED");
    expect(startingDecision(undefined, undefined, "SCHOOL", 11).decision).toBe("GRADUATED");
    expect(startingDecision(undefined, undefined, "COLLEGE", 4).decision).toBe("GRADUATED");
  });

  it("reads a recorded decision with its grade, day of leaving and protocol; an order with its «№» once", () => {
    const protocol = { protocolNumber: "9", protocolDate: d("2026-05-27") };
    expect(recordedText({ decision: "PROMOTED", toGrade: 7, date: null, ...protocol }, false)).toBe(
      "переведён в 7 класс, протокол № 9 от 27.05.2026",
    );
    expect(recordedText({ decision: "CONDITIONAL", toGrade: 3, date: null, ...protocol }, true)).toBe(
      "переведён на 3 курс условно, протокол № 9 от 27.05.2026",
    );
    expect(
      recordedText(
        { decision: "LEFT", toGrade: null, date: d("2026-03-16"), protocolNumber: null, protocolDate: null },
        false,
      ),
    ).toBe("выбыл 16.03.2026");
    expect(orderText("41-у", d("2026-03-13"))).toBe("приказ № 41-у от 13.03.2026");
    expect(orderText("№ 41-у", d("2026-03-13"))).toBe("приказ № 41-у от 13.03.2026");
    expect(orderRef("№ 41-у", d("2026-03-13"))).toBe("№ 41-у от 13.03.2026"); // the movement book's «Приказ» column
  });

  it("leads promotion to the next grade, repetition to the same, leaving and graduation nowhere", () => {
    expect([toGradeOf("PROMOTED", 6), toGradeOf("CONDITIONAL", 6), toGradeOf("REPEAT", 6)]).toEqual([7, 7, 6]);
    expect([toGradeOf("GRADUATED", 9), toGradeOf("LEFT", 6)]).toEqual([null, null]);
  });

  it("writes new and changed decisions and keeps those already under a protocol", () => {
    const recorded = new Map([
      [1, { decision: "PROMOTED" as const, protocolNumber: "5", protocolDate: d("2026-05-27"), date: null }],
      [2, { decision: "PROMOTED" as const, protocolNumber: null, protocolDate: null, date: null }],
    ]);
    const plan = planBatch(
      [
        { studentId: 1, decision: "PROMOTED", date: null },
        { studentId: 2, decision: "PROMOTED", date: null },
        { studentId: 3, decision: "CONDITIONAL", date: null },
      ],
      ctx({ recorded }),
    );
    expect(plan.ok && plan.rows.map((r) => [r.studentId, r.decision, r.toGrade])).toEqual([
      [2, "PROMOTED", 7],
      [3, "CONDITIONAL", 7],
    ]);
  });

  it("records «выбыл» in the movement book only when it is not there, with a date inside the year", () => {
    const left = { movementId: 4, date: d("2026-03-16"), orderNumber: "41-у", orderDate: d("2026-03-13") };
    const plan = planBatch(
      [
        { studentId: 1, decision: "LEFT", date: d("2026-04-01") },
        { studentId: 3, decision: "LEFT", date: null },
      ],
      ctx({ expulsions: new Map([[3, left]]) }),
    );
    expect(
      plan.ok && plan.rows.map((r) => [r.studentId, r.recordExpulsion, r.date?.toISOString().slice(0, 10)]),
    ).toEqual([
      [1, true, "2026-04-01"],
      [3, false, "2026-03-16"],
    ]);
    expect(planBatch([{ studentId: 1, decision: "LEFT", date: null }], ctx())).toEqual({
      ok: false,
      message: "Аверин Пётр: укажите дату выбытия",
    });
    expect(planBatch([{ studentId: 1, decision: "LEFT", date: d("2026-09-01") }], ctx())).toEqual({
      ok: false,
      message: "Аверин Пётр: дата выбытия вне учебного года",
    });
    expect(planBatch([{ studentId: 1, decision: "LEFT", date: d("2026-04-01") }], ctx({ hasOrder: false }))).toEqual({
      ok: false,
      message: "Аверин Пётр: для выбытия укажите номер и дату приказа",
    });
  });

  it("refuses a pupil off the roll, twice in a batch, another decision for one who left, promotion past 11th grade", () => {
    const left = { movementId: 4, date: d("2026-03-16"), orderNumber: "41-у", orderDate: d("2026-03-13") };
    expect(planBatch([{ studentId: 9, decision: "PROMOTED", date: null }], ctx()).ok).toBe(false);
    expect(
      planBatch(
        [
          { studentId: 1, decision: "PROMOTED", date: null },
          { studentId: 1, decision: "REPEAT", date: null },
        ],
        ctx(),
      ),
    ).toEqual({ ok: false, message: "Аверин Пётр: указан дважды" });
    expect(
      planBatch([{ studentId: 3, decision: "PROMOTED", date: null }], ctx({ expulsions: new Map([[3, left]]) })),
    ).toEqual({ ok: false, message: "Кравцов Илья: выбыл(а) по приказу № 41-у — решение может быть только «выбыл»" });
    expect(planBatch([{ studentId: 1, decision: "PROMOTED", date: null }], ctx({ grade: 11 }))).toEqual({
      ok: false,
      message: "Аверин Пётр: 11-й класс — выпускной, перевести некуда",
    });
    expect(planBatch([{ studentId: 1, decision: "GRADUATED", date: null }], ctx({ grade: 9 })).ok).toBe(true);
  });

  it("lets the year transition take the council's decisions and refuse contradictions", () => {
    const classes: ClassPlan[] = [
      { classId: 1, name: "9А", grade: 9, graduates: false, nextName: "10А" },
      { classId: 2, name: "11А", grade: 11, graduates: true, nextName: null },
    ];
    const members = [
      { studentId: 1, membershipId: 11, classId: 1 },
      { studentId: 2, membershipId: 12, classId: 1 },
      { studentId: 3, membershipId: 13, classId: 2 },
    ];
    const graduates = (id: number) => (id === 3 ? true : id <= 2 ? false : undefined);
    const name = (id: number) => `ученик ${id}`;
    const merged = withCouncil(
      new Map(),
      [
        { studentId: 1, decision: "GRADUATED", protocolNumber: "9" },
        { studentId: 2, decision: "CONDITIONAL", protocolNumber: "9" },
        { studentId: 3, decision: "GRADUATED", protocolNumber: "9" },
        { studentId: 8, decision: "LEFT", protocolNumber: "9" },
      ],
      graduates,
      name,
    );
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    const planned = planStudents(classes, members, merged.exceptions);
    expect(planned.ok && planned.students.map((s) => [s.studentId, s.decision, s.toClassName])).toEqual([
      [1, "GRADUATED", null],
      [2, "CONDITIONAL", "10А"],
      [3, "GRADUATED", null],
    ]);
    expect(
      withCouncil(
        new Map([[2, "REPEAT"]]),
        [{ studentId: 2, decision: "CONDITIONAL", protocolNumber: "9" }],
        graduates,
        name,
      ),
    ).toEqual({
      ok: false,
      message: "ученик 2: исключение противоречит решению, которое принял педсовет (протокол № 9)",
    });
    expect(
      withCouncil(new Map(), [{ studentId: 3, decision: "PROMOTED", protocolNumber: "9" }], graduates, name).ok,
    ).toBe(false);
  });

  it("prints «выбыл» with the day of leaving and the protocol(s) in the sheet's notes (RPT-1)", () => {
    expect(decisionLabel({ decision: "LEFT", toGrade: null, date: d("2026-03-16") }, false)).toBe("выбыл 16.03.2026");
    expect(decisionLabel({ decision: "PROMOTED", toGrade: 7 }, false)).toBe("переведён в 7 класс");
    expect(
      protocolNotes([
        { protocolNumber: "9", protocolDate: d("2026-05-27") },
        { protocolNumber: "9", protocolDate: d("2026-05-27") },
      ]),
    ).toEqual({
      note: "Решение педсовета: протокол № 9 от 27.05.2026.",
      several: false,
    });
    expect(
      protocolNotes([
        { protocolNumber: "12", protocolDate: d("2026-08-28") },
        { protocolNumber: "9", protocolDate: d("2026-05-27") },
        { protocolNumber: "9", protocolDate: d("2026-05-27") },
        { protocolNumber: null, protocolDate: null },
      ]),
    ).toEqual({
      note: "Решения педсовета: протокол № 9 от 27.05.2026 (2); протокол № 12 от 28.08.2026 (1).",
      several: true,
    });
    expect(protocolNotes([]).note).toBeNull();
  });
});

describe("retention of archived documents (REC-5)", () => {
  it("keeps the printed journal 5 years and the summary sheets 25, unless the organisation says otherwise", () => {
    expect(RETENTION_DEFAULTS).toMatchObject({ journal: 5, "summary-year": 25, summary: 25 });
    expect(retentionYears(new Map([["journal", 10]]))).toEqual({
      "summary-year": 25,
      summary: 25,
      journal: 10,
      export: 5,
    });
  });

  it("counts retention from 1 January after the year's end and offers a document the day after it ends", () => {
    const end = retentionEnd(d("2026-05-31"), 5);
    expect(end).toEqual(d("2031-12-31"));
    expect(isExpired(end, d("2031-12-31"))).toBe(false);
    expect(isExpired(end, d("2032-01-01"))).toBe(true);
    expect(isExpired(null, d("2200-01-01"))).toBe(false);
  });

  it("does not count a file destroyed by an act as missing", () => {
    const bytes = Buffer.from("журнал");
    const entry = (key: string): ManifestEntry => ({
      name: `${key}.pdf`,
      kind: "journal",
      classId: 1,
      storageKey: key,
      sha256: sha256(bytes),
      size: bytes.byteLength,
    });
    const current = new Map<string, Uint8Array | null>([
      ["a", null],
      ["b", null],
    ]);
    expect(compareWithManifest([entry("a"), entry("b")], current, new Set(["a"]))).toEqual([
      { name: "b.pdf", problem: "missing" },
    ]);
  });
});
