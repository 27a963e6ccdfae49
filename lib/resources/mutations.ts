// Writes of the school resources catalogue (LRN-4).
import { db } from "@/lib/db";
import type { Role } from "@/lib/access/roles";

export type ResourceFields = {
  title: string;
  url: string | null;
  description: string | null;
  category: string | null;
  sortOrder: number;
  visibleTo: Role[];
};

export async function createResource(organisationId: number, userId: number, r: ResourceFields, now: Date) {
  await db.schoolResource.create({ data: { organisationId, ...r, createdById: userId, createdAt: now } });
}

export async function updateResource(organisationId: number, id: number, r: ResourceFields): Promise<boolean> {
  return (await db.schoolResource.updateMany({ where: { organisationId, id }, data: r })).count === 1;
}

export async function deleteResource(organisationId: number, id: number): Promise<boolean> {
  return (await db.schoolResource.deleteMany({ where: { organisationId, id } })).count === 1;
}
