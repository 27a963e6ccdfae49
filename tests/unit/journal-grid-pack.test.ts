// The grid's payload (issue 10, issue 22 item 4): marks and attendance travel as one string of cell
// codes per student, aligned with the period's columns, and come back exactly.
import { describe, expect, it } from "vitest";
import { gridPayload, packGridView, unpackGridView, viewOfPayload } from "@/lib/journal/grid-pack";
import { buildGridView, putCell, type GridView } from "@/lib/journal/grid";
import { d, rows } from "../fixtures/grid-rows";
import { cellsOf, keyedCells } from "../support/grid-cells";

const built = buildGridView(rows(), new Date("2026-11-20T08:00:00Z"), d("2026-11-20"));

/** The fixture's view with every kind of cell: hospital, comment with commas, debt, pass, versions, hours. */
function view(): GridView {
  const [a0, a1] = built.lessons.flatMap((l) => l.assignments).map((a) => a.id);
  const [l0, l1, l2] = built.lessons.map((l) => l.id);
  const [s0, s1, s2] = built.students.map((s) => s.id);
  return {
    ...built,
    marks: cellsOf({
      ...keyedCells(built.marks),
      [`${a0}:${s0}`]: { kind: "GRADE", value: 5, isHospital: false, comment: null, version: 1 },
      [`${a0}:${s1}`]: { kind: "GRADE", value: 3, isHospital: true, comment: "устно, у доски; «б»", version: 4 },
      [`${a1}:${s0}`]: { kind: "DEBT", value: null, isHospital: false, comment: null, version: 2 },
      [`${a1}:${s2}`]: { kind: "PASS", value: null, isHospital: false, comment: null, version: 1 },
      // outside the layout (no such assignment in the period): kept as a tuple
      [`999:${s0}`]: { kind: "NOT_ATTESTED", value: null, isHospital: false, comment: null, version: 7 },
    }),
    attendance: cellsOf({
      ...keyedCells(built.attendance),
      [`${l0}:${s0}`]: { code: "N", missedHours: null, version: 1 },
      [`${l2}:${s1}`]: { code: "OP", missedHours: 1.5, version: 3 },
      [`${l1}:${s2}`]: { code: "B", missedHours: 2, version: 1 },
      [`888:${s1}`]: { code: "UP", missedHours: null, version: 1 },
    }),
  };
}

describe("grid view packing for the client (issue 22 item 4)", () => {
  it("restores every mark and attendance entry exactly", () => {
    const v = view();
    expect(unpackGridView(packGridView(v))).toEqual(v);
    expect(unpackGridView(packGridView(built))).toEqual(built);
  });

  it("sends one string of cell codes per student, no per-cell keys or ids", () => {
    const v = view();
    const packed = packGridView(v);
    expect(packed.markRows).toHaveLength(v.students.length);
    expect(packed.attendanceRows).toHaveLength(v.students.length);
    expect(packed.markRows[0]).toBe("5,Dv2");
    expect(packed.markRows[1].split(",")[0]).toBe("3bv4");
    expect(packed.markRows[2]).toBe(",P");
    expect(packed.attendanceRows[1]).toBe(",,OPh1.5v3");
    expect(packed.markComments).toEqual([[v.lessons[0].assignments[0].id, v.students[1].id, "устно, у доски; «б»"]]);
    expect(packed.marks).toEqual([[999, v.students[0].id, "NOT_ATTESTED", null, 0, null, 7]]);
    expect(packed.attendance).toEqual([[888, v.students[1].id, "UP", null, 1]]);
    const json = JSON.stringify(packed);
    expect(json).not.toContain("isHospital");
    expect(json).not.toContain("missedHours");
  });

  it("sends each lock reason once and an assignment's type names through view.types", () => {
    const closed = {
      open: false as const,
      code: "window" as const,
      reason: "Дата закрыта для изменений: прошло больше 7 дней",
    };
    const v = view();
    const lessons = v.lessons.map((l) => ({ ...l, lock: closed, lessonLock: closed, assignmentLock: closed }));
    // an assignment of a type the view does not list (archived) keeps its own names
    const odd = { ...lessons[0].assignments[0], id: 5000, typeId: 77, typeShort: "Арх", typeName: "Архивный тип" };
    lessons[0] = { ...lessons[0], assignments: [...lessons[0].assignments, odd] };
    const w: GridView = { ...v, lessons };
    const packed = packGridView(w);
    expect(unpackGridView(packed)).toEqual(w);
    expect(packed.locks).toEqual([closed]);
    const json = JSON.stringify(packed);
    expect(json.split("Дата закрыта").length - 1).toBe(1);
    expect(json.split(w.types[0].name).length - 1).toBe(1); // only in view.types
    expect(packed.lessons[0][10]).toContainEqual(odd);
  });

  it("is several times smaller than the keyed cells of a full class", () => {
    const v = view();
    const full: GridView = { ...v, marks: new Map(), attendance: new Map() };
    for (const s of v.students)
      for (const l of v.lessons) {
        putCell(full.attendance, l.id, s.id, { code: "N", missedHours: null, version: 1 });
        for (const a of l.assignments)
          putCell(full.marks, a.id, s.id, { kind: "GRADE", value: 4, isHospital: false, comment: null, version: 1 });
      }
    const cells = (x: object) => JSON.stringify(x).length;
    const packed = packGridView(full);
    expect(unpackGridView(packed)).toEqual(full);
    expect(cells([packed.markRows, packed.attendanceRows]) * 4).toBeLessThan(
      cells([keyedCells(full.marks), keyedCells(full.attendance)]),
    );
  });

  it("travels to the client grid as ONE JSON string, a new object per render (issue 22 item 4)", () => {
    const v = view();
    const payload = gridPayload(v);
    // one key, one string: the RSC payload writes it as one chunk instead of walking every tuple
    expect(Object.keys(payload)).toEqual(["packed"]);
    expect(typeof payload.packed).toBe("string");
    expect(JSON.parse(payload.packed)).toEqual(JSON.parse(JSON.stringify(packGridView(v))));
    expect(viewOfPayload(payload)).toEqual(v);
    // the grid takes a refresh's data when the object differs (journal-grid.tsx), even with equal data
    expect(gridPayload(v)).not.toBe(payload);
  });

  it("sends the students and the homework as tuples, a row of open lessons as 0 (issue 22 item 4: the page's bytes)", () => {
    const v = view();
    const n = v.lessons.length;
    const w: GridView = {
      ...v,
      students: v.students.map((s, i) =>
        i === 0
          ? { ...s, cells: "x".repeat(n - 1) + "o", finalSet: false, left: true, joinedLate: false }
          : i === 1
            ? { ...s, cells: "f" + "o".repeat(n - 1), finalSet: true, left: false, joinedLate: true }
            : { ...s, cells: "o".repeat(n) },
      ),
      lessons: v.lessons.map((l, i) =>
        i === 0
          ? {
              ...l,
              homework: {
                id: 41,
                text: "№ 112, «114»",
                dueDate: "2026-11-21",
                version: 3,
                files: [{ id: 7, name: "задачи.pdf", size: 2048 }],
              },
            }
          : i === 1
            ? { ...l, homework: { id: 42, text: "читать", dueDate: null, version: 1, files: [] } }
            : l,
      ),
    };
    const packed = packGridView(w);
    expect(unpackGridView(packed)).toEqual(w);
    expect(packed.students[0]).toEqual([w.students[0].id, w.students[0].name, "x".repeat(n - 1) + "o", 0, 1, 0]);
    expect(packed.students[1]).toEqual([w.students[1].id, w.students[1].name, "f" + "o".repeat(n - 1), 1, 0, 1]);
    expect(packed.students[2][2]).toBe(0);
    expect(packed.lessons[0][8]).toEqual([41, "№ 112, «114»", "2026-11-21", 3, [[7, "задачи.pdf", 2048]]]);
    const json = JSON.stringify(packed);
    for (const key of ['"cells"', '"finalSet"', '"joinedLate"', '"files"', '"text"']) expect(json).not.toContain(key);
    expect(json).not.toContain("o".repeat(n));
  });

  it("keeps the comments in the layout's order, student by student and column by column", () => {
    const v = view();
    const [a0, a1] = v.lessons.flatMap((l) => l.assignments).map((a) => a.id);
    const [s0, s1] = v.students.map((s) => s.id);
    const note = (comment: string) => ({ kind: "GRADE" as const, value: 4, isHospital: false, comment, version: 1 });
    // inserted out of order
    const w: GridView = {
      ...v,
      marks: cellsOf({ [`${a1}:${s1}`]: note("c"), [`${a0}:${s1}`]: note("b"), [`${a1}:${s0}`]: note("a") }),
    };
    expect(packGridView(w).markComments).toEqual([
      [a1, s0, "a"],
      [a0, s1, "b"],
      [a1, s1, "c"],
    ]);
    expect(unpackGridView(packGridView(w))).toEqual(w);
  });
});
