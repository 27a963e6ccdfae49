// Reads of the documents store (LRN-3), bound to the organisation and to the roles the reader
// reads through (rules.ts readingRoles; every document for docs.edit).
import { db } from "@/lib/db";
import type { Role } from "@/lib/access/roles";
import type { Prisma } from "@/prisma/generated/prisma/client";
import type { DocumentCategoryName } from "./rules";
import { NAME_FIELDS } from "@/lib/people/names";

/** null = every document (docs.edit), else those whose list names one of these roles. */
function readable(organisationId: number, roles: readonly Role[] | null): Prisma.DocumentWhereInput {
  return roles === null ? { organisationId } : { organisationId, visibleTo: { hasSome: [...roles] } };
}

/** A document's own fields, as the list and the card show them. */
const DOCUMENT_FIELDS = {
  id: true,
  title: true,
  category: true,
  number: true,
  date: true,
  visibleTo: true,
  isJournalRegulation: true,
} satisfies Prisma.DocumentSelect;

export async function listDocuments(
  organisationId: number,
  roles: readonly Role[] | null,
  f: { q?: string; category?: DocumentCategoryName },
) {
  if (roles !== null && roles.length === 0) return [];
  return db.document.findMany({
    where: {
      AND: [
        readable(organisationId, roles),
        ...(f.category ? [{ category: f.category }] : []),
        ...(f.q
          ? [
              {
                OR: [
                  { title: { contains: f.q, mode: "insensitive" as const } },
                  { number: { contains: f.q, mode: "insensitive" as const } },
                ],
              },
            ]
          : []),
      ],
    },
    orderBy: [{ category: "asc" }, { date: "desc" }, { id: "desc" }],
    take: 500,
    select: {
      ...DOCUMENT_FIELDS,
      versions: {
        orderBy: { version: "desc" },
        take: 1,
        select: { id: true, version: true, fileName: true, createdAt: true },
      },
    },
  });
}

export async function documentById(organisationId: number, id: number) {
  return db.document.findUnique({
    where: { organisationId_id: { organisationId, id } },
    select: {
      ...DOCUMENT_FIELDS,
      createdAt: true,
      versions: {
        orderBy: { version: "desc" },
        select: {
          id: true,
          version: true,
          fileName: true,
          size: true,
          note: true,
          createdAt: true,
          uploadedById: true,
        },
      },
    },
  });
}

export async function versionById(organisationId: number, id: number) {
  return db.documentVersion.findUnique({
    where: { organisationId_id: { organisationId, id } },
    select: {
      fileName: true,
      mimeType: true,
      storageKey: true,
      document: { select: { visibleTo: true } },
    },
  });
}

/** The organisation's «Положение об электронном журнале», if one is marked. */
export async function journalRegulation(organisationId: number) {
  return db.document.findFirst({
    where: { organisationId, isJournalRegulation: true },
    orderBy: { id: "desc" },
    select: { id: true, visibleTo: true },
  });
}

export async function userNames(organisationId: number, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, { lastName: string; firstName: string; middleName: string | null }>();
  const rows = await db.user.findMany({
    where: { organisationId, id: { in: [...new Set(ids)] } },
    select: { id: true, ...NAME_FIELDS },
  });
  return new Map(rows.map((r) => [r.id, r]));
}
