// The school resources catalogue for the page (LRN-4): what the reader's roles see (all for
// resources.edit), grouped by category.
import { authorize } from "@/lib/access/authorize";
import { actorRelations } from "@/lib/access/scope";
import { ROLES } from "@/lib/access/roles";
import type { CurrentUser } from "@/lib/auth/session";
import { visibilityLabel } from "@/lib/documents/rules";
import { listResources } from "./data";

export async function loadResources(user: CurrentUser) {
  const [edit, facts] = await Promise.all([authorize(user, "resources.edit"), actorRelations(user)]);
  const rows = await listResources(user.organisationId, edit.allowed ? null : (facts?.roles ?? []));
  const groups = new Map<string, typeof items>();
  const items = rows.map((r) => ({ ...r, visibility: visibilityLabel(r.visibleTo, ROLES, user.orgKind) }));
  for (const r of items) {
    const key = r.category ?? "Разное";
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return {
    canEdit: edit.allowed,
    groups: [...groups.entries()].map(([category, list]) => ({ category, items: list })),
  };
}
