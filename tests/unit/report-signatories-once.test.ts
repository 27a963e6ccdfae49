// The organisation's signatories shared by the files of one archive (PRN-2, PRN-8, ARC-1; issue 22, round 20):
// read once, on the first file that signs — and a failed read is not kept, so the year archive's next file
// reads again (the archive skips only the file that failed, as when each file read its own).
import { describe, expect, it, vi } from "vitest";

const read = vi.fn();
vi.mock("@/lib/reports/data", async (original) => ({
  ...(await original<typeof import("@/lib/reports/data")>()),
  organisationSignatories: (id: number) => read(id),
}));

const { signatoriesOnce } = await import("@/lib/reports/build");

const facts = { director: "Иванов Иван Иванович", deputy: null, heads: new Map() };

describe("signatoriesOnce", () => {
  it("reads once for every caller", async () => {
    read.mockReset().mockResolvedValue(facts);
    const once = signatoriesOnce(7);
    expect(read).not.toHaveBeenCalled();
    const got = await Promise.all([once(), once(), once()]);
    expect(got).toEqual([facts, facts, facts]);
    expect(read).toHaveBeenCalledTimes(1);
    expect(read).toHaveBeenCalledWith(7);
  });

  it("does not keep a failed read: the next caller reads again", async () => {
    read.mockReset().mockRejectedValueOnce(new Error("connection lost")).mockResolvedValue(facts);
    const once = signatoriesOnce(7);
    await expect(once()).rejects.toThrow("connection lost");
    expect(await once()).toBe(facts);
    expect(await once()).toBe(facts);
    expect(read).toHaveBeenCalledTimes(2);
  });
});
