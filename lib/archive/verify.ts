// Verifies an archive set against its manifest (ARC-1, seed 003 §9.2 «контроль за их
// целостностью и достоверностью на протяжении всего срока»): every file missing or no longer
// matching its SHA-256 is named, and so is a manifest file that differs from the copy kept in the
// database. Documents destroyed by an act (REC-5) are gone on purpose: they are counted, not
// checked; the acts' own PDFs are checked against the digests in the register.
import { getFile } from "@/lib/storage/files";
import { archiveSet, archiveSets, destroyedKeys, disposalActs, type StoredManifest } from "./data";
import { compareWithManifest, sha256, type VerifyProblem } from "./rules";

export type VerifyReport = {
  setId: number;
  yearName: string;
  checked: number;
  /** Files of the set destroyed by an act of destruction (not a problem). */
  destroyed: number;
  problems: VerifyProblem[];
};

export async function verifyStored(
  organisationId: number,
  setId: number,
  stored: StoredManifest,
): Promise<VerifyReport> {
  const destroyed = new Set((await destroyedKeys(organisationId, setId)).keys());
  const entries = stored.manifest.files.filter((e) => !destroyed.has(e.storageKey));
  const current = new Map<string, Uint8Array | null>();
  for (const e of entries) current.set(e.storageKey, await getFile(e.storageKey));
  const problems = compareWithManifest(entries, current, destroyed);
  const manifestBytes = await getFile(stored.manifestFile.storageKey);
  if (!manifestBytes) problems.push({ name: "manifest.json", problem: "missing" });
  else if (sha256(manifestBytes) !== stored.manifestFile.sha256)
    problems.push({ name: "manifest.json", problem: "changed" });
  return {
    setId,
    yearName: stored.manifest.yearName,
    checked: entries.length + 1,
    destroyed: stored.manifest.files.length - entries.length,
    problems,
  };
}

/** One set of the organisation; null when there is no such set. */
export async function verifyArchive(organisationId: number, setId: number): Promise<VerifyReport | null> {
  const stored = await archiveSet(organisationId, setId);
  return stored ? verifyStored(organisationId, setId, stored) : null;
}

/** Every set of the organisation, newest first. */
export async function verifyAllArchives(organisationId: number): Promise<VerifyReport[]> {
  const sets = await archiveSets(organisationId);
  const out: VerifyReport[] = [];
  for (const s of sets) out.push(await verifyStored(organisationId, s.id, s.stored));
  return out;
}

/** The acts of destruction's PDFs against the digests in the register (they are kept permanently). */
export async function verifyActs(organisationId: number): Promise<{ checked: number; problems: VerifyProblem[] }> {
  const acts = await disposalActs(organisationId);
  const problems: VerifyProblem[] = [];
  for (const a of acts) {
    const bytes = await getFile(a.storageKey);
    const name = `Акт о выделении к уничтожению № ${a.number}`;
    if (!bytes) problems.push({ name, problem: "missing" });
    else if (sha256(bytes) !== a.sha256) problems.push({ name, problem: "changed" });
  }
  return { checked: acts.length, problems };
}
