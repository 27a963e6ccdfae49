// The printed forms' layout on the demo region (issue 18, PRN-1, PRN-2, PRN-4): for every report ×
// scope × format kind, school and college, class and organisation, each file generated once:
// - PDF: every word of every table cell fits its column at its font size, measured with the very
//   Roboto faces pdfmake lays text out with; nothing on any page is smaller than 8 pt (from the
//   laid-out pages); no table row is split across pages (page positions of every cell's lines from
//   the layout); no page holds only the signature block; the form has its own signature block;
// - XLSX read back: numeric columns are numbers, the header and the key columns frozen, print
//   titles set, sheet names unique whole words.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/prisma/seed/index";
import { db } from "@/lib/db";
import { buildModel } from "@/lib/reports/build";
import { buildJournalFillModel } from "@/lib/control/report";
import { headerGrid, keyColumns, type ReportModel } from "@/lib/reports/model";
import { layoutDocument, reportDocument } from "@/lib/reports/render-pdf";
import { renderXlsx, sectionLayout, sheetName, xlsxLayout } from "@/lib/reports/render-xlsx";
import { textWidth } from "@/lib/reports/pdf-fonts";
import { RULE, words } from "@/lib/reports/pdf-layout";
import { contentLines, orphanSignaturePage, type Layout } from "@/lib/reports/pdf-engine.mjs";
import type { ReportRequest } from "@/lib/reports/schema";

/** A request without its format (distributed over the union). */
type Ask = ReportRequest extends infer R ? (R extends ReportRequest ? Omit<R, "format"> : never) : never;

const TODAY = new Date("2026-11-23T12:00:00+04:00");
const ids: Record<string, number> = {};

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!, { today: TODAY });
  const school = await db.organisation.findFirstOrThrow({ where: { kind: "SCHOOL" } });
  const college = await db.organisation.findFirstOrThrow({ where: { kind: "COLLEGE" } });
  ids.school = school.id;
  ids.college = college.id;
  const cls = (organisationId: number, name: string) =>
    db.classGroup.findFirstOrThrow({ where: { organisationId, name } });
  ids.c7a = (await cls(school.id, "7А")).id;
  ids.c11 = (await db.classGroup.findFirstOrThrow({ where: { organisationId: school.id, grade: 11 } })).id;
  ids.is21 = (await cls(college.id, "ИС-21")).id;
  ids.q1 = (await db.period.findFirstOrThrow({ where: { organisationId: school.id, kind: "QUARTER", number: 1 } })).id;
  ids.q2 = (await db.period.findFirstOrThrow({ where: { organisationId: school.id, kind: "QUARTER", number: 2 } })).id;
  ids.s1 = (
    await db.period.findFirstOrThrow({ where: { organisationId: college.id, kind: "SEMESTER", number: 1 } })
  ).id;
  ids.dept = (
    await db.department.findFirstOrThrow({ where: { organisationId: college.id }, orderBy: { id: "asc" } })
  ).id;
  const user = (organisationId: number, login: string) =>
    db.user.findFirstOrThrow({ where: { organisationId, login } }).then((u) => u.id);
  ids.teacher = await user(school.id, "teacher");
  ids.cteacher = await user(college.id, "teacher");
  const student = await db.user.findFirstOrThrow({
    where: { organisationId: school.id, login: "student" },
    include: { student: true },
  });
  ids.student = student.student!.id;
  const cstudent = await db.user.findFirstOrThrow({
    where: { organisationId: college.id, login: "student" },
    include: { student: true },
  });
  ids.cstudent = cstudent.student!.id;
  const math = await db.subject
    .findFirstOrThrow({ where: { organisationId: school.id, name: "Математика" } })
    .catch(() => db.subject.findFirstOrThrow({ where: { organisationId: school.id }, orderBy: { sortOrder: "asc" } }));
  ids.math = math.id;
  const disc = await db.curriculumItem.findFirstOrThrow({ where: { organisationId: college.id, classId: ids.is21 } });
  ids.disc = disc.subjectId;
  // ВКР marks of a college group (RPT-10).
  const members = await db.classMembership.findMany({
    where: { organisationId: college.id, classId: ids.is21, endDate: null },
    take: 3,
    orderBy: { id: "asc" },
  });
  await db.finalMark.createMany({
    data: members.map((m, i) => ({
      organisationId: college.id,
      studentId: m.studentId,
      classId: ids.is21,
      subjectId: ids.disc,
      kind: "ATTESTATION" as const,
      form: "VKR" as const,
      value: 5 - i,
      setById: ids.cteacher,
    })),
  });
}, 180_000);

type Case = [name: string, org: "school" | "college", request: () => Ask];

const oct = new Date("2026-10-01T00:00:00Z");
const range = { from: new Date("2026-10-01T00:00:00Z"), to: new Date("2026-10-31T00:00:00Z") };

const CASES: Case[] = [
  ["RPT-1 class, quarter", "school", () => ({ report: "summary", classId: ids.c7a, periodId: ids.q1 })],
  ["RPT-1 class, year (complete sheet)", "school", () => ({ report: "summary", classId: ids.c7a })],
  ["RPT-1 college group, semester", "college", () => ({ report: "summary", classId: ids.is21, periodId: ids.s1 })],
  ["RPT-2 class", "school", () => ({ report: "progress", classId: ids.c7a, periodId: ids.q1 })],
  ["RPT-2 whole school", "school", () => ({ report: "progress", periodId: ids.q1 })],
  ["RPT-2 college department", "college", () => ({ report: "progress", periodId: ids.s1, departmentId: ids.dept })],
  ["RPT-2 whole college", "college", () => ({ report: "progress", periodId: ids.s1 })],
  ["RPT-3 class", "school", () => ({ report: "attendance", classId: ids.c7a, ...range })],
  ["RPT-3 college group", "college", () => ({ report: "attendance", classId: ids.is21, ...range })],
  ["RPT-4 whole school", "school", () => ({ report: "failures", periodId: ids.q1 })],
  ["RPT-4 empty (current quarter)", "school", () => ({ report: "failures", periodId: ids.q2 })],
  ["RPT-5 class, year", "school", () => ({ report: "rating", classId: ids.c7a })],
  ["RPT-6 class", "school", () => ({ report: "preliminary", classId: ids.c7a, month: oct })],
  ["RPT-6 college group", "college", () => ({ report: "preliminary", classId: ids.is21, month: oct })],
  ["RPT-7 № 1 teacher", "school", () => ({ report: "teacher-hours", teacherId: ids.teacher, month: oct })],
  ["RPT-7 № 2 college group", "college", () => ({ report: "group-hours", classId: ids.is21, month: oct })],
  ["RPT-8 student", "school", () => ({ report: "student", studentId: ids.student, periodId: ids.q1 })],
  ["RPT-8 college student", "college", () => ({ report: "student", studentId: ids.cstudent, periodId: ids.s1 })],
  ["RPT-9 occupancy whole school", "school", () => ({ report: "occupancy", date: range.to })],
  ["RPT-9 contingent whole college", "college", () => ({ report: "contingent", periodId: ids.s1 })],
  ["RPT-10 whole college", "college", () => ({ report: "vkr" })],
  ["RPT-12 class, quarter", "school", () => ({ report: "journal", classId: ids.c7a, periodId: ids.q1 })],
  ["RPT-12 college group, semester", "college", () => ({ report: "journal", classId: ids.is21, periodId: ids.s1 })],
  [
    "PRN-6 attendance sheet by month, class",
    "school",
    () => ({
      report: "attendance-sheet",
      classId: ids.c7a,
      by: "month",
      from: new Date("2026-09-01T00:00:00Z"),
      to: range.to,
    }),
  ],
  [
    "PRN-6 attendance sheet by discipline, department",
    "college",
    () => ({ report: "attendance-sheet", departmentId: ids.dept, by: "subject", ...range }),
  ],
  [
    "PRN-6 attendance by discipline, college group",
    "college",
    () => ({ report: "attendance-sheet", classId: ids.is21, by: "subject", ...range }),
  ],
  ["PRN-6 attendance of classes, whole school", "school", () => ({ report: "attendance-groups", ...range })],
  ["PRN-6 attendance by specialty, whole college", "college", () => ({ report: "attendance-specialties", ...range })],
  [
    "PRN-7 progress by specialty, whole college",
    "college",
    () => ({ report: "progress-specialties", periodId: ids.s1 }),
  ],
  [
    "PRN-7 progress per subject, whole school",
    "school",
    () => ({ report: "subject-progress", periodId: ids.q1, subjectId: ids.math }),
  ],
  [
    "PRN-7 progress per discipline, department",
    "college",
    () => ({ report: "subject-progress", periodId: ids.s1, subjectId: ids.disc, departmentId: ids.dept }),
  ],
  ["PRN-7 teacher's report", "school", () => ({ report: "teacher-report", teacherId: ids.teacher, periodId: ids.q1 })],
  [
    "PRN-7 college teacher's report",
    "college",
    () => ({ report: "teacher-report", teacherId: ids.cteacher, periodId: ids.s1 }),
  ],
];

const models = new Map<string, ReportModel>();

async function modelOf(name: string, org: "school" | "college", request: () => Ask) {
  if (!models.has(name)) {
    const m = await buildModel(ids[org], { ...request(), format: "pdf" } as ReportRequest, TODAY);
    expect(m, name).not.toBeNull();
    models.set(name, m!);
  }
  return models.get(name)!;
}

type Node = Record<string, unknown> & {
  table?: { body: Node[][]; widths: number[]; headerRows?: number };
  stack?: Node[];
  text?: unknown;
};

const textOf = (t: unknown): string =>
  typeof t === "string" ? t : Array.isArray(t) ? t.map((x) => textOf((x as Node).text ?? x)).join("") : "";

/** Every grid table of the document (the tables laid out by the layout rules). */
function gridTables(doc: { content: Node[] }): Node[] {
  return doc.content.filter((n) => n.table && (n.layout === "ejGrid" || n.layout === "ejGridTight"));
}

/** Words that do not fit their column at their size: «table:row:col word width > room». */
function misfits(doc: { content: Node[] }): string[] {
  const out: string[] = [];
  gridTables(doc).forEach((t, ti) => {
    const size = t.fontSize as number;
    const pad = t.layout === "ejGrid" ? 3 : 2;
    const widths = t.table!.widths;
    t.table!.body.forEach((row, r) =>
      row.forEach((cell, c) => {
        const text = textOf(cell.text);
        if (!text) return;
        const span = (cell.colSpan as number | undefined) ?? 1;
        const room = widths.slice(c, c + span).reduce((s, w) => s + w, 0) + (span - 1) * (2 * pad + RULE);
        for (const w of words(text)) {
          const width = textWidth(w, size, Boolean(cell.bold));
          if (width > room) out.push(`${ti}:${r}:${c} «${w}» ${width.toFixed(1)} > ${room.toFixed(1)}`);
        }
      }),
    );
  });
  return out;
}

/** Tags every body cell with its table and row, lays the document out, returns rows seen on more than one page. */
async function splitRows(doc: { content: Node[] }): Promise<{ split: string[]; layout: Layout }> {
  const tagged = structuredClone(doc);
  gridTables(tagged).forEach((t, ti) => {
    const head = t.table!.headerRows ?? 0;
    t.table!.body.forEach((row, r) => {
      if (r < head) return;
      row.forEach((cell, c) => {
        if (textOf(cell.text)) cell.id = `cell:${ti}:${r}:${c}`;
      });
    });
  });
  const layout = (await layoutDocument(tagged)) as unknown as Layout;
  const pagesOf = new Map<string, Set<number>>();
  layout.pages.forEach((page, p) =>
    contentLines(page, layout.pageSize, layout.margins).forEach((line) => {
      const id = String(line.id ?? "");
      if (!id.startsWith("cell:")) return;
      const row = id.split(":").slice(0, 3).join(":");
      pagesOf.set(row, (pagesOf.get(row) ?? new Set()).add(p));
    }),
  );
  return { split: [...pagesOf].filter(([, pages]) => pages.size > 1).map(([row]) => row), layout };
}

describe.each(CASES)("%s", (name, org, request) => {
  it("PDF: words fit their columns, nothing under 8 pt, no row split, the signature never alone (PRN-1, PRN-2)", async () => {
    const model = await modelOf(name, org, request);
    const doc = reportDocument(model, "Europe/Samara") as { content: Node[] };
    expect(misfits(doc)).toEqual([]);
    const { split, layout } = await splitRows(doc);
    expect(split).toEqual([]);
    const small = layout.pages.flatMap((p, i) =>
      p.items.flatMap((item) =>
        item.type === "line"
          ? item.item.inlines.filter((x) => x.fontSize < 8).map((x) => `p${i + 1} ${x.fontSize} «${x.text}»`)
          : [],
      ),
    );
    expect(small).toEqual([]);
    expect(orphanSignaturePage(layout)).toBe(-1);
    // The form's own block: roles and names (PRN-2); the bound journal ends with its closing sheet.
    if (model.bound) {
      const last = contentLines(layout.pages.at(-1)!, layout.pageSize, layout.margins);
      const text = last.map((l) => l.inlines.map((x) => x.text).join("")).join(" ");
      expect(text).toMatch(new RegExp(`пронумеровано и прошито ${layout.pages.length} \\(`));
    } else {
      expect(model.signatures?.length).toBeGreaterThan(0);
      expect(model.signatures!.every((s) => s.role.length > 0)).toBe(true);
    }
  });

  it("XLSX: numbers are numbers, header and keys frozen, print titles, whole-word unique sheet names (PRN-4)", async () => {
    const model = await modelOf(name, org, request);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderXlsx(model, "Europe/Samara")) as unknown as ArrayBuffer);
    const tables = [
      { sheet: book.worksheets[0], t: { ...model }, layout: xlsxLayout(model), wanted: model.title },
      ...(model.sections ?? []).map((s, i) => ({
        sheet: book.worksheets[i + 1],
        t: { ...s, totals: [] },
        layout: sectionLayout(s),
        wanted: s.sheetName,
      })),
    ];
    const names = book.worksheets.map((s) => s.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    for (const { sheet, t, layout, wanted } of tables) {
      const clean = wanted
        .replace(/[\\/?*[\]:]/g, " ")
        .replace(/\s+/g, " ")
        .trim();
      const own = sheet.name.replace(/ \(\d+\)$/, "");
      expect(clean.startsWith(own) && (own.length === clean.length || clean[own.length] === " "), sheet.name).toBe(
        true,
      );
      const depth = headerGrid(t.header).depth;
      const view = sheet.views[0] as { state: string; xSplit: number; ySplit: number };
      expect(view).toMatchObject({ state: "frozen", ySplit: layout.dataRow - 1, xSplit: keyColumns(t.columns).length });
      expect(sheet.pageSetup.printTitlesRow).toBe(`${layout.headerRow}:${layout.headerRow + depth - 1}`);
      expect(sheet.headerFooter.oddFooter).toContain("&P");
      const all = [...t.rows, ...t.totals];
      t.columns.forEach((col, c) => {
        if (col.kind === "text" || col.kind === "mark") return;
        all.forEach((_, r) => {
          const v = sheet.getCell(layout.dataRow + r, c + 1).value;
          if (v === null || v === undefined || v === "" || v === "—") return;
          expect(typeof v, `${sheet.name} R${layout.dataRow + r}C${c + 1} = ${String(v)}`).toBe("number");
        });
      });
    }
  });
});

describe("empty tables and the journal-fill report", () => {
  it("prints «Нет данных» for an empty table (PRN-1)", async () => {
    const model = await modelOf("RPT-4 empty (current quarter)", "school", () => ({
      report: "failures",
      periodId: ids.q2,
    }));
    expect(model.rows).toHaveLength(0);
    const doc = reportDocument(model, "Europe/Samara") as { content: Node[] };
    expect(JSON.stringify(gridTables(doc)[0].table!.body)).toContain("Нет данных");
  });

  it(
    "RPT-11 of the demo shows a real «Последнее заполнение» for every class with lessons (issue 18)",
    { timeout: 90_000 },
    async () => {
      const model = await buildJournalFillModel(
        ids.school,
        { from: new Date("2026-09-01T00:00:00Z"), to: new Date("2026-11-20T00:00:00Z") },
        TODAY,
      );
      expect(model.rows.length).toBeGreaterThan(100);
      const last = model.columns.length - 1;
      expect(model.rows.filter((r) => r[last] === "не заполнялся")).toEqual([]);
      const doc = reportDocument(model, "Europe/Samara") as { content: Node[] };
      expect(misfits(doc)).toEqual([]);
    },
  );

  it("sheet names are cut at a word and made unique", () => {
    const used = new Set<string>();
    expect(sheetName("Результаты защиты выпускных квалификационных работ", used)).toBe("Результаты защиты выпускных");
    expect(sheetName("Результаты защиты выпускных квалификационных работ", used)).toBe(
      "Результаты защиты выпускных (2)",
    );
    expect(sheetName("Отметки: 7А / алгебра", used)).toBe("Отметки 7А алгебра");
  });
});
