// bench/replica.ts replicaDirs (issue 22, round 21): the standby is copied from the primary's REAL data
// directory and made beside it — a symlinked `.data/bench-pg` (the worktrees' shared bench database) was
// copied as a link, and the standby's files were written into the primary's directory.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { replicaDirs } from "../../bench/replica";

const root = await fs.mkdtemp(path.join(os.tmpdir(), "replica-dirs-"));
afterAll(() => fs.rm(root, { recursive: true, force: true }));

describe("replicaDirs", () => {
  it("resolves a symlinked data directory: the standby is a sibling of the real one, never the link's target", async () => {
    const real = path.join(root, "shared", "bench-pg");
    await fs.mkdir(real, { recursive: true });
    const link = path.join(root, "tree", ".data", "bench-pg");
    await fs.mkdir(path.dirname(link), { recursive: true });
    await fs.symlink(real, link);
    const realRoot = await fs.realpath(root);
    expect(await replicaDirs(link)).toEqual({
      source: path.join(realRoot, "shared", "bench-pg"),
      dir: path.join(realRoot, "shared", "bench-pg-replica"),
    });
  });

  it("keeps a plain data directory as it is", async () => {
    const plain = path.join(root, "plain", "bench-pg");
    await fs.mkdir(plain, { recursive: true });
    const realRoot = await fs.realpath(root);
    expect(await replicaDirs(plain)).toEqual({
      source: path.join(realRoot, "plain", "bench-pg"),
      dir: path.join(realRoot, "plain", "bench-pg-replica"),
    });
  });
});
