// One storage interface for uploaded files (homework, attachments, archives, report outputs):
// local disk by default (FILES_DIR, default .data/files), replaceable by an object store
// behind the same three functions (docs: scale-out design). Keys are opaque and never contain
// user-supplied names, so no path traversal is possible.
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile, rename } from "node:fs/promises";
import path from "node:path";

// The storage folder is data, not code: the turbopackIgnore comments keep the build from tracing it.
function root(): string {
  return path.resolve(
    /*turbopackIgnore: true*/ process.env.FILES_DIR ??
      path.join(/*turbopackIgnore: true*/ process.cwd(), ".data", "files"),
  );
}

const KEY = /^[0-9]+\/[a-z-]+\/[0-9a-f-]{36}$/;

function fileOf(key: string): string {
  if (!KEY.test(key)) throw new Error("Invalid storage key");
  return path.join(/*turbopackIgnore: true*/ root(), key);
}

export type StoredFile = { storageKey: string; sha256: string; size: number };

/** Stores bytes for an organisation under a kind ("homework", "message", "report", "archive"). Atomic: write then rename. */
export async function putFile(organisationId: number, kind: string, bytes: Uint8Array): Promise<StoredFile> {
  if (!/^[a-z-]+$/.test(kind)) throw new Error("Invalid storage kind");
  const storageKey = `${organisationId}/${kind}/${randomUUID()}`;
  const target = fileOf(storageKey);
  await mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.tmp`;
  await writeFile(temp, bytes);
  await rename(temp, target);
  return { storageKey, sha256: createHash("sha256").update(bytes).digest("hex"), size: bytes.byteLength };
}

/** Reads a stored file; null when it is missing. The caller has authorised the owning row. */
export async function getFile(storageKey: string): Promise<Buffer | null> {
  try {
    return await readFile(/*turbopackIgnore: true*/ fileOf(storageKey));
  } catch {
    return null;
  }
}

export async function deleteFile(storageKey: string): Promise<void> {
  await rm(fileOf(storageKey), { force: true });
}
