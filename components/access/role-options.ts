// The login roles as a select's options («Администратор», «Завуч» …), in the matrix's order, in the
// organisation's words (DAY-6: «Преподаватель», «Студент» at a college). Server- and client-safe.
import { roleLabel, ROLES, type Role } from "@/lib/access/roles";
import type { OrgKindName } from "@/lib/org/vocabulary";

export function roleOptions(kind: OrgKindName, roles: readonly Role[] = ROLES): { value: string; label: string }[] {
  return roles.map((r) => ({ value: r, label: roleLabel(r, kind) }));
}
