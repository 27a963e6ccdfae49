// `npm run archive:verify` checks every archive set against its manifest (ARC-1) and names the
// changed file, exiting 1.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildArchive } from "@/lib/archive/build";
import { archiveSet } from "@/lib/archive/data";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";

const run = promisify(execFile);
let filesDir: string;
let f: AccessFixture;

async function verifyCli(): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run("node_modules/.bin/tsx", ["prisma/tools/archive-verify.ts"], {
      env: { ...process.env, FILES_DIR: filesDir },
      timeout: 60_000,
    });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

beforeAll(async () => {
  filesDir = await mkdtemp(path.join(tmpdir(), "ej-archive-cli-"));
  process.env.FILES_DIR = filesDir;
  f = await createAccessFixture();
}, 120_000);

afterAll(async () => {
  await rm(filesDir, { recursive: true, force: true });
});

describe("npm run archive:verify", () => {
  it("passes an intact archive and names the file changed on disk", async () => {
    const year = await db.academicYear.findFirstOrThrow({ where: { organisationId: f.organisationId } });
    const built = await buildArchive(f.organisationId, year.id, null, new Date());
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    const intact = await verifyCli();
    expect(intact.code).toBe(0);
    expect(intact.out).toContain(`архив № ${built.setId} (2026/2027) цел`);

    const stored = (await archiveSet(f.organisationId, built.setId))!;
    const target = stored.manifest.files.find((e) => e.name === "5а/dannye.json")!;
    const file = path.join(filesDir, target.storageKey);
    await writeFile(file, (await readFile(file, "utf8")).replace("Свой", "Чужой"));
    const tampered = await verifyCli();
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain("5а/dannye.json — содержимое изменено (SHA-256 не совпадает)");
  }, 120_000);
});
