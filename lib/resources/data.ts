// Reads of the school resources catalogue (LRN-4), bound to the organisation and the reader's roles.
import { db } from "@/lib/db";
import type { Role } from "@/lib/access/roles";

/** null = every resource (resources.edit), else those whose list names one of the roles. */
export async function listResources(organisationId: number, roles: readonly Role[] | null) {
  if (roles !== null && roles.length === 0) return [];
  return db.schoolResource.findMany({
    where: { organisationId, ...(roles !== null ? { visibleTo: { hasSome: [...roles] } } : {}) },
    orderBy: [{ category: "asc" }, { sortOrder: "asc" }, { title: "asc" }],
    take: 500,
    select: { id: true, title: true, url: true, description: true, category: true, visibleTo: true, sortOrder: true },
  });
}
