// The year archive (ARC-1): which reports go into it, the manifest of SHA-256 digests and the
// comparison of stored files with it. Pure: the tests check it without storage.
import { createHash } from "node:crypto";

/**
 * Reports of the archive set per class, by key of REPORTS (lib/reports/schema.ts): RPT-1 «summary»
 * for every period and for the whole year (the complete summary sheet with the council's decisions,
 * REC-4 / PRN-5, kept 25 years), and RPT-12 «journal» for the year. A key that lib/reports does not
 * offer (yet) is skipped.
 */
export const ARCHIVE_REPORTS = [
  {
    key: "summary",
    kind: "summary",
    span: "periods",
    label: "Сводная ведомость успеваемости (RPT-1)",
    file: "svodnaya-vedomost",
  },
  {
    key: "summary",
    kind: "summary-year",
    span: "year",
    label: "Сводная ведомость успеваемости за год (RPT-1)",
    file: "svodnaya-vedomost-god",
  },
  { key: "journal", kind: "journal", span: "year", label: "Печатная версия журнала (RPT-12)", file: "zhurnal" },
] as const;

/** Document kinds of the archive register, each with its own retention period (REC-5). */
export const RETENTION_KINDS = ["summary-year", "summary", "journal", "export"] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/**
 * Default retention in years (seed 003 §9.2): the printed journal 5 years, then destroyed by an act;
 * the summary sheet at least 25 years (the period sheets are summary sheets too); the machine-readable
 * export is the electronic journal, kept like the printed one.
 */
export const RETENTION_DEFAULTS: Record<RetentionKind, number> = {
  "summary-year": 25,
  summary: 25,
  journal: 5,
  export: 5,
};

export const RETENTION_LABELS: Record<RetentionKind, string> = {
  "summary-year": "Сводная ведомость успеваемости за год",
  summary: "Сводные ведомости за периоды",
  journal: "Печатная версия журнала",
  export: "Электронная версия журнала (данные класса, JSON)",
};

export const RETENTION_MIN_YEARS = 1;
export const RETENTION_MAX_YEARS = 75;

/** The organisation's retention per kind: its settings over the defaults. */
export function retentionYears(settings: ReadonlyMap<string, number>): Record<RetentionKind, number> {
  return Object.fromEntries(RETENTION_KINDS.map((k) => [k, settings.get(k) ?? RETENTION_DEFAULTS[k]])) as Record<
    RetentionKind,
    number
  >;
}

/**
 * The last day of keeping: retention counts from 1 January of the year after the academic year ends
 * (the records of 2025/2026, ended in May 2026, kept 5 years → until 31.12.2031).
 */
export function retentionEnd(yearEnd: Date, years: number): Date {
  return new Date(Date.UTC(yearEnd.getUTCFullYear() + years, 11, 31));
}

/** A document may be offered for destruction the day after its retention ends; never a permanent one. */
export function isExpired(end: Date | null, today: Date): boolean {
  return end !== null && today.getTime() > end.getTime();
}

export type ArchiveFileKind = RetentionKind | "manifest";

export type ManifestEntry = {
  /** A readable, unique file name inside the set, e.g. «7А/svodnaya-vedomost-1-chetvert.pdf». */
  name: string;
  kind: ArchiveFileKind;
  classId: number | null;
  storageKey: string;
  sha256: string;
  size: number;
  /** REC-5 (format 2): years of keeping and the last day (ГГГГ-ММ-ДД). */
  retentionYears?: number;
  retentionEnd?: string;
};

export type Manifest = {
  format: "ejournal-archive/1" | "ejournal-archive/2";
  organisationId: number;
  yearId: number;
  yearName: string;
  createdAt: string;
  files: ManifestEntry[];
  /** Reports left out, with why (e.g. RPT-12 not available in this build). */
  skipped: string[];
  /** REC-2: the edition of the year's archive after ADMIN reopened and closed the year again (absent = first). */
  edition?: { number: number; reason: string };
};

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** A file-name-safe transliteration-free slug: keeps letters (any script) and digits. */
export function slug(text: string): string {
  return (
    text
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "") || "file"
  );
}

export type VerifyProblem = { name: string; problem: "missing" | "changed" };

/**
 * Compares each manifest entry with what storage returns now: missing (null) or a different
 * SHA-256 → a problem naming the file. Entries are checked in manifest order; those destroyed by
 * an act (REC-5) are gone on purpose and are not checked.
 */
export function compareWithManifest(
  entries: readonly ManifestEntry[],
  current: ReadonlyMap<string, Uint8Array | null>,
  destroyed: ReadonlySet<string> = new Set(),
): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  for (const e of entries) {
    if (destroyed.has(e.storageKey)) continue;
    const bytes = current.get(e.storageKey) ?? null;
    if (bytes === null) problems.push({ name: e.name, problem: "missing" });
    else if (sha256(bytes) !== e.sha256) problems.push({ name: e.name, problem: "changed" });
  }
  return problems;
}

/** The manifest's own digest over its canonical JSON (stored on the ArchiveSet row and in the set). */
export function manifestDigest(m: Manifest): string {
  return sha256(Buffer.from(JSON.stringify(m), "utf8"));
}

export const PROBLEM_LABELS: Record<VerifyProblem["problem"], string> = {
  missing: "файл отсутствует",
  changed: "содержимое изменено (SHA-256 не совпадает)",
};
