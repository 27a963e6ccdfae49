// SEC-5, round 7: what a burst of heavy reports may hold in the server's memory — the kept files of
// identical builds capped by their bytes (the oldest go first, a file over the cap alone is not kept). The benchmark measures the process's RSS (bench/notes.md «SEC-5, round 7»); these tests
// check the rules.
import { describe, expect, it } from "vitest";
import { LANDED_MAX_BYTES, landedBytes, reuseLanded, startFlight } from "@/lib/reports/single-flight";

describe("kept files of identical builds are capped by their bytes (SEC-5)", () => {
  const snapshot = async () => "s1";
  const file = (mb: number) => ({ bytes: Buffer.alloc(mb * 1024 * 1024), contentType: "application/pdf" });
  const t0 = Date.parse("2026-11-23T10:00:00Z");
  const keep = (key: string, mb: number) => startFlight(key, async () => file(mb), t0, snapshot);

  it("drops the oldest files once their bytes pass the cap; keeps the newest", async () => {
    const third = Math.floor(LANDED_MAX_BYTES / (1024 * 1024) / 3) + 1;
    await keep("bytes-a", third);
    await keep("bytes-b", third);
    expect(await reuseLanded("bytes-a", t0, snapshot)).not.toBeNull();
    await keep("bytes-c", third);
    expect(landedBytes()).toBeLessThanOrEqual(LANDED_MAX_BYTES);
    expect(await reuseLanded("bytes-c", t0, snapshot)).not.toBeNull();
    expect(await reuseLanded("bytes-b", t0, snapshot)).not.toBeNull();
    expect(await reuseLanded("bytes-a", t0, snapshot)).toBeNull();
  });

  it("does not keep a file larger than the cap (its requests still get it)", async () => {
    const big = await keep("bytes-big", LANDED_MAX_BYTES / (1024 * 1024) + 1);
    expect(big.bytes.byteLength).toBeGreaterThan(LANDED_MAX_BYTES);
    expect(await reuseLanded("bytes-big", t0, snapshot)).toBeNull();
  });
});
