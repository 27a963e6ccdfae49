// Writes of the access matrix overrides (ACL-2), audited in the same transaction.
import { db } from "@/lib/db";
import { auditChange } from "@/lib/audit/mutations";
import { defaultScope } from "./matrix";
import type { MatrixCell } from "./schema";

/**
 * Stores the submitted matrix: a cell equal to the default removes its override, a different
 * one upserts it. Returns the number of cells that changed.
 */
export async function saveMatrixOverrides(
  organisationId: number,
  byUserId: number,
  cells: MatrixCell[],
): Promise<number> {
  return db.$transaction(async (tx) => {
    const existing = await tx.rolePermission.findMany({ where: { organisationId } });
    const current = new Map(existing.map((o) => [`${o.column}:${o.permission}`, o.scope]));
    const changes: { column: string; permission: string; from: string | null; to: string | null }[] = [];
    for (const cell of cells) {
      const key = `${cell.column}:${cell.permission}`;
      const fallback = defaultScope(cell.permission, cell.column);
      const before = current.has(key) ? current.get(key)! : fallback;
      if (before === cell.scope) continue;
      if (cell.scope === fallback) {
        await tx.rolePermission.delete({
          where: {
            organisationId_column_permission: { organisationId, column: cell.column, permission: cell.permission },
          },
        });
      } else {
        await tx.rolePermission.upsert({
          where: {
            organisationId_column_permission: { organisationId, column: cell.column, permission: cell.permission },
          },
          create: {
            organisationId,
            column: cell.column,
            permission: cell.permission,
            scope: cell.scope,
            updatedById: byUserId,
          },
          update: { scope: cell.scope, updatedById: byUserId },
        });
      }
      changes.push({ column: cell.column, permission: cell.permission, from: before, to: cell.scope });
    }
    if (changes.length > 0) {
      await auditChange(tx, { organisationId, userId: byUserId }, "acl.change", ["RolePermission"], { changes });
    }
    return changes.length;
  });
}
