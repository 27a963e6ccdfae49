// A small report model of the whole-organisation kind (classes × two figures, a total and a note) for
// the PDF engine's tests: its rows are as many as a case needs.
import type { ReportModel } from "@/lib/reports/model";

export const sampleReportModel = (title: string, rows = 40): ReportModel => ({
  title,
  organisationName: "МБОУ «Школа № 1»",
  parameters: [{ label: "Классы", value: "вся организация" }],
  orientation: "landscape",
  header: [{ label: "Класс" }, { label: "Обучающихся" }, { label: "Средний балл" }],
  columns: [{ kind: "text", key: true }, { kind: "number" }, { kind: "decimal" }],
  rows: Array.from({ length: rows }, (_, i) => [`${(i % 11) + 1}${"АБВГ"[i % 4]}`, 20 + (i % 9), 3.5 + (i % 5) / 10]),
  totals: [["Всего", 1000, 4.1]],
  notes: ["Каждый обучающийся учитывается один раз."],
  printedAt: new Date("2026-11-23T08:00:00Z"),
});
