// The measured scenarios (issue 10): what each requests, signed in as whom, at which concurrency.
import type { Fixtures, GridFixture } from "./fixtures";
import type { Req } from "./http-load";

/** Who the scenario signs in as; "anonymous" sends no session cookie (the ceiling page); "bigTeacher"
 * teaches the class of 35 (fx.bigGrid). */
export type Role = "teacher" | "bigTeacher" | "parent" | "deputy" | "anonymous" | "authority";

export interface Scenario {
  name: string;
  role: Role;
  concurrencies: number[];
  /** Fixed number of requests (slow reports) instead of a duration. */
  requests?: number;
  /** Answered 404 (or 400 «unknown report») = the feature is not in this build: skipped. */
  optional?: boolean;
  /** With a whole-organisation report running in a loop beside it. */
  duringReport?: boolean;
  /** SEC-5: with this many whole-organisation report requests in flight beside it at all times. */
  reportBurst?: number;
  /** The report requested beside it and by whom (default: the deputy's whole-organisation RPT-2 PDF). */
  besideReport?: { role: Role; path: (fx: Fixtures) => string };
  /**
   * Each request right after one finished write (VERSION_MOVING_WRITE), so the route builds the file:
   * for a heavy report it gives the kept file of the last identical build while nothing was written
   * to the database since (SEC-5's reuse), and an unchanged bench database would time that answer.
   */
  afterWrite?: boolean;
  request: (fx: Fixtures) => (w: number, n: number) => Req;
}

const get = (path: string) => () => () => ({ path });

/**
 * One finished writing transaction that changes no data: the bench organisation's name set to itself
 * (its access-version trigger fires only on a change, so no cached session fact is dropped). The
 * organisation's report data version goes up (its row's report-version trigger fires on any update:
 * lib/reports/data.ts reportDataVersion; until round 20 it moved the server's snapshot), so the next heavy report request of the organisation, or of a territory holding it, builds
 * its file as it would after any mark saved in the school. $1: the organisation's id.
 */
export const VERSION_MOVING_WRITE = `UPDATE "Organisation" SET "name" = "name" WHERE id = $1`;

export const gridPath = (fx: Fixtures, g: GridFixture = fx.grid) =>
  `/journal?class=${g.classId}&subject=${g.subjectId}&period=${g.periodId}`;
/** The realistic grid (issue 22 item 2): the class of 35 over a half-year, ≈ 90 lessons. */
export const bigGridPath = (fx: Fixtures) => {
  if (!fx.bigGrid) throw new Error("в наборе данных нет класса на 35 учеников — пересоздайте базу бенчмарка");
  return gridPath(fx, fx.bigGrid);
};
export const diaryPath = (fx: Fixtures) => `/diary/${fx.diary.studentId}?week=${fx.today}`;
const printedJournalPath = (fx: Fixtures) => `/api/reports/journal?format=pdf&classId=${fx.grid.classId}`;
export const orgReportPath = (fx: Fixtures) => `/api/reports/progress?format=pdf&periodId=${fx.orgPeriodId}`;
/**
 * REG-1 × REG-2: the territory report since 1 September over every organisation of the dataset's
 * municipality — each request the next of the four kinds, so the slowest (journal fill) is measured too.
 */
const TERRITORY_KINDS = ["progress", "attendance", "fill", "contingent"] as const;
let territoryTurn = 0;
/** 1 September of the school year holding `today` (YYYY-MM-DD): where the territory range starts. */
export function territoryFrom(today: string): string {
  const [year, month] = today.split("-").map(Number);
  return `${month >= 9 ? year : year - 1}-09-01`;
}
/** The next kind's path: call it per request. */
export const territoryReportPath = (fx: Fixtures) => {
  const from = territoryFrom(fx.today);
  const kind = TERRITORY_KINDS[territoryTurn++ % TERRITORY_KINDS.length];
  return `/api/region/report?kind=${kind}&from=${from}&to=${fx.today}&format=pdf`;
};

export function scenarios(levels: number[]): Scenario[] {
  return [
    // The machine's ceiling for a dynamic page (no session, one indexed read), right before the
    // signed-in trivial page so the two share the machine's state (issue 22 item 1).
    { name: "ceiling_page", role: "anonymous", concurrencies: levels, optional: true, request: get("/ceiling") },
    { name: "trivial_page", role: "teacher", concurrencies: levels, request: get("/ping") },
    { name: "journal_grid", role: "teacher", concurrencies: levels, request: (fx) => get(gridPath(fx))() },
    // Issue 22 item 2: the realistic grid, a class of 35 over a half-year (≈ 90 lessons) of one subject.
    {
      name: "journal_grid_35x90",
      role: "bigTeacher",
      concurrencies: levels,
      request: (fx) => get(bigGridPath(fx))(),
    },
    { name: "mark_save", role: "teacher", concurrencies: levels, request: () => () => ({ path: "/api/journal/cell" }) }, // body set in run.ts
    { name: "diary_week", role: "parent", concurrencies: levels, request: (fx) => get(diaryPath(fx))() },
    {
      name: "finals_page",
      role: "teacher",
      concurrencies: levels,
      optional: true,
      request: (fx) =>
        get(`/finals?classId=${fx.grid.classId}&subjectId=${fx.grid.subjectId}&periodId=${fx.finishedPeriodId}`)(),
    },
    {
      name: "report_rpt1_xlsx",
      role: "deputy",
      concurrencies: [1],
      requests: 5,
      request: (fx) =>
        get(`/api/reports/summary?format=xlsx&classId=${fx.grid.classId}&periodId=${fx.finishedPeriodId}`)(),
    },
    {
      name: "report_rpt1_pdf",
      role: "deputy",
      concurrencies: [1],
      requests: 5,
      request: (fx) =>
        get(`/api/reports/summary?format=pdf&classId=${fx.grid.classId}&periodId=${fx.finishedPeriodId}`)(),
    },
    {
      name: "report_rpt2_org_pdf",
      role: "deputy",
      concurrencies: [1],
      requests: 3,
      afterWrite: true,
      request: (fx) => get(orgReportPath(fx))(),
    },
    {
      // REG-2: ≤ 3 s over the 20 organisations of `--orgs 20` (one SQL aggregate per kind, flat in N).
      name: "territory_report",
      role: "authority",
      concurrencies: [1],
      requests: 4,
      optional: true,
      afterWrite: true,
      request: (fx) => () => ({ path: territoryReportPath(fx) }),
    },
    {
      name: "printed_journal_pdf",
      role: "deputy",
      concurrencies: [1],
      requests: 2,
      optional: true,
      afterWrite: true,
      request: (fx) => get(printedJournalPath(fx))(),
    },
    {
      // The same request with nothing written since the build just before: the kept file's answer
      // (SEC-5's reuse; a session check, the gate, one data-version read and sending the file).
      name: "printed_journal_pdf_kept",
      role: "deputy",
      concurrencies: [1],
      requests: 2,
      optional: true,
      request: (fx) => get(printedJournalPath(fx))(),
    },
    {
      name: "journal_grid_during_report",
      role: "teacher",
      concurrencies: [10],
      duringReport: true,
      request: (fx) => get(gridPath(fx))(),
    },
    {
      // SEC-5 (issue 21): 20 parallel organisation reports beside the grid at 10 clients — zero 5xx,
      // grid p95 ≤ 1.5× its plain value, peak RSS ≤ heap cap + 150 MB (REPORTS_INLINE_MAX queues the rest).
      name: "journal_grid_beside_20_org_reports",
      role: "teacher",
      concurrencies: [10],
      reportBurst: 20,
      request: (fx) => get(gridPath(fx))(),
    },
    {
      // REG-2's acceptance: the grid at 10 clients beside the territory report over the dataset's
      // municipality (`--orgs 20`), one authority request in flight at all times (the four kinds in turn;
      // beyond REPORTS_INLINE_MAX it is queued as the account's job, 202) — within the grid's usual ratio.
      name: "journal_grid_beside_territory_report",
      role: "teacher",
      concurrencies: [10],
      reportBurst: 1,
      besideReport: { role: "authority", path: territoryReportPath },
      request: (fx) => get(gridPath(fx))(),
    },
  ];
}
