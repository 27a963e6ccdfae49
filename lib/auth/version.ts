// In-process caches of the session check and the access facts, exact across app processes
// (issue 22 item 3, issue 26 item 4). Every request reads its organisation's AccessVersion — one
// primary-key read, raised by database triggers in the same transaction as any change to what the
// cached reads depend on (prisma/migrations/*_access_version) — and an entry is used only when it
// was loaded under exactly that version and is younger than the TTL. So a revoked session, a
// removed role or load, a changed matrix override takes effect on every process at its next
// request, without LISTEN/NOTIFY's window between a commit and the notification's arrival.
//
// Order matters: the version is read BEFORE the data it tags. A change committed in between
// leaves data newer than its tag — harmless, the next request sees a newer version and reloads —
// while the reverse order could keep old data under a new version.
//
// It lives with auth, the lower domain: the session check (lib/auth/session-user.ts) and the access
// facts (lib/access/authorize.ts) both use it, and access depends on auth, not back.
//
// Settings: ACCESS_CACHE_TTL_SECONDS (default 30; 0 = no caching, every request reads the
// session and the facts as before), ACCESS_CACHE_MAX (entries per cache, default 10,000).
import { cache } from "react";
import { LRUCache } from "lru-cache";
import { readAccessVersion, readAccessVersionWithUnread, type VersionRead } from "./data";

const DEFAULT_TTL_SECONDS = 30;
const DEFAULT_MAX = 10_000;

function setting(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** TTL of cached entries in ms; 0 turns the caches off. */
export function accessCacheTtlMs(): number {
  return Math.round(setting("ACCESS_CACHE_TTL_SECONDS", DEFAULT_TTL_SECONDS) * 1000);
}

type Entry<V> = { version: bigint; value: V };

/**
 * An LRU of values each loaded under an AccessVersion: `get` returns a value only for the very
 * version it was stored under and within the TTL (lru-cache's clock; tests pass their own).
 */
export class VersionedCache<V extends object> {
  private readonly lru: LRUCache<string, Entry<V>>;

  constructor(opts: { max: number; ttlMs: number; now?: () => number }) {
    this.lru = new LRUCache<string, Entry<V>>({
      max: Math.max(1, opts.max),
      ttl: Math.max(1, opts.ttlMs),
      ttlResolution: 0,
      ...(opts.now ? { perf: { now: opts.now } } : {}),
    });
  }

  get(key: string, version: bigint): V | undefined {
    const entry = this.lru.get(key);
    if (!entry) return undefined;
    if (entry.version !== version) {
      this.lru.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /**
   * The entry under whatever version it was stored (within the TTL), WITHOUT the current version: for
   * a caller that compares `version` with the current one itself before it acts on `value` — the
   * mark save reads the version in its own statement (lib/auth/session-user.ts, cachedSessionUser).
   */
  kept(key: string): { version: bigint; value: V } | undefined {
    return this.lru.get(key);
  }

  /** Keeps the entry of the newer version when two loads race. */
  set(key: string, version: bigint, value: V): void {
    const existing = this.lru.peek(key);
    if (existing && existing.version > version) return;
    this.lru.set(key, { version, value });
  }

  delete(key: string): void {
    this.lru.delete(key);
  }

  clear(): void {
    this.lru.clear();
  }

  get size(): number {
    return this.lru.size;
  }
}

type AnyCache = VersionedCache<object>;
type CacheHolder = typeof globalThis & {
  __ejournalAccessCaches?: { database: string | undefined; caches: Map<string, AnyCache> };
};

/**
 * A process-wide cache (one per name, kept on globalThis like the Prisma client), or null when
 * off. Tied to DATABASE_URL: versions and ids mean nothing in another database (test files each
 * get their own database in a shared worker). `max`: its bound when smaller than ACCESS_CACHE_MAX
 * (the mark save's kept cell contexts, lib/journal/commands.ts), fixed by the first caller.
 */
export function processCache<V extends object>(name: string, max?: number): VersionedCache<V> | null {
  const ttlMs = accessCacheTtlMs();
  if (ttlMs <= 0) return null;
  const holder = globalThis as CacheHolder;
  const database = process.env.DATABASE_URL;
  let store = holder.__ejournalAccessCaches;
  if (!store || store.database !== database) {
    store = { database, caches: new Map() };
    holder.__ejournalAccessCaches = store;
  }
  let c = store.caches.get(name);
  if (!c) {
    const bound = setting("ACCESS_CACHE_MAX", DEFAULT_MAX);
    c = new VersionedCache<object>({ max: max === undefined ? bound : Math.min(max, bound), ttlMs });
    store.caches.set(name, c);
  }
  return c as unknown as VersionedCache<V>;
}

/** Empties every process cache (tests; an operator never needs it: versions keep them exact). */
export function clearProcessCaches(): void {
  (globalThis as CacheHolder).__ejournalAccessCaches?.caches.forEach((c) => c.clear());
}

// The request's AccessVersion reads, one per organisation (React cache: one map per server-component
// render; outside a render every call gets a fresh map, so each call reads, as before).
const requestReads = cache((): Map<number, Promise<VersionRead>> => new Map());

/** The organisation's version from this render's read, made by `read` when it is the first. */
async function versionOnce(organisationId: number, read: () => Promise<VersionRead>): Promise<bigint> {
  const reads = requestReads();
  let got = reads.get(organisationId);
  if (!got) {
    got = read();
    reads.set(organisationId, got);
  }
  return (await got).version;
}

const plainRead = (organisationId: number) => () =>
  readAccessVersion(organisationId).then((version): VersionRead => ({ version, userId: null, unread: null }));

/** The organisation's version, read once per server-component render. */
export function requestAccessVersion(organisationId: number): Promise<bigint> {
  return versionOnce(organisationId, plainRead(organisationId));
}

// Who was last seen to hold mail.use, under which version: a loadUnreadCount call (its callers have
// passed mail.use) notes it, keyed by organisation and user, under the version the user was resolved with.
const UNREAD_RIDER = "unread-rider";

/**
 * The session check's version read (lib/auth/session-user.ts): when the claims' user was seen holding
 * mail.use under a version kept in this process, the same statement also counts their unread mail, in
 * the database only if that version is still current (ACCESS_VERSION_UNREAD). Issue 22 item 1: the
 * header's badge costs no statement of its own on every page; the count is read in this request, exact.
 */
export function requestSessionVersion(organisationId: number, userId: number): Promise<bigint> {
  return versionOnce(organisationId, () => {
    const held = processCache<object>(UNREAD_RIDER)?.kept(`${organisationId}:${userId}`);
    return held ? readAccessVersionWithUnread(organisationId, userId, held.version) : plainRead(organisationId)();
  });
}

/**
 * The unread count this request's version read carried for this user, or null (not asked, rights
 * changed since, another organisation, outside a render). Notes the user as holding mail.use under
 * `version` for the next requests: call it only once mail.use has passed.
 */
export async function riddenUnreadCount(organisationId: number, userId: number, version: bigint | undefined) {
  if (version !== undefined) processCache<object>(UNREAD_RIDER)?.set(`${organisationId}:${userId}`, version, HELD);
  const read = await requestReads().get(organisationId);
  return read && read.userId === userId ? read.unread : null;
}

const HELD = {};

// The version a request's signed-in user was resolved under. Route handlers and server actions
// run outside React's per-request cache, so the gate takes the version from the user object the
// request already holds instead of reading it a second time.
const versions = new WeakMap<object, bigint>();

export function tagVersion<T extends object>(value: T, version: bigint): T {
  versions.set(value, version);
  return value;
}

export function versionTag(value: object): bigint | undefined {
  return versions.get(value);
}
