// The layout rules of printed tables (PRN-1) with a simple measure (0.5 × size per character), and
// the signature blocks (PRN-2): what the planner decides before pdfmake lays a table out.
import { describe, expect, it } from "vitest";
import { abbreviate, planTable, tableWidth, words, type Measure, type TableInput } from "@/lib/reports/pdf-layout";
import { cellContent, signatureBlock, tableBlocks } from "@/lib/reports/render-pdf";
import { signaturesFor } from "@/lib/reports/signatures";
import { vocabulary } from "@/lib/org/vocabulary";

const measure: Measure = (text, size) => text.length * size * 0.5;
const name = "Константинопольская Александра Владимировна";

function table(subjects: number, rows = 3): TableInput {
  return {
    header: [
      { label: "№" },
      { label: "Обучающийся" },
      { label: "Предметы", children: Array.from({ length: subjects }, (_, i) => ({ label: `Предм${i}` })) },
      { label: "Неуспевающие" },
    ],
    columns: [
      { kind: "number" },
      { kind: "text" },
      ...Array.from({ length: subjects }, () => ({ kind: "number" as const })),
      { kind: "number" },
    ],
    rows: Array.from({ length: rows }, (_, r) => [r + 1, name, ...Array.from({ length: subjects }, () => 5), 0]),
    totals: [],
  };
}

describe("planTable (PRN-1)", () => {
  it("gives the name its whole length on one line and every word its width at 9 pt", () => {
    const plan = planTable(table(4), 780, measure);
    expect(plan.fontSize).toBe(9);
    expect(plan.groups).toHaveLength(1);
    const [g] = plan.groups;
    expect(g.widths[1]).toBeGreaterThanOrEqual(measure(name, 9, false));
    g.header.forEach((h) => {
      const room = g.widths.slice(h.col, h.col + h.colSpan).reduce((s, w) => s + w, 0) + (h.colSpan - 1) * 6.5;
      for (const w of words(h.label)) expect(measure(w, 9, true)).toBeLessThanOrEqual(room);
    });
    expect(tableWidth(g.widths, plan.padding)).toBeLessThanOrEqual(780 + 0.01);
  });

  it("abbreviates a header word that would widen a column of figures, then goes to 8 pt, never below", () => {
    const plan = planTable(table(14), 560, measure);
    expect(plan.fontSize).toBeGreaterThanOrEqual(8);
    const labels = plan.groups.flatMap((g) => g.header.map((h) => h.label));
    expect(labels).toContain("Неусп.");
    expect(abbreviate("Пропущено уроков по уважительной причине")).toBe("Пропущ. ур. по уваж. прич.");
  });

  it("splits a table wider than the page into column groups that repeat № and the name", () => {
    const plan = planTable(table(40), 560, measure);
    expect(plan.fontSize).toBe(8);
    expect(plan.groups.length).toBeGreaterThan(1);
    for (const g of plan.groups) {
      expect(g.columns.slice(0, 2)).toEqual([0, 1]);
      expect(tableWidth(g.widths, plan.padding)).toBeLessThanOrEqual(560 + 0.01);
    }
    const all = plan.groups.flatMap((g) => g.columns.slice(2));
    expect(all).toEqual(Array.from({ length: 41 }, (_, i) => i + 2));
  });
});

describe("table blocks and cells", () => {
  it("prints «Нет данных» across an empty table, rows unbreakable, header repeated", () => {
    const [block] = tableBlocks({ ...table(2), rows: [] }, 500, measure) as { table: Record<string, unknown> }[];
    expect(block.table).toMatchObject({ headerRows: 2, dontBreakRows: true });
    expect(JSON.stringify(block.table.body)).toContain("Нет данных");
  });

  it("keeps hyphenated and slashed words whole (noWrap), leaves plain text as it is", () => {
    expect(cellContent("Смирнов Артём")).toBe("Смирнов Артём");
    expect(cellContent("Физ-ра н/а")).toEqual([
      { text: "Физ-ра", noWrap: true },
      { text: " " },
      { text: "н/а", noWrap: true },
    ]);
  });
});

describe("signature blocks (PRN-2)", () => {
  const facts = {
    director: "Лаврентьев Андрей Николаевич",
    deputy: { name: "Седова О. М.", position: "заместитель директора по учебной работе" },
    classTeachers: new Map([[7, "Ковалёв С. А."]]),
    heads: new Map([[3, { name: "Белова Л. Г.", position: null }]]),
  };

  it("names the curator, the head of department, the deputy with her position and the director", () => {
    expect(
      signaturesFor(vocabulary(true), facts, { classId: 7, departmentId: 3, deputy: true, director: true }),
    ).toEqual([
      { role: "Куратор", name: "Ковалёв С. А." },
      { role: "Заведующий отделением", name: "Белова Л. Г." },
      { role: "Заместитель директора по учебной работе", name: "Седова О. М." },
      { role: "Директор", name: "Лаврентьев А. Н." },
    ]);
    expect(signaturesFor(vocabulary(false), facts, { classId: 7 })[0].role).toBe("Классный руководитель");
  });

  it("puts «М.П.» where the director signs, in one unbreakable block", () => {
    const block = signatureBlock({ signatures: [{ role: "Директор", name: "Лаврентьев А. Н." }], seal: true });
    expect(block).toMatchObject({ id: "sig-block", unbreakable: true });
    expect(JSON.stringify(block)).toContain("М.П.");
    expect(JSON.stringify(signatureBlock({ signatures: [], seal: false }))).not.toContain("М.П.");
  });
});
