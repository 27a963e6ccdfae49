// REG-2: the territory report — one row per organisation of the list and «Итого по территории» —
// as the neutral report model (lib/reports/model.ts), so the PDF and XLSX renderers and the
// background jobs take it like any organisation's report. The figures come from one SQL aggregate
// per kind over the whole list (lib/region/data.ts) and the pure rules (lib/region/rules.ts); the
// model holds organisations' names and figures only — never a person's name (REG-1: an education
// authority sees aggregates): no signatories, the signature line is left blank for whoever prints it.
import { compareRuNumeric } from "@/lib/org/collation";
import { formatDate } from "@/lib/org/time";
import type { CellValue, HeaderNode, ReportColumn, ReportModel } from "@/lib/reports/model";
import {
  attendanceFigureHeader,
  progressFigureHeader,
  PROGRESS_FIGURE_COLUMNS,
  reportFileName,
  type ProgressCounts,
} from "@/lib/reports/rules";
import {
  TERRITORY_ATTENDANCE,
  TERRITORY_CONTINGENT,
  TERRITORY_FILL,
  TERRITORY_MARK_PAIRS,
  TERRITORY_PROGRESS,
  organisationHeadings,
  territoryReader,
} from "./data";
import {
  type AttendanceCounts,
  type ContingentCounts,
  type FillCounts,
  ZERO_ATTENDANCE,
  ZERO_CONTINGENT,
  ZERO_FILL,
  ZERO_OBJECTIVITY,
  ZERO_PROGRESS,
  attendanceCells,
  contingentCells,
  fillCells,
  objectivityOf,
  progressCells,
  sumCounts,
  type MarkPair,
  type Objectivity,
  type TerritoryKind,
} from "./rules";
import { DENSITY_LESSONS } from "@/lib/control/rules";
import { deadlineText } from "@/lib/control/deadline/rules";
import { ORG_SETTINGS_DEFAULTS } from "@/lib/org/defaults";

export type TerritoryReportInput = {
  /** «Городской округ Самара»: the territory the authority user works for (REG-1). */
  territoryName: string;
  /** The organisations of the territory (the caller's gate decides the list; others are never read). */
  organisationIds: number[];
  kind: TerritoryKind;
  /** Calendar days (UTC midnight), both included. */
  from: Date;
  to: Date;
  now: Date;
};

type Org = { id: number; name: string };

/** A kind's table: the header after «№» and «Организация», its columns and notes, its counts' zero and cells. */
type KindSpec<C extends Record<string, number>> = {
  title: string;
  header: HeaderNode[];
  columns: ReportColumn[];
  notes: string[];
  zero: C;
  cells: (c: C) => CellValue[];
  /** Counts per organisation of the (non-empty) list: one aggregate statement or two, never one per organisation. */
  load: (ids: number[], from: Date, to: Date, now: Date) => Promise<(C & { organisationId: number })[]>;
};

const n = (count: number): ReportColumn[] => Array.from({ length: count }, () => ({ kind: "number" as const }));

const SUM_NOTE =
  "«Итого по территории» — суммы количеств по организациям; доли, средний балл и средние величины пересчитаны из сумм числителей и знаменателей (а не усреднены по организациям).";

type ProgressAndObjectivity = ProgressCounts & Objectivity;

const PROGRESS: KindSpec<ProgressAndObjectivity> = {
  title: "Итоги успеваемости по территории",
  header: [
    ...progressFigureHeader("Обучающихся"),
    {
      label: "Объективность: ОГЭ, ЕГЭ, ВПР и годовая отметка",
      children: [
        { label: "Результатов" },
        { label: "Сопоставлено" },
        { label: "Ниже годовой" },
        { label: "Выше годовой" },
        { label: "Расходятся на 1 и более, %" },
      ],
    },
  ],
  columns: [...PROGRESS_FIGURE_COLUMNS, ...n(4), { kind: "percent" }],
  notes: [
    "Период каждого класса (группы) — последний его период (четверть, полугодие, семестр), который заканчивается в выбранном интервале: итоговые отметки выставляются за период, а у организаций и классов периоды разные. Классы, у которых в интервале не закончился ни один период, в отчёт не входят.",
    "Как в «Итогах успеваемости» организации: каждый обучающийся на конец периода своего класса учитывается один раз по итоговым отметкам за период по всем предметам; успеваемость — доля обучающихся без «2», «незачёт» и «н/а», качество — доля обучающихся только с «4» и «5»; зачёт и «освобождён» засчитываются как успешные и не входят в средний балл; 1-е классы школ обучаются без отметок и не учитываются.",
    "Объективность — результаты ОГЭ, ЕГЭ и ВПР учебных годов, пересекающихся с интервалом, сопоставленные с годовой отметкой обучающегося по предмету; доля — результаты, отметка которых отличается от годовой на 1 и более, из сопоставленных (результаты ЕГЭ без отметки и результаты без годовой отметки не сопоставляются).",
  ],
  zero: { ...ZERO_PROGRESS, ...ZERO_OBJECTIVITY },
  cells: (c) => progressCells(c, c),
  load: async (ids, from, to) => {
    const reader = territoryReader();
    const [counts, pairs] = await Promise.all([
      TERRITORY_PROGRESS.run(reader, ids, from, to),
      TERRITORY_MARK_PAIRS.run(reader, ids, from, to),
    ]);
    const pairsOf = new Map<number, MarkPair[]>();
    for (const p of pairs) pairsOf.set(p.organisationId, [...(pairsOf.get(p.organisationId) ?? []), p]);
    const progressOf = new Map(counts.map((c) => [c.organisationId, c]));
    return ids.map((organisationId) => ({
      ...ZERO_PROGRESS,
      ...progressOf.get(organisationId),
      ...objectivityOf(pairsOf.get(organisationId) ?? []),
      organisationId,
    }));
  },
};

const ATTENDANCE: KindSpec<AttendanceCounts> = {
  title: "Посещаемость по территории",
  header: [
    { label: "Обучающихся на конец периода" },
    ...attendanceFigureHeader("Пропущено уроков (часов)"),
    { label: "Пропущено на одного обучающегося" },
  ],
  columns: [...n(7), { kind: "decimal" }],
  notes: [
    "Как в отчёте «Посещаемость» организации: проведённые уроки интервала (в колледже — академические часы), пропуски обучающихся, состоящих в своём классе (группе) на последний день интервала; опоздание не считается пропуском.",
  ],
  zero: ZERO_ATTENDANCE,
  cells: attendanceCells,
  load: (ids, from, to) => TERRITORY_ATTENDANCE.run(territoryReader(), ids, from, to),
};

const FILL: KindSpec<FillCounts> = {
  title: "Заполнение электронного журнала по территории",
  header: [
    { label: "Проведено уроков" },
    {
      label: "Заполнение к сроку дня",
      children: [{ label: "Уроков к сроку" }, { label: "Заполнено в срок" }, { label: "Доля в срок, %" }],
    },
    { label: "Уроков без темы" },
    { label: "Отметок" },
    { label: `Накопляемость (на ученика за ${DENSITY_LESSONS} уроков)` },
  ],
  columns: [...n(3), { kind: "percent" }, ...n(2), { kind: "decimal" }],
  notes: [
    "Учитываются проведённые уроки интервала (не отменённые и не позже сегодняшнего дня организации).",
    `Урок заполнен в срок, если к сроку дня урока (настройка организации, по умолчанию ${deadlineText(ORG_SETTINGS_DEFAULTS.fillDeadlineMinutes)} по её времени) внесены тема, посещаемость, домашнее задание или отметка «не задано» и отметки за задания со сроком в этот день; уроки к сроку — заполненные и те, срок которых прошёл.`,
    `Накопляемость — отметок на одного ученика за ${DENSITY_LESSONS} уроков: отметки ÷ (ученики класса × уроки) × ${DENSITY_LESSONS}.`,
  ],
  zero: ZERO_FILL,
  cells: fillCells,
  load: (ids, from, to, now) => TERRITORY_FILL.run(territoryReader(), ids, from, to, now),
};

const CONTINGENT: KindSpec<ContingentCounts> = {
  title: "Контингент обучающихся по территории",
  header: [
    { label: "На начало периода" },
    { label: "Прибыло" },
    { label: "Переведено из других классов (групп)" },
    { label: "Выбыло" },
    { label: "Переведено в другие классы (группы)" },
    { label: "На конец периода", children: [{ label: "всего" }, { label: "юношей" }, { label: "девушек" }] },
    { label: "Классов (групп) на конец" },
    { label: "Средняя наполняемость" },
  ],
  columns: [...n(9), { kind: "decimal" }],
  notes: [
    "По книге движения обучающихся каждой организации, как «Итоговые данные по обучающимся»: перевод между классами (группами) организации показан отдельно от прибытия и выбытия; переход между организациями территории — выбытие из одной и прибытие в другую.",
    "На начало + прибыло + переведено из других − выбыло − переведено в другие = на конец периода.",
  ],
  zero: ZERO_CONTINGENT,
  cells: contingentCells,
  load: (ids, from, to) => TERRITORY_CONTINGENT.run(territoryReader(), ids, from, to),
};

/** The rows and the total of a kind: one row per organisation (zeros when it has nothing), the total from the summed counts. */
async function table<C extends Record<string, number>>(
  spec: KindSpec<C>,
  orgs: Org[],
  input: Pick<TerritoryReportInput, "from" | "to" | "now">,
): Promise<{ rows: CellValue[][]; total: CellValue[] }> {
  const ids = orgs.map((o) => o.id);
  const loaded = ids.length ? await spec.load(ids, input.from, input.to, input.now) : [];
  const counts = new Map<number, C>(orgs.map((o) => [o.id, spec.zero]));
  for (const { organisationId, ...rest } of loaded) {
    if (!counts.has(organisationId)) continue; // never an organisation outside the list
    const own: C = { ...spec.zero };
    for (const k of Object.keys(spec.zero) as (keyof C)[]) own[k] = (rest as unknown as C)[k];
    counts.set(organisationId, own);
  }
  return {
    rows: orgs.map((o, i) => [i + 1, o.name, ...spec.cells(counts.get(o.id)!)]),
    total: [null, "Итого по территории", ...spec.cells(sumCounts([...counts.values()], spec.zero))],
  };
}

/** REG-2: the territory report of a kind over the organisations of the list for the days `from`…`to`. */
export async function buildTerritoryReport(input: TerritoryReportInput): Promise<ReportModel> {
  const ids = [...new Set(input.organisationIds)];
  const orgs = (ids.length ? await organisationHeadings(ids) : []).sort(
    (a, b) => compareRuNumeric(a.name, b.name) || a.id - b.id,
  );
  const range = `${formatDate(input.from)} — ${formatDate(input.to)}`;
  const model = async <C extends Record<string, number>>(spec: KindSpec<C>): Promise<ReportModel> => {
    const { rows, total } = await table(spec, orgs, input);
    return {
      title: spec.title,
      organisationName: input.territoryName,
      parameters: [
        { label: "Территория", value: input.territoryName },
        { label: "Период", value: range },
        { label: "Организаций", value: String(orgs.length) },
      ],
      orientation: "landscape",
      header: [{ label: "№" }, { label: "Организация" }, ...spec.header],
      columns: [{ kind: "number", key: true }, { kind: "text", key: true }, ...spec.columns],
      rows,
      totals: [total],
      notes: [...spec.notes, SUM_NOTE],
      printedAt: input.now,
      fileName: reportFileName([spec.title, input.territoryName, range.replace(" — ", "–")]),
    };
  };
  switch (input.kind) {
    case "progress":
      return model(PROGRESS);
    case "attendance":
      return model(ATTENDANCE);
    case "fill":
      return model(FILL);
    case "contingent":
      return model(CONTINGENT);
  }
}
