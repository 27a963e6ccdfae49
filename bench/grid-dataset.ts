// The bench dataset for the grid's in-process tools (bench/grid-reads.ts, bench/grid-plan.ts): the
// tree's bench PostgreSQL started on `port`, the dataset prepared (or reused), its fixtures, and
// DATABASE_URL pointed at it before the app's modules are imported; stopped when `fn` is done.
import path from "node:path";
import { startEmbedded } from "../prisma/tools/embedded";
import { DATA_DIR } from "../prisma/tools/paths";
import { prepareDataset } from "./dataset/generate";
import { datasetToday, loadFixtures, type Fixtures } from "./fixtures";

export async function withGridDataset(
  port: number,
  log: (s: string) => void,
  fn: (ds: { url: string; orgId: number }, fx: Fixtures) => Promise<void>,
): Promise<void> {
  const server = await startEmbedded({ dataDir: path.join(DATA_DIR, "bench-pg"), port, log });
  try {
    const ds = await prepareDataset(server.url("postgres"), 1, datasetToday(), log);
    const orgId = ds.orgIds[0];
    const fx = await loadFixtures(ds.url, orgId);
    process.env.DATABASE_URL = ds.url;
    await fn({ url: ds.url, orgId }, fx);
  } finally {
    await server.stop();
  }
}
