// The versioned in-process cache under the session check and the gate (issue 22 item 3): an entry
// counts only under the very AccessVersion it was loaded with and within its TTL; a slower load
// of an older version never replaces a newer entry; the TTL setting turns the caches off.
import { afterEach, describe, expect, it } from "vitest";
import { VersionedCache, accessCacheTtlMs, processCache } from "@/lib/auth/version";

describe("VersionedCache", () => {
  it("answers only for the version the entry was stored under", () => {
    const c = new VersionedCache<{ v: string }>({ max: 10, ttlMs: 30_000 });
    c.set("1:7", BigInt(3), { v: "roles of version 3" });
    expect(c.get("1:7", BigInt(3))).toEqual({ v: "roles of version 3" });
    expect(c.get("1:7", BigInt(4))).toBeUndefined();
    // A miss on a newer version drops the stale entry for good.
    expect(c.get("1:7", BigInt(3))).toBeUndefined();
  });

  it("forgets an entry after the TTL even when the version did not move", () => {
    let now = 1_000;
    const c = new VersionedCache<{ v: number }>({ max: 10, ttlMs: 30_000, now: () => now });
    c.set("k", BigInt(1), { v: 1 });
    now += 29_999;
    expect(c.get("k", BigInt(1))).toEqual({ v: 1 });
    now += 2;
    expect(c.get("k", BigInt(1))).toBeUndefined();
  });

  it("keeps the newer version when an older load finishes last", () => {
    const c = new VersionedCache<{ v: string }>({ max: 10, ttlMs: 30_000 });
    c.set("k", BigInt(5), { v: "new" });
    c.set("k", BigInt(4), { v: "old, finished later" });
    expect(c.get("k", BigInt(5))).toEqual({ v: "new" });
  });

  it("holds at most `max` entries, dropping the least recently used", () => {
    const c = new VersionedCache<{ v: number }>({ max: 2, ttlMs: 30_000 });
    c.set("a", BigInt(1), { v: 1 });
    c.set("b", BigInt(1), { v: 2 });
    c.get("a", BigInt(1));
    c.set("c", BigInt(1), { v: 3 });
    expect(c.size).toBe(2);
    expect(c.get("b", BigInt(1))).toBeUndefined();
    expect(c.get("a", BigInt(1))).toEqual({ v: 1 });
  });
});

describe("settings", () => {
  const saved = { ttl: process.env.ACCESS_CACHE_TTL_SECONDS, db: process.env.DATABASE_URL };
  afterEach(() => {
    process.env.ACCESS_CACHE_TTL_SECONDS = saved.ttl;
    process.env.DATABASE_URL = saved.db;
    if (saved.ttl === undefined) delete process.env.ACCESS_CACHE_TTL_SECONDS;
    if (saved.db === undefined) delete process.env.DATABASE_URL;
  });

  it("ACCESS_CACHE_TTL_SECONDS: 30 s by default, 0 turns the caches off, nonsense falls back", () => {
    delete process.env.ACCESS_CACHE_TTL_SECONDS;
    expect(accessCacheTtlMs()).toBe(30_000);
    process.env.ACCESS_CACHE_TTL_SECONDS = "0";
    expect(processCache("session")).toBeNull();
    process.env.ACCESS_CACHE_TTL_SECONDS = "-5";
    expect(accessCacheTtlMs()).toBe(30_000);
    process.env.ACCESS_CACHE_TTL_SECONDS = "2.5";
    expect(accessCacheTtlMs()).toBe(2_500);
  });

  it("one cache per name and database: another DATABASE_URL starts empty", () => {
    delete process.env.ACCESS_CACHE_TTL_SECONDS;
    process.env.DATABASE_URL = "postgresql://a/one";
    const first = processCache<{ v: number }>("facts")!;
    first.set("1:1", BigInt(1), { v: 1 });
    expect(processCache<{ v: number }>("facts")).toBe(first);
    process.env.DATABASE_URL = "postgresql://a/two";
    const second = processCache<{ v: number }>("facts")!;
    expect(second).not.toBe(first);
    expect(second.get("1:1", BigInt(1))).toBeUndefined();
  });
});
