// Session-bound reads of the materials library (LRN-2) shaped for the page: what the reader's scope
// of materials.view covers, searched by title / topic, subject and grade; what they may remove.
import { authorize } from "@/lib/access/authorize";
import type { Scope } from "@/lib/access/matrix";
import type { CurrentUser } from "@/lib/auth/session";
import { formatDate, isoDate } from "@/lib/org/time";
import { shortName } from "@/lib/people/names";
import { placerFacts, visibilityFor } from "./access";
import { currentClasses, listMaterials, materialsFor, subjectsOf, topicMaterials } from "./data";
import { audienceLabel, mayPlace, mayRemove } from "./rules";

export type LibraryItem = {
  id: number;
  title: string;
  description: string | null;
  subjectName: string;
  audience: string;
  topic: string | null;
  kind: "FILE" | "LINK";
  href: string;
  fileLabel: string | null;
  author: string;
  createdAt: string;
  removable: boolean;
};

export async function loadLibrary(
  user: CurrentUser,
  viewScopes: readonly Scope[],
  filter: { q?: string; subject?: number; grade?: number },
) {
  const edit = await authorize(user, "materials.edit");
  const visibility = await visibilityFor(user, viewScopes);
  const [rows, subjects, classes, placer] = await Promise.all([
    listMaterials(user.organisationId, visibility, { q: filter.q, subjectId: filter.subject, grade: filter.grade }),
    subjectsOf(user.organisationId),
    edit.allowed ? currentClasses(user.organisationId) : Promise.resolve([]),
    edit.allowed ? placerFacts(user, edit.scopes) : Promise.resolve(null),
  ]);
  // The form offers what the placer may choose: with «own» only, the subjects and classes of their load.
  const formSubjects = placer
    ? subjects.filter((s) => classes.some((c) => mayPlace(placer, { subjectId: s.id, classId: c.id, grade: c.grade })))
    : [];
  const formClasses = placer
    ? classes.filter((c) => subjects.some((s) => mayPlace(placer, { subjectId: s.id, classId: c.id, grade: c.grade })))
    : [];
  const college = user.orgKind === "COLLEGE";
  const items: LibraryItem[] = rows.map((m) => ({
    id: m.id,
    title: m.title,
    description: m.description,
    subjectName: m.subject.name,
    audience: audienceLabel({ className: m.class?.name ?? null, grade: m.grade }, college),
    topic: m.topic,
    kind: m.kind,
    href: m.kind === "LINK" && m.url ? m.url : `/api/materials/${m.id}`,
    fileLabel:
      m.kind === "FILE" && m.fileName ? `${m.fileName}, ${Math.max(1, Math.ceil((m.size ?? 0) / 1024))} КБ` : null,
    author: shortName(m.author),
    createdAt: formatDate(new Date(`${isoDate(m.createdAt)}T00:00:00Z`)),
    removable: edit.allowed && mayRemove({ userId: user.id, scopes: edit.allowed ? edit.scopes : [] }, m.authorId),
  }));
  return {
    items,
    subjects,
    form: { subjects: formSubjects, classes: formClasses },
    canEdit: edit.allowed && formSubjects.length > 0,
    family: visibility.kind === "family",
  };
}

export type PlanMaterialsView = {
  topics: { id: number; position: number; title: string; materials: { id: number; title: string; href: string }[] }[];
  available: { id: number; title: string }[];
};

/** The materials of a plan's topics and those of its subject that may be attached (the plan page has authorised the plan). */
export async function loadPlanMaterials(
  user: CurrentUser,
  plan: {
    id: number;
    subjectId: number;
    classId: number | null;
    grade: number | null;
    topics: { id: number; position: number; title: string }[];
  },
): Promise<PlanMaterialsView> {
  const [byTopic, available] = await Promise.all([
    topicMaterials(user.organisationId, plan.id),
    materialsFor(user.organisationId, plan.subjectId, plan.classId, plan.grade),
  ]);
  const href = (m: { id: number; kind: string; url: string | null }) =>
    m.kind === "LINK" && m.url ? m.url : `/api/materials/${m.id}`;
  return {
    topics: plan.topics.map((t) => ({
      id: t.id,
      position: t.position,
      title: t.title,
      materials: (byTopic.get(t.id) ?? []).map((m) => ({ id: m.id, title: m.title, href: href(m) })),
    })),
    available: available.map((m) => ({ id: m.id, title: m.topic ? `${m.title} (${m.topic})` : m.title })),
  };
}
