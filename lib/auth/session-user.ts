// The user behind a session claim, through the in-process cache (issue 22 item 3): the session
// row, the user, their roles and organisation are read from the database once and reused while
// the organisation's AccessVersion stays the same (lib/auth/version.ts), the TTL lasts and the
// session has not expired. Sign-out, a password change, a deactivated login or a changed role
// raise the version in the same transaction, so every app process reloads at its next request.
// Free of Next.js imports: a second process in the tests uses it as the app does.
import { processCache, requestSessionVersion, tagVersion } from "./version";
import { loadSession, loadSessionUser, type SessionRef } from "./data";
import type { CurrentUser } from "./rules";

type CachedSession = { user: CurrentUser; expiresAt: Date };

export async function sessionUser(ref: SessionRef, now: Date): Promise<CurrentUser | null> {
  const cache = processCache<CachedSession>("session");
  if (!cache) return loadSessionUser(ref, now);
  // The version's statement carries the header's unread count when this user holds mail.use (issue 22 item 1).
  const version = await requestSessionVersion(ref.organisationId, ref.userId);
  const key = `${ref.organisationId}:${ref.sessionId}`;
  const hit = cache.get(key, version);
  if (hit && hit.user.id === ref.userId && hit.expiresAt > now) return tagVersion({ ...hit.user }, version);
  const loaded = await loadSession(ref, now);
  if (!loaded) {
    cache.delete(key);
    return null;
  }
  cache.set(key, version, loaded);
  return tagVersion({ ...loaded.user }, version);
}

/**
 * The optimistic path of the mark save (issue 22 item 6): the user of a session claim as this process
 * keeps it, with the AccessVersion it was loaded under — WITHOUT reading the current version (no
 * statement). Null when nothing usable is kept (cold, another user, expired). The caller must not
 * act on it before comparing `version` with the organisation's current AccessVersion, read in the
 * same statement as the data it acts on (CELL_CONTEXT); when they differ it takes `sessionUser`,
 * which reloads. The user is tagged with that version, so the gate's actor facts are taken under
 * it as well.
 */
export function cachedSessionUser(ref: SessionRef, now: Date): { user: CurrentUser; version: bigint } | null {
  const kept = processCache<CachedSession>("session")?.kept(`${ref.organisationId}:${ref.sessionId}`);
  if (!kept || kept.value.user.id !== ref.userId || kept.value.expiresAt <= now) return null;
  return { user: tagVersion({ ...kept.value.user }, kept.version), version: kept.version };
}
