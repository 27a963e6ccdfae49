// Session-bound reads of the documents store (LRN-3), shaped for the pages: what the reader reads
// (rules.ts), each document's versions, the journal's regulation for the footer link.
import { ROLES, type Role } from "@/lib/access/roles";
import type { CurrentUser } from "@/lib/auth/session";
import { formatDate, formatDateTime, isoDate } from "@/lib/org/time";
import { shortName } from "@/lib/people/names";
import { docReader } from "./access";
import { documentById, journalRegulation, listDocuments, userNames } from "./data";
import type { OrgKindName } from "@/lib/org/vocabulary";
import { CATEGORY_LABELS, mayRead, readingRoles, visibilityLabel, type DocumentCategoryName } from "./rules";

const dateText = (d: Date | null) => (d ? formatDate(d) : null);

type DocumentRow = {
  id: number;
  title: string;
  category: string;
  number: string | null;
  date: Date | null;
  isJournalRegulation: boolean;
  visibleTo: Role[];
};

/** What the list and the document's page both show of a document: title, category, number, date, visibility. */
function documentHead(d: DocumentRow, kind: OrgKindName) {
  return {
    id: d.id,
    title: d.title,
    category: d.category as DocumentCategoryName,
    categoryLabel: CATEGORY_LABELS[d.category as DocumentCategoryName],
    number: d.number,
    date: dateText(d.date),
    regulation: d.isJournalRegulation,
    visibility: visibilityLabel(d.visibleTo, ROLES, kind),
  };
}

export async function loadDocuments(user: CurrentUser, f: { q?: string; category?: DocumentCategoryName }) {
  const reader = await docReader(user);
  const rows = await listDocuments(user.organisationId, reader.docsEdit ? null : readingRoles(reader), f);
  return {
    canEdit: reader.docsEdit,
    items: rows.map((d) => ({
      ...documentHead(d, user.orgKind),
      latest: d.versions[0]
        ? { id: d.versions[0].id, version: d.versions[0].version, fileName: d.versions[0].fileName }
        : null,
    })),
  };
}

/** One document, or "forbidden" when the reader's roles are not on its list, or null when there is none. */
export async function loadDocument(user: CurrentUser, id: number) {
  const [reader, d] = await Promise.all([docReader(user), documentById(user.organisationId, id)]);
  if (!d) return null;
  if (!mayRead(reader, d.visibleTo)) return "forbidden" as const;
  const names = await userNames(
    user.organisationId,
    d.versions.map((v) => v.uploadedById),
  );
  return {
    canEdit: reader.docsEdit,
    ...documentHead(d, user.orgKind),
    isoDate: d.date ? isoDate(d.date) : "",
    visibleTo: d.visibleTo,
    versions: d.versions.map((v) => {
      const who = names.get(v.uploadedById);
      return {
        id: v.id,
        version: v.version,
        fileName: v.fileName,
        size: v.size,
        note: v.note,
        at: formatDateTime(v.createdAt, user.timeZone),
        by: who ? shortName(who) : "",
      };
    }),
  };
}

/** Where the footer's «Положение об электронном журнале» leads: its page, or null when none is marked / readable. */
export async function loadRegulationId(user: CurrentUser): Promise<number | null | "forbidden"> {
  const [reader, reg] = await Promise.all([docReader(user), journalRegulation(user.organisationId)]);
  if (!reg) return null;
  return mayRead(reader, reg.visibleTo) ? reg.id : "forbidden";
}
