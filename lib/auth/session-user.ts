// The user behind a session claim, through the in-process cache (issue 22 item 3): the session
// row, the user, their roles and organisation are read from the database once and reused while
// the organisation's AccessVersion stays the same (lib/auth/version.ts), the TTL lasts and the
// session has not expired. Sign-out, a password change, a deactivated login or a changed role
// raise the version in the same transaction, so every app process reloads at its next request.
// Free of Next.js imports: a second process in the tests uses it as the app does.
import { processCache, requestAccessVersion, tagVersion } from "./version";
import { loadSession, loadSessionUser, type SessionRef } from "./data";
import type { CurrentUser } from "./rules";

type CachedSession = { user: CurrentUser; expiresAt: Date };

export async function sessionUser(ref: SessionRef, now: Date): Promise<CurrentUser | null> {
  const cache = processCache<CachedSession>("session");
  if (!cache) return loadSessionUser(ref, now);
  const version = await requestAccessVersion(ref.organisationId);
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
