// Builds the archive set of an academic year (ARC-1): per class the summary sheets (RPT-1) of
// every period and the printed journal (RPT-12, when lib/reports offers it) as PDF, the
// machine-readable export as JSON, and a manifest of SHA-256 digests; all stored through
// lib/storage and recorded as an ArchiveSet.
import { isoDate } from "@/lib/org/time";
import { buildReport, signatoriesOnce } from "@/lib/reports/build";
import type { OrganisationSignatories } from "@/lib/reports/data";
import { REPORTS, reportRequest } from "@/lib/reports/schema";
import { putFile } from "@/lib/storage/files";
import { archiveYear, classExport, retentionSettings, type ArchiveClass, type ArchivePeriod } from "./data";
import { saveArchiveSet } from "./mutations";
import {
  ARCHIVE_REPORTS,
  retentionEnd,
  retentionYears,
  sha256,
  slug,
  type Manifest,
  type ManifestEntry,
  type RetentionKind,
} from "./rules";

type Built = { bytes: Uint8Array } | null;

/** Requests to try for a report key; the first the report schema accepts is used. */
function candidates(
  key: string,
  cls: ArchiveClass,
  period: ArchivePeriod | null,
  year: { id: number; startDate: Date; endDate: Date },
) {
  const base = { report: key, format: "pdf", classId: cls.id };
  return [
    ...(period ? [{ ...base, periodId: period.id, yearId: year.id }] : []),
    { ...base, yearId: year.id },
    { ...base, from: isoDate(period?.startDate ?? year.startDate), to: isoDate(period?.endDate ?? year.endDate) },
  ];
}

async function buildOne(
  organisationId: number,
  key: string,
  cls: ArchiveClass,
  period: ArchivePeriod | null,
  year: { id: number; startDate: Date; endDate: Date },
  now: Date,
  signatories: () => Promise<OrganisationSignatories>,
): Promise<Built> {
  for (const raw of candidates(key, cls, period, year)) {
    const parsed = reportRequest.safeParse(raw);
    if (!parsed.success) continue;
    const file = await buildReport(organisationId, parsed.data, now, signatories);
    if (file) return { bytes: file.bytes };
    break;
  }
  return null;
}

export type BuildResult =
  { ok: true; setId: number; files: number; skipped: string[] } | { ok: false; message: string };

export async function buildArchive(
  organisationId: number,
  yearId: number,
  userId: number | null,
  now: Date,
  /** REC-2: a new edition after the year was reopened and closed again; earlier sets stay as they are. */
  edition?: { number: number; reason: string },
): Promise<BuildResult> {
  const [year, settings] = await Promise.all([archiveYear(organisationId, yearId), retentionSettings(organisationId)]);
  if (!year) return { ok: false, message: "Учебный год не найден" };
  // REC-5: every document carries its retention period, stamped now from the organisation's settings.
  const keep = retentionYears(settings);
  if (year.classes.length === 0) return { ok: false, message: "В этом учебном году нет классов" };
  const files: ManifestEntry[] = [];
  const skipped: string[] = [];
  const names = new Set<string>();
  const store = async (name: string, kind: RetentionKind, classId: number | null, bytes: Uint8Array) => {
    let unique = name;
    for (let i = 2; names.has(unique); i++) unique = name.replace(/(\.[a-z]+)$/, `-${i}$1`);
    names.add(unique);
    const stored = await putFile(organisationId, "archive", bytes);
    files.push({
      name: unique,
      kind,
      classId,
      storageKey: stored.storageKey,
      sha256: stored.sha256,
      size: stored.size,
      retentionYears: keep[kind],
      retentionEnd: isoDate(retentionEnd(year.endDate, keep[kind])),
    });
  };
  // The director, deputy and heads who sign the sheets: read once for the whole set (issue 22).
  const signatories = signatoriesOnce(organisationId);
  const available = ARCHIVE_REPORTS.filter((r) => r.key in REPORTS);
  for (const r of ARCHIVE_REPORTS) if (!(r.key in REPORTS)) skipped.push(`${r.label}: отчёт пока не реализован`);
  for (const cls of year.classes) {
    const dir = slug(cls.name);
    const periods = year.periods.filter((p) => p.kind === cls.periodKind);
    for (const report of available) {
      // The journal and the year's summary sheet are one file per class; the period sheets one per period.
      for (const period of report.span === "periods" ? periods : [null]) {
        const label = `${cls.name}${period ? `, ${period.name}` : ""}`;
        let built: Built = null;
        try {
          built = await buildOne(organisationId, report.key, cls, period, year, now, signatories);
        } catch (error) {
          // One report that cannot be drawn (e.g. a class without subjects) must not lose the set.
          console.error(`archive: ${report.key} for class ${cls.id} failed`, error);
        }
        if (!built) {
          skipped.push(`${report.label}, ${label}: не сформирован`);
          continue;
        }
        await store(
          `${dir}/${report.file}${period ? `-${slug(period.name)}` : ""}.pdf`,
          report.kind,
          cls.id,
          built.bytes,
        );
      }
    }
    const data = await classExport(organisationId, cls.id);
    await store(`${dir}/dannye.json`, "export", cls.id, Buffer.from(JSON.stringify(data, null, 1), "utf8"));
  }
  const manifest: Manifest = {
    format: "ejournal-archive/2",
    organisationId,
    yearId,
    yearName: year.name,
    createdAt: now.toISOString(),
    files,
    skipped,
    ...(edition ? { edition } : {}),
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 1), "utf8");
  const manifestStored = await putFile(organisationId, "archive", manifestBytes);
  const setId = await saveArchiveSet(organisationId, yearId, userId, {
    manifest,
    manifestFile: {
      storageKey: manifestStored.storageKey,
      sha256: sha256(manifestBytes),
      size: manifestBytes.byteLength,
    },
  });
  return { ok: true, setId, files: files.length + 1, skipped };
}
