// The year archive (ARC-1): which reports go into it, the manifest of SHA-256 digests and the
// comparison of stored files with it. Pure: the tests check it without storage.
import { createHash } from "node:crypto";

/**
 * Reports of the archive set per class and period, by key of REPORTS (lib/reports/schema.ts):
 * RPT-1 «summary» and RPT-12 «journal». A key that lib/reports does not offer (yet) is skipped.
 */
export const ARCHIVE_REPORTS = [
  { key: "summary", label: "Сводная ведомость успеваемости (RPT-1)", file: "svodnaya-vedomost" },
  { key: "journal", label: "Печатная версия журнала (RPT-12)", file: "zhurnal" },
] as const;

export type ArchiveFileKind = "summary" | "journal" | "export" | "manifest";

export type ManifestEntry = {
  /** A readable, unique file name inside the set, e.g. «7А/svodnaya-vedomost-1-chetvert.pdf». */
  name: string;
  kind: ArchiveFileKind;
  classId: number | null;
  storageKey: string;
  sha256: string;
  size: number;
};

export type Manifest = {
  format: "ejournal-archive/1";
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
 * SHA-256 → a problem naming the file. Entries are checked in manifest order.
 */
export function compareWithManifest(
  entries: readonly ManifestEntry[],
  current: ReadonlyMap<string, Uint8Array | null>,
): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  for (const e of entries) {
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
