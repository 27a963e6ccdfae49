// The layout rules of printed tables (PRN-1), decided from the model and the fonts' real metrics
// before pdfmake sees the table — pure, the measure comes in:
// - every word of a cell (and of a header) fits its column: a column is at least as wide as its
//   widest word, so pdfmake never has to cut one; hyphenated and slashed words are kept whole by
//   the renderer (noWrap inlines);
// - the key columns (№ and the name) get the width of their longest text, so a name is one line;
// - header words that would widen a column of figures are abbreviated from a table of standard
//   abbreviations; then the font goes down from 9 to 8 pt, never below;
// - a table still wider than the page is split into column groups that each repeat the keys,
//   cut at the top-level header nodes (a subject's columns stay together where they fit).
import { cellText, headerGrid, keyColumns, type CellValue, type GridCell, type ReportColumn } from "./model";
import type { HeaderNode } from "./model";

export type Measure = (text: string, size: number, bold: boolean) => number;

/** Font sizes tried, largest first; nothing is ever printed smaller than the last (PRN-1). */
export const FONT_SIZES = [9, 8] as const;
export const MIN_FONT_SIZE = 8;
/** Width of the grid lines (the renderer's table layout draws them this wide). */
export const RULE = 0.5;
/** Cell padding left and right at a font size (the renderer's table layouts ejGrid / ejGridTight). */
export const paddingFor = (size: number): number => (size >= 9 ? 3 : 2);
/** A header wider than this on one line may wrap rather than widen its column. */
const HEADER_LINE_CAP = 90;
/** Headroom against rounding in pdfmake's own line fitting. */
const EPS = 0.75;

/**
 * Standard abbreviations of the words of report headers (as on the paper forms): applied to a
 * header only when its full word would make a column wider than its figures need.
 */
export const ABBREVIATIONS: Record<string, string> = {
  обучающихся: "обуч-ся",
  обучающиеся: "обуч-ся",
  количество: "кол-во",
  успеваемость: "успев.",
  качество: "кач-во",
  средний: "ср.",
  отличники: "отл.",
  хорошисты: "хор.",
  неуспевающие: "неусп.",
  неуспевающих: "неусп.",
  аттестованы: "аттест.",
  аттестовано: "аттест.",
  пропущено: "пропущ.",
  пропусков: "пропуск.",
  уважительной: "уваж.",
  неуважительной: "неуваж.",
  уважительная: "уваж.",
  причине: "прич.",
  причина: "прич.",
  болезни: "бол.",
  опозданий: "опозд.",
  периода: "пер.",
  начало: "нач.",
  конец: "кон.",
  прибыло: "приб.",
  выбыло: "выб.",
  переведено: "перев.",
  юношей: "юнош.",
  девушек: "девуш.",
  итоговых: "итог.",
  итоговые: "итог.",
  итоговая: "итог.",
  отметок: "отм.",
  отметки: "отм.",
  проведено: "провед.",
  уроков: "ур.",
  занятий: "зан.",
  часов: "ч.",
  домашнего: "дом.",
  задания: "зад.",
  посещаемости: "посещ.",
  накопляемость: "накопл.",
  последнее: "посл.",
  заполнение: "заполн.",
  преподаватель: "препод.",
  дисциплина: "дисц.",
  решение: "реш.",
  педсовета: "педсов.",
  экзамен: "экз.",
  годовая: "год.",
  доля: "доля",
  показатели: "показ.",
  указана: "указ.",
  сентябрь: "сент.",
  октябрь: "окт.",
  ноябрь: "нояб.",
  декабрь: "дек.",
  январь: "янв.",
  февраль: "февр.",
  апрель: "апр.",
  август: "авг.",
  четверть: "четв.",
  полугодие: "полуг.",
  семестр: "сем.",
  всего: "всего",
};

/** A label with its long words replaced by their standard abbreviations (case kept). */
export function abbreviate(label: string): string {
  return label.replace(/[А-Яа-яЁё]+/g, (w) => {
    const short = ABBREVIATIONS[w.toLowerCase()];
    if (!short) return w;
    return w[0] === w[0].toUpperCase() ? short[0].toUpperCase() + short.slice(1) : short;
  });
}

/** The words pdfmake may put on separate lines (whitespace-separated; a word is never cut). */
export function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

export type TableInput = {
  header: HeaderNode[];
  columns: ReportColumn[];
  rows: CellValue[][];
  totals: CellValue[][];
  subtotalRows?: number[];
};

export type PlannedGroup = {
  /** Original column indices of this group: the keys, then the group's own columns. */
  columns: number[];
  /** Content widths in points, one per column of the group. */
  widths: number[];
  /** Header cells re-indexed to the group's columns, with the labels to print. */
  header: GridCell[];
};

export type TablePlan = { fontSize: number; padding: number; depth: number; groups: PlannedGroup[] };

type Needs = { min: number[]; pref: number[]; headerLine: number[] };

const widest = (texts: string[], size: number, bold: boolean, measure: Measure) =>
  texts.reduce((m, t) => Math.max(m, measure(t, size, bold)), 0);

/** Width of a table of content widths `w` with paddings and rules. */
export function tableWidth(widths: number[], padding: number): number {
  return widths.reduce((s, w) => s + w + 2 * padding + RULE, RULE);
}

function bodyNeeds(t: TableInput, size: number, measure: Measure): { min: number[]; pref: number[] } {
  const min = t.columns.map(() => 0);
  const pref = t.columns.map(() => 0);
  const subtotal = new Set(t.subtotalRows ?? []);
  const scan = (row: CellValue[], bold: boolean) =>
    row.forEach((v, i) => {
      const text = cellText(v, t.columns[i].kind);
      if (!text) return;
      min[i] = Math.max(min[i], widest(words(text), size, bold, measure));
      pref[i] = Math.max(pref[i], measure(text.replace(/\s+/g, " "), size, bold));
    });
  t.rows.forEach((r, i) => scan(r, subtotal.has(i)));
  t.totals.forEach((r) => scan(r, true));
  return { min, pref };
}

/** Header labels of the grid cells: abbreviated where the full word would widen the column. */
function headerLabels(cells: GridCell[], bodyPref: number[], size: number, shorten: boolean, measure: Measure) {
  return cells.map((c) => {
    if (!shorten) return c.label;
    const room = bodyPref.slice(c.col, c.col + c.colSpan).reduce((s, w) => s + w, 0);
    return widest(words(c.label), size, true, measure) > room ? abbreviate(c.label) : c.label;
  });
}

function needsOf(t: TableInput, cells: GridCell[], labels: string[], size: number, measure: Measure): Needs {
  const body = bodyNeeds(t, size, measure);
  const min = [...body.min];
  const headerLine = t.columns.map(() => 0);
  const gap = 2 * paddingFor(size) + RULE;
  const leaves = cells.map((c, i) => ({ c, label: labels[i] })).filter(({ c }) => c.colSpan === 1);
  for (const { c, label } of leaves) {
    min[c.col] = Math.max(min[c.col], widest(words(label), size, true, measure));
    headerLine[c.col] = Math.min(HEADER_LINE_CAP, measure(label, size, true));
  }
  for (let i = 0; i < min.length; i++) min[i] += EPS;
  const pref = t.columns.map((c, i) => (c.kind === "text" ? Math.max(min[i], body.pref[i] + EPS) : min[i]));
  // A label over several columns must fit their sum: widen them evenly.
  cells.forEach((c, i) => {
    if (c.colSpan < 2) return;
    const need = widest(words(labels[i]), size, true, measure) + EPS;
    const have = min.slice(c.col, c.col + c.colSpan).reduce((s, w) => s + w, 0) + (c.colSpan - 1) * gap;
    if (need > have)
      for (let k = c.col; k < c.col + c.colSpan; k++) {
        min[k] += (need - have) / c.colSpan;
        pref[k] = Math.max(pref[k], min[k]);
      }
  });
  return { min, pref, headerLine };
}

/** Spreads the free width: wrapping texts toward one line, headers toward one line, then evenly. */
function distribute(cols: number[], keys: Set<number>, needs: Needs, available: number, padding: number): number[] {
  const w = cols.map((c) => (keys.has(c) ? needs.pref[c] : needs.min[c]));
  let free = available - tableWidth(w, padding);
  const grow = (target: (i: number) => number) => {
    const want = cols.map((_, i) => Math.max(0, target(i) - w[i]));
    const total = want.reduce((s, x) => s + x, 0);
    if (total <= 0 || free <= 0) return;
    const share = Math.min(1, free / total);
    want.forEach((x, i) => (w[i] += x * share));
    free -= total * share;
  };
  grow((i) => needs.pref[cols[i]]);
  grow((i) => needs.headerLine[cols[i]]);
  if (free > 0) {
    // The rest goes to the figures (the keys already hold their longest text on one line).
    const spread = cols.map((c) => !keys.has(c) || cols.every((k) => keys.has(k)));
    const sum = w.reduce((s, x, i) => s + (spread[i] ? x : 0), 0);
    for (let i = 0; i < w.length; i++) if (spread[i]) w[i] += (free * w[i]) / sum;
  }
  return w;
}

/** Header cells clipped to a group's columns and re-indexed. */
function clipHeader(cells: GridCell[], labels: string[], columns: number[]): GridCell[] {
  const at = new Map(columns.map((c, i) => [c, i]));
  const out: GridCell[] = [];
  cells.forEach((c, i) => {
    const kept = Array.from({ length: c.colSpan }, (_, k) => c.col + k).filter((k) => at.has(k));
    if (kept.length === 0) return;
    out.push({ label: labels[i], row: c.row, col: at.get(kept[0])!, rowSpan: c.rowSpan, colSpan: kept.length });
  });
  return out;
}

/**
 * The plan of a table of `available` points width: one group when it fits (at 9 pt, else with
 * abbreviated headers, else at 8 pt), else column groups at 8 pt that each repeat the keys.
 */
export function planTable(t: TableInput, available: number, measure: Measure): TablePlan {
  const grid = headerGrid(t.header);
  const keys = keyColumns(t.columns);
  const keySet = new Set(keys);
  const all = t.columns.map((_, i) => i);
  const attempts: [number, boolean][] = [
    [9, false],
    [9, true],
    [8, true],
  ];
  const plan = (size: number, shorten: boolean) => {
    const body = bodyNeeds(t, size, measure);
    const labels = headerLabels(grid.cells, body.pref, size, shorten, measure);
    return { labels, needs: needsOf(t, grid.cells, labels, size, measure) };
  };
  for (const [size, shorten] of attempts) {
    const { labels, needs } = plan(size, shorten);
    const padding = paddingFor(size);
    const base = all.map((c) => (keySet.has(c) ? needs.pref[c] : needs.min[c]));
    if (tableWidth(base, padding) <= available) {
      const widths = distribute(all, keySet, needs, available, padding);
      return {
        fontSize: size,
        padding,
        depth: grid.depth,
        groups: [{ columns: all, widths, header: clipHeader(grid.cells, labels, all) }],
      };
    }
  }
  // Column groups at the smallest size: whole top-level header nodes where they fit.
  const size = MIN_FONT_SIZE;
  const padding = paddingFor(size);
  const { labels, needs } = plan(size, true);
  const unitOf = (cols: number[]) =>
    tableWidth(
      cols.map((c) => needs.min[c]),
      padding,
    ) - RULE;
  const keysWidth = tableWidth(
    keys.map((c) => needs.pref[c]),
    padding,
  );
  const room = available - keysWidth;
  const units = grid.cells
    .filter((c) => c.row === 0)
    .map((c) => Array.from({ length: c.colSpan }, (_, k) => c.col + k).filter((k) => !keySet.has(k)))
    .filter((cols) => cols.length > 0)
    .flatMap((cols) => (unitOf(cols) <= room ? [cols] : cols.map((c) => [c])));
  const groups: number[][] = [];
  let current: number[] = [];
  for (const unit of units) {
    if (current.length && unitOf([...current, ...unit]) > room) {
      groups.push(current);
      current = [];
    }
    current.push(...unit);
  }
  if (current.length) groups.push(current);
  return {
    fontSize: size,
    padding,
    depth: grid.depth,
    groups: groups.map((own) => {
      const columns = [...keys, ...own];
      // A label clipped to fewer columns may need them wider again.
      const header = clipHeader(grid.cells, labels, columns);
      const sub: TableInput = {
        header: t.header,
        columns: columns.map((c) => t.columns[c]),
        rows: t.rows.map((r) => columns.map((c) => r[c])),
        totals: t.totals.map((r) => columns.map((c) => r[c])),
        subtotalRows: t.subtotalRows,
      };
      const subNeeds = needsOf(
        sub,
        header,
        header.map((h) => h.label),
        size,
        measure,
      );
      const local = columns.map((_, i) => i);
      const localKeys = new Set(keys.map((_, i) => i));
      return { columns, widths: distribute(local, localKeys, subNeeds, available, padding), header };
    }),
  };
}
