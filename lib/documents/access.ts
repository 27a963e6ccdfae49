// The documents store's use of the one access gate (LRN-3): docs.view / docs.edit from the matrix
// (with the organisation's overrides) and the reader's roles from the database, then rules.ts.
import { authorize, type Actor } from "@/lib/access/authorize";
import { actorRelations } from "@/lib/access/scope";
import type { DocReader } from "./rules";

export async function docReader(actor: Actor): Promise<DocReader> {
  const [facts, view, edit] = await Promise.all([
    actorRelations(actor),
    authorize(actor, "docs.view"),
    authorize(actor, "docs.edit"),
  ]);
  return { roles: facts?.roles ?? [], docsView: view.allowed, docsEdit: edit.allowed };
}
