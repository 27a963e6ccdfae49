// Archive manifest checks (ARC-1): a changed byte or a missing file is named, in manifest order.
import { describe, expect, it } from "vitest";
import { compareWithManifest, sha256, slug, type ManifestEntry } from "@/lib/archive/rules";

const entry = (name: string, key: string, bytes: Uint8Array): ManifestEntry => ({
  name,
  kind: "export",
  classId: 1,
  storageKey: key,
  sha256: sha256(bytes),
  size: bytes.byteLength,
});

describe("archive manifest (ARC-1)", () => {
  it("names changed and missing files and passes intact ones", () => {
    const a = Buffer.from("первый");
    const b = Buffer.from("второй");
    const c = Buffer.from("третий");
    const entries = [entry("7а/a.json", "k1", a), entry("7а/b.pdf", "k2", b), entry("7б/c.json", "k3", c)];
    const changed = Buffer.from(b);
    changed[0] ^= 1;
    const current = new Map<string, Uint8Array | null>([
      ["k1", a],
      ["k2", changed],
      ["k3", null],
    ]);
    expect(compareWithManifest(entries, current)).toEqual([
      { name: "7а/b.pdf", problem: "changed" },
      { name: "7б/c.json", problem: "missing" },
    ]);
    expect(
      compareWithManifest(
        entries,
        new Map([
          ["k1", a],
          ["k2", b],
          ["k3", c],
        ]),
      ),
    ).toEqual([]);
  });

  it("digests with SHA-256 and makes file-name slugs", () => {
    expect(sha256(Buffer.from("abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(slug("1 четверть")).toBe("1-четверть");
    expect(slug(" ИС-21 / 2 ")).toBe("ис-21-2");
  });
});
