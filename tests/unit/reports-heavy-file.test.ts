// SEC-5 × REG-2: one order for a heavy file, used by the organisation's report route and the territory
// report (issue 19 leftover): join an identical build still running → else the kept file of
// unchanged data (the reader: its organisations' report data version) → else build in an inline slot →
// else "busy" (the caller queues the request).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { inlineRunning, takeInlineSlot } from "@/lib/reports/inline-slots";
import { heavyFile } from "@/lib/reports/single-flight";

describe("heavyFile (SEC-5)", () => {
  const t0 = Date.parse("2026-11-23T10:00:00Z");
  let snapshot = "s1";
  const readSnapshot = async () => snapshot;
  let builds = 0;
  const build = (name: string) => async () => {
    builds++;
    await new Promise((r) => setTimeout(r, 5));
    return { bytes: new Uint8Array(8), fileName: name };
  };
  const saved = process.env.REPORTS_INLINE_MAX;
  beforeEach(() => {
    process.env.REPORTS_INLINE_MAX = "1";
    builds = 0;
    snapshot = "s1";
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.REPORTS_INLINE_MAX;
    else process.env.REPORTS_INLINE_MAX = saved;
  });
  // Lets a started request reach its flight (it reads the kept files first).
  const tick = () => new Promise((r) => setImmediate(r));

  it("shares a running build, then gives its kept file while nothing was written; builds anew after a write", async () => {
    const first = heavyFile("heavy-a", build("a.pdf"), t0, readSnapshot);
    await tick();
    const second = heavyFile("heavy-a", build("a.pdf"), t0 + 10, readSnapshot);
    expect(inlineRunning()).toBe(1); // the joined request takes no slot
    expect(await first).toBe(await second);
    expect(builds).toBe(1);
    expect(inlineRunning()).toBe(0);
    expect(await heavyFile("heavy-a", build("a.pdf"), t0 + 20, readSnapshot)).toBe(await first);
    expect(builds).toBe(1);
    snapshot = "s2";
    expect(await heavyFile("heavy-a", build("a.pdf"), t0 + 30, readSnapshot)).not.toBe(await first);
    expect(builds).toBe(2);
  });

  it("two identical requests at the same moment share one build: the second joins it after its snapshot read (issue 22)", async () => {
    // Both pass the join check before either has started a flight, both read the snapshot (no kept file);
    // the one resumed second must join the other's build, not find the only slot taken and answer "busy".
    const [a, b] = await Promise.all([
      heavyFile("heavy-d", build("d.pdf"), t0, readSnapshot),
      heavyFile("heavy-d", build("d.pdf"), t0, readSnapshot),
    ]);
    expect(b).not.toBe("busy");
    expect(a).toBe(b);
    expect(builds).toBe(1);
    expect(inlineRunning()).toBe(0);
  });

  it('answers "busy" without building while every inline slot is taken, and still joins a running build', async () => {
    const running = heavyFile("heavy-b", build("b.pdf"), t0, readSnapshot);
    await tick();
    expect(await heavyFile("heavy-c", build("c.pdf"), t0, readSnapshot)).toBe("busy");
    expect(await heavyFile("heavy-b", build("b.pdf"), t0, readSnapshot)).toBe(await running);
    expect(builds).toBe(1);
    const held = takeInlineSlot()!;
    expect(await heavyFile("heavy-c", build("c.pdf"), t0, readSnapshot)).toBe("busy");
    held();
    expect(await heavyFile("heavy-c", build("c.pdf"), t0, readSnapshot)).toMatchObject({ fileName: "c.pdf" });
  });
});
