// The card access of the current reader, asked of the one access gate per permission (ACL-4).
import { authorize, type Actor } from "@/lib/access/authorize";
import { cardAccess, type CardAccess } from "../card-rules";

export async function studentCardAccess(actor: Actor, studentId: number): Promise<CardAccess | null> {
  const target = { kind: "student", studentId } as const;
  const [manage, brief, medical, psych] = await Promise.all(
    (["people.manage", "people.brief", "people.medical", "people.psych"] as const).map((p) =>
      authorize(actor, p, target),
    ),
  );
  return cardAccess({ manage: manage.allowed, brief: brief.allowed, medical: medical.allowed, psych: psych.allowed });
}

/** A parent card is reached through any of the parent's children; no children = only "all" scopes. */
export async function parentCardAccess(actor: Actor, childIds: readonly number[]): Promise<{ full: boolean } | null> {
  const targets = childIds.length
    ? childIds.map((studentId) => ({ kind: "student", studentId }) as const)
    : [{ kind: "none" } as const];
  let full = false;
  let brief = false;
  for (const target of targets) {
    const [m, b] = await Promise.all([
      authorize(actor, "people.manage", target),
      authorize(actor, "people.brief", target),
    ]);
    // A "none" target admits any scope: without a child only an "all" scope counts.
    const onlyAll = target.kind === "none";
    if (m.allowed && (!onlyAll || m.scopes.includes("all"))) full = true;
    if (b.allowed && (!onlyAll || b.scopes.includes("all"))) brief = true;
  }
  return full || brief ? { full } : null;
}
