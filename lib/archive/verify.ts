// Verifies an archive set against its manifest (ARC-1, seed 003 §9.2 «контроль за их
// целостностью»): every file missing or no longer matching its SHA-256 is named, and so is a
// manifest file that differs from the copy kept in the database.
import { getFile } from "@/lib/storage/files";
import { archiveSet, archiveSets, type StoredManifest } from "./data";
import { compareWithManifest, sha256, type VerifyProblem } from "./rules";

export type VerifyReport = { setId: number; yearName: string; checked: number; problems: VerifyProblem[] };

export async function verifyStored(setId: number, stored: StoredManifest): Promise<VerifyReport> {
  const entries = stored.manifest.files;
  const current = new Map<string, Uint8Array | null>();
  for (const e of entries) current.set(e.storageKey, await getFile(e.storageKey));
  const problems = compareWithManifest(entries, current);
  const manifestBytes = await getFile(stored.manifestFile.storageKey);
  if (!manifestBytes) problems.push({ name: "manifest.json", problem: "missing" });
  else if (sha256(manifestBytes) !== stored.manifestFile.sha256)
    problems.push({ name: "manifest.json", problem: "changed" });
  return { setId, yearName: stored.manifest.yearName, checked: entries.length + 1, problems };
}

/** One set of the organisation; null when there is no such set. */
export async function verifyArchive(organisationId: number, setId: number): Promise<VerifyReport | null> {
  const stored = await archiveSet(organisationId, setId);
  return stored ? verifyStored(setId, stored) : null;
}

/** Every set of the organisation, newest first. */
export async function verifyAllArchives(organisationId: number): Promise<VerifyReport[]> {
  const sets = await archiveSets(organisationId);
  const out: VerifyReport[] = [];
  for (const s of sets) out.push(await verifyStored(s.id, s.stored));
  return out;
}
