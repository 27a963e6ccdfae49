// The stored files of a test's FILES_DIR (lib/storage): how many lie in one organisation's folder.
import { readdir } from "node:fs/promises";
import path from "node:path";

/** The number of files in `filesDir/<organisationId>/<folder>`; 0 before the first is stored. */
export async function storedFileCount(filesDir: string, organisationId: number, folder: string): Promise<number> {
  try {
    return (await readdir(path.join(filesDir, String(organisationId), folder))).length;
  } catch {
    return 0;
  }
}
