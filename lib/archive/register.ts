// The archive register and the act of destruction as report models (REC-5): the same neutral model
// every report uses, rendered to XLSX / PDF by lib/reports (render-xlsx, render-pdf). Pure.
import { formatDate, formatDateTime } from "@/lib/org/time";
import type { CellValue, ReportModel } from "@/lib/reports/model";
import { columnsOf } from "@/lib/reports/rules";
import type { RegisterRow } from "./data";
import { RETENTION_LABELS, isExpired, type RetentionKind } from "./rules";

export function kindLabel(kind: string): string {
  return RETENTION_LABELS[kind as RetentionKind] ?? kind;
}

/** «хранится», «срок истёк», «уничтожен (акт № 1 от 10.01.2032)». */
export function statusText(row: Pick<RegisterRow, "destroyedAt" | "retentionEnd" | "act">, today: Date): string {
  if (row.destroyedAt)
    return row.act ? `уничтожен (акт № ${row.act.number} от ${formatDate(row.act.actDate)})` : "уничтожен";
  return isExpired(row.retentionEnd, today) ? "срок хранения истёк" : "хранится";
}

export function retentionText(row: Pick<RegisterRow, "retentionYears" | "retentionEnd">): string {
  return row.retentionYears === null || row.retentionEnd === null
    ? "постоянно"
    : `${row.retentionYears} лет, до ${formatDate(row.retentionEnd)}`;
}

/** «Реестр архивных документов»: dates, digests, retention ends and status, one row per document. */
export function registerModel(input: {
  orgName: string;
  rows: RegisterRow[];
  acts: { number: number; actDate: Date; sha256: string; documents: number }[];
  scope: string;
  today: Date;
  now: Date;
  timeZone: string;
}): ReportModel {
  const rows: CellValue[][] = input.rows.map((r, i) => [
    i + 1,
    r.yearName,
    r.className ?? "",
    kindLabel(r.kind),
    r.name,
    `№ ${r.setId}, ${formatDateTime(r.createdAt, input.timeZone).slice(0, 10)}`,
    r.sha256,
    r.retentionYears,
    r.retentionEnd ? formatDate(r.retentionEnd) : "постоянно",
    statusText(r, input.today),
  ]);
  for (const a of input.acts)
    rows.push([
      rows.length + 1,
      "",
      "",
      "Акт о выделении к уничтожению",
      `Акт № ${a.number} (документов: ${a.documents})`,
      formatDate(a.actDate),
      a.sha256,
      null,
      "постоянно",
      "хранится",
    ]);
  return {
    title: "Реестр архивных документов",
    organisationName: input.orgName,
    parameters: [{ label: "Учебный год", value: input.scope }],
    orientation: "landscape",
    header: [
      { label: "№" },
      { label: "Учебный год" },
      { label: "Класс" },
      { label: "Вид документа" },
      { label: "Документ" },
      { label: "Архив, дата" },
      { label: "SHA-256" },
      { label: "Срок хранения, лет" },
      { label: "Хранить до" },
      { label: "Состояние" },
    ],
    columns: [{ kind: "number" }, ...columnsOf("text", 6), { kind: "number" }, { kind: "text" }, { kind: "text" }],
    rows,
    totals: [],
    notes: [
      "Срок хранения исчисляется с 1 января года, следующего за годом окончания учебного года.",
      "Уничтоженный документ остаётся в реестре с контрольной суммой; его файл удалён по акту.",
    ],
    printedAt: input.now,
  };
}

/** «Акт о выделении к уничтожению документов, не подлежащих хранению» (REC-5). */
export function actModel(input: {
  orgName: string;
  number: number;
  actDate: Date;
  basis: string | null;
  confirmedBy: string;
  rows: RegisterRow[];
  now: Date;
}): ReportModel {
  return {
    title: "Акт о выделении к уничтожению документов, не подлежащих хранению",
    organisationName: input.orgName,
    parameters: [
      { label: "Акт №", value: String(input.number) },
      { label: "Дата", value: formatDate(input.actDate) },
      {
        label: "Основание",
        value: input.basis ?? "истечение сроков хранения (Положение о ведении электронного журнала, п. 9.2)",
      },
      { label: "Утвердил", value: input.confirmedBy },
    ],
    orientation: "landscape",
    header: [
      { label: "№" },
      { label: "Документ" },
      { label: "Учебный год" },
      { label: "Класс" },
      { label: "Вид документа" },
      { label: "Срок хранения" },
      { label: "SHA-256" },
    ],
    columns: [{ kind: "number" }, ...columnsOf("text", 6)],
    rows: input.rows.map((r, i) => [
      i + 1,
      r.name,
      r.yearName,
      r.className ?? "",
      kindLabel(r.kind),
      retentionText(r),
      r.sha256,
    ]),
    totals: [],
    notes: [
      `Итого к уничтожению документов: ${input.rows.length}. Файлы удаляются из хранилища архива после утверждения акта;`,
      "записи реестра с датами и контрольными суммами SHA-256 сохраняются, акт хранится постоянно.",
    ],
    printedAt: input.now,
  };
}
