// Class-list import (PPL-5) as pure rules: header recognition and per-row validation with
// Russian messages. Nothing here touches the database.
import { isoDate } from "@/lib/org/time";
import { z } from "zod";
import { FIELD_LABELS } from "../card-rules";
import { parseCalendarDate } from "../schema";

export const IMPORT_COLUMNS = ["lastName", "firstName", "middleName", "birthDate", "sex", "phone", "email"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** The columns' headers: the student card's own labels (PPL-1). */
export const IMPORT_HEADERS = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, FIELD_LABELS[c]])) as Record<
  ImportColumn,
  string
>;

/** How a file may head a person's name columns (this import and REG-3's results). */
export const NAME_ALIASES = { фамилия: "lastName", имя: "firstName", отчество: "middleName" } as const;

const ALIASES: Record<string, ImportColumn> = {
  ...NAME_ALIASES,
  "дата рождения": "birthDate",
  "дата рожд.": "birthDate",
  др: "birthDate",
  пол: "sex",
  телефон: "phone",
  "e-mail": "email",
  email: "email",
  "эл. почта": "email",
  "электронная почта": "email",
};

/** A header or a name as compared: trimmed, lower case, «ё» as «е», single spaces (also REG-3's import). */
export const normal = (s: string) => s.trim().toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ");

/** The refusal of a header row without some required columns, named by their headers; null when all are there. */
export function missingColumns<C extends string>(
  map: Partial<Record<C, number>>,
  required: readonly C[],
  headers: Record<C, string>,
): string | null {
  const missing = required.filter((c) => map[c] === undefined);
  return missing.length ? `В первой строке нет столбцов: ${missing.map((c) => `«${headers[c]}»`).join(", ")}` : null;
}

/** Column index per known column from the header row; missing required columns are reported. */
export function mapHeader(
  header: readonly string[],
): { ok: true; map: Partial<Record<ImportColumn, number>> } | { ok: false; message: string } {
  const map: Partial<Record<ImportColumn, number>> = {};
  header.forEach((h, i) => {
    const col = ALIASES[normal(h)];
    if (col && map[col] === undefined) map[col] = i;
  });
  const missing = missingColumns(map, ["lastName", "firstName", "birthDate"], IMPORT_HEADERS);
  return missing ? { ok: false, message: missing } : { ok: true, map };
}

export type ImportStudent = {
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: Date;
  sex: "MALE" | "FEMALE" | null;
  phone: string | null;
  email: string | null;
};

export type PreviewRow = {
  line: number;
  values: Record<ImportColumn, string>;
  errors: string[];
  data: ImportStudent | null;
};

const NAME = /^[А-ЯЁа-яёA-Za-z][А-ЯЁа-яёA-Za-z' -]*$/;

function sexOf(v: string): "MALE" | "FEMALE" | null | undefined {
  const s = normal(v);
  if (!s) return null;
  if (["м", "муж", "мужской", "m", "male"].includes(s)) return "MALE";
  if (["ж", "жен", "женский", "f", "female"].includes(s)) return "FEMALE";
  return undefined;
}

/** Validates one data row; `today` bounds the birth date. */
export function validateRow(line: number, values: Record<ImportColumn, string>, today: Date): PreviewRow {
  const errors: string[] = [];
  const text = (c: ImportColumn) => values[c].trim();
  for (const c of ["lastName", "firstName"] as const) {
    if (!text(c)) errors.push(`${IMPORT_HEADERS[c]}: не заполнено`);
    else if (!NAME.test(text(c)) || text(c).length > 100) errors.push(`${IMPORT_HEADERS[c]}: недопустимые символы`);
  }
  if (text("middleName") && (!NAME.test(text("middleName")) || text("middleName").length > 100))
    errors.push("Отчество: недопустимые символы");
  let birthDate: Date | null = null;
  if (!text("birthDate")) errors.push("Дата рождения: не заполнена");
  else {
    birthDate = parseCalendarDate(text("birthDate"));
    if (!birthDate) errors.push(`Дата рождения: «${text("birthDate")}» — не дата ДД.ММ.ГГГГ`);
    else if (birthDate.getTime() > today.getTime() || birthDate.getUTCFullYear() < today.getUTCFullYear() - 80) {
      errors.push("Дата рождения: вне допустимого диапазона");
      birthDate = null;
    }
  }
  const sex = sexOf(text("sex"));
  if (sex === undefined) errors.push(`Пол: «${text("sex")}» — укажите «м» или «ж»`);
  const phone = text("phone");
  if (phone && !/^[+\d][\d\s()-]{5,39}$/.test(phone)) errors.push("Телефон: неверный формат");
  const email = text("email");
  if (email && !z.email().safeParse(email).success) errors.push(`E-mail: «${email}» — неверный адрес`);
  const data: ImportStudent | null =
    errors.length === 0 && birthDate
      ? {
          lastName: text("lastName"),
          firstName: text("firstName"),
          middleName: text("middleName") || null,
          birthDate,
          sex: sex ?? null,
          phone: phone || null,
          email: email || null,
        }
      : null;
  return { line, values, errors, data };
}

export const personKey = (p: { lastName: string; firstName: string; middleName: string | null; birthDate: Date }) =>
  `${normal(p.lastName)}|${normal(p.firstName)}|${normal(p.middleName ?? "")}|${isoDate(p.birthDate)}`;

/** Header + data rows → preview rows; blank lines are skipped; repeats inside the file are errors. */
export function previewRows(
  table: readonly (readonly string[])[],
  today: Date,
): { ok: true; rows: PreviewRow[] } | { ok: false; message: string } {
  if (table.length === 0) return { ok: false, message: "Файл пуст" };
  const header = mapHeader(table[0]);
  if (!header.ok) return header;
  const rows: PreviewRow[] = [];
  const seen = new Map<string, number>();
  table.slice(1).forEach((cells, i) => {
    if (cells.every((c) => !c.trim())) return;
    const values = Object.fromEntries(
      IMPORT_COLUMNS.map((c) => [c, header.map[c] === undefined ? "" : (cells[header.map[c]!] ?? "")]),
    ) as Record<ImportColumn, string>;
    const row = validateRow(i + 2, values, today);
    if (row.data) {
      const key = personKey(row.data);
      const first = seen.get(key);
      if (first !== undefined) {
        row.errors.push(`Повтор строки ${first}`);
        row.data = null;
      } else seen.set(key, row.line);
    }
    rows.push(row);
  });
  if (rows.length === 0) return { ok: false, message: "В файле нет строк с данными" };
  if (rows.length > 1000) return { ok: false, message: "Не больше 1000 строк за один импорт" };
  return { ok: true, rows };
}
