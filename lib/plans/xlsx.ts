// PLAN-4: a plan as XLSX (exceljs) — a header row and one row per topic with the columns
// №, Тема, Часы, КЭС, Тип урока, Вид контроля, Домашнее задание. Reading validates every row
// with the same zod schema as the editor and returns Russian errors per row; nothing here
// touches the database. Exported then imported, a plan's topics come back field for field.
import { isoDate } from "@/lib/org/time";
import ExcelJS from "exceljs";
import { MAX_TOPICS, topicRowSchema, type TopicRow } from "./schema";

export const XLSX_HEADERS = ["№", "Тема", "Часы", "КЭС", "Тип урока", "Вид контроля", "Домашнее задание"] as const;
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Larger files are refused before parsing. */
export const MAX_XLSX_BYTES = 2 * 1024 * 1024;

export type PlanSheetMeta = { title: string; teacher: string; subject: string; target: string };

export async function planToXlsx(meta: PlanSheetMeta, topics: readonly TopicRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Электронный журнал";
  const ws = wb.addWorksheet("КТП");
  ws.columns = [
    { key: "n", width: 6 },
    { key: "title", width: 60 },
    { key: "hours", width: 8 },
    { key: "kes", width: 14 },
    { key: "type", width: 28 },
    { key: "control", width: 24 },
    { key: "homework", width: 50 },
  ];
  const header = ws.addRow([...XLSX_HEADERS]);
  header.font = { bold: true };
  topics.forEach((t, i) => {
    ws.addRow([i + 1, t.title, t.hours, t.kesCodes ?? "", t.lessonType ?? "", t.controlKind ?? "", t.homework ?? ""]);
  });
  // Text columns stay text in Excel (a КЭС «1.10» must not become the number 1.1).
  for (const col of [2, 4, 5, 6, 7]) ws.getColumn(col).numFmt = "@";
  const info = wb.addWorksheet("Сведения");
  info.addRows([
    ["План", meta.title],
    ["Учитель", meta.teacher],
    ["Предмет", meta.subject],
    ["Класс", meta.target],
  ]);
  const buf = await wb.xlsx.writeBuffer();
  return Buffer.from(buf as ArrayBuffer);
}

/** A cell's value as text: numbers, rich text, formula results and hyperlinks included. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return isoDate(value);
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("error" in value) return "";
  }
  return "";
}

export type ImportRow = { row: number; data: TopicRow | null; errors: string[]; raw: string[] };
export type ImportResult = { ok: true; rows: ImportRow[] } | { ok: false; message: string };

function normalise(s: string): string {
  return s.trim().toLowerCase().replace(/ё/g, "е");
}

/** Reads and validates a plan's XLSX; per-row Russian errors, no writes. */
export async function xlsxToTopics(data: ArrayBuffer | Buffer): Promise<ImportResult> {
  if (data.byteLength === 0) return { ok: false, message: "Файл пуст" };
  if (data.byteLength > MAX_XLSX_BYTES) return { ok: false, message: "Файл больше 2 МБ" };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as ArrayBuffer);
  } catch {
    return { ok: false, message: "Не удалось прочитать файл: нужен файл Excel (.xlsx)" };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { ok: false, message: "В файле нет листов" };
  const header = XLSX_HEADERS.map((_, i) => normalise(cellText(ws.getRow(1).getCell(i + 1).value)));
  const missing = XLSX_HEADERS.filter((h, i) => header[i] !== normalise(h));
  if (missing.length) {
    return {
      ok: false,
      message: `Первая строка должна содержать заголовки: ${XLSX_HEADERS.join(", ")}. Не найдено: ${missing.join(", ")}`,
    };
  }
  const rows: ImportRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const raw = XLSX_HEADERS.map((_, i) => cellText(ws.getRow(r).getCell(i + 1).value));
    if (raw.every((v) => v.trim() === "")) continue;
    if (rows.length >= MAX_TOPICS) return { ok: false, message: `Не больше ${MAX_TOPICS} тем в плане` };
    const hoursText = raw[2].trim().replace(",", ".");
    const parsed = topicRowSchema.safeParse({
      title: raw[1],
      hours: hoursText === "" ? undefined : hoursText,
      kesCodes: raw[3],
      lessonType: raw[4],
      controlKind: raw[5],
      homework: raw[6],
    });
    if (parsed.success) rows.push({ row: r, data: parsed.data, errors: [], raw });
    else {
      const errors = parsed.error.issues.map((i) =>
        i.path[0] === "hours" && hoursText === "" ? "Часы: обязательны" : i.message,
      );
      rows.push({ row: r, data: null, errors: [...new Set(errors)], raw });
    }
  }
  if (rows.length === 0) return { ok: false, message: "В файле нет ни одной темы" };
  return { ok: true, rows };
}
