// Session-bound reads for the control pages (CTL-1…CTL-3). The caller has passed the gate; the
// class scope comes from the granted scopes, never from the URL.
import { issuesText } from "@/lib/schema";
import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import type { Scope } from "@/lib/access/matrix";
import { classesToList, listScope } from "@/lib/access/scope";
import { isoDate, todayIn } from "@/lib/org/time";
import { loadFillChoices } from "./data";
import { remarkFormChoices, teacherRemarks } from "./remarks/data";
import { journalFill, remarksList, weeklyActivity } from "./report";
import { activityQuery, fillQuery, remarksQuery } from "./schema";

type Search = Record<string, string | string[] | undefined>;

function plain(search: Search): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(search)) if (typeof v === "string" && v !== "") out[k] = v;
  return out;
}

/** The journal-fill page's filters as asked (defaults: this month up to today). */
export function fillRaw(user: CurrentUser, search: Search): Record<string, string> {
  const today = todayIn(user.timeZone);
  const defaults = {
    from: isoDate(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1))),
    to: isoDate(today),
  };
  return { ...defaults, ...plain(search) };
}

/** The journal-fill page: the filters' choices and the figures for the filters `raw` (fillRaw). */
export async function loadFillPage(user: CurrentUser, scopes: readonly Scope[], raw: Record<string, string>) {
  const parsed = fillQuery.safeParse(raw);
  const ids = classesToList(await listScope(user, { scopes }));
  const scopeClassIds = ids ? [...ids] : null;
  const [choices, report] = await Promise.all([
    loadFillChoices(user.organisationId, ids),
    parsed.success ? journalFill(user.organisationId, { ...parsed.data, scopeClassIds }, new Date()) : null,
  ]);
  if (!parsed.success) return { raw, error: issuesText(parsed.error), choices, report: null };
  return { raw, error: null, choices, report };
}

/** The remarks page: a weekly or monthly list with filters, and the form's choices. */
export async function loadRemarksPage(user: CurrentUser, scopes: readonly Scope[], search: Search) {
  const today = todayIn(user.timeZone);
  const raw: Record<string, string> = { kind: "week", date: isoDate(today), ...plain(search) };
  const parsed = remarksQuery.safeParse(raw);
  const ids = classesToList(await listScope(user, { scopes }));
  const choices = await remarkFormChoices(user.organisationId, ids);
  if (!parsed.success) return { raw, error: issuesText(parsed.error), choices, list: null };
  const list = await remarksList(
    user.organisationId,
    { ...parsed.data, scopeClassIds: ids ? [...ids] : null, authorId: user.id },
    user.timeZone,
  );
  return { raw, error: null, choices, list };
}

/** The weekly activity page. */
export async function loadActivityPage(user: CurrentUser, search: Search) {
  const raw: Record<string, string> = { date: isoDate(todayIn(user.timeZone)), ...plain(search) };
  const parsed = activityQuery.safeParse(raw);
  if (!parsed.success) return { raw, error: issuesText(parsed.error), activity: null };
  return {
    raw,
    error: null,
    activity: await weeklyActivity(user.organisationId, parsed.data, user.timeZone, user.orgKind),
  };
}

/** A teacher's open and done remarks for the home page. */
export const loadMyRemarks = cache(async (user: CurrentUser) => teacherRemarks(user.organisationId, user.id));
