// Session-bound reads for the access pages.
import { cache } from "react";
import { MATRIX } from "./matrix";
import { MATRIX_COLUMNS, type MatrixColumn } from "./roles";
import { actorFacts } from "./authorize";
import { effectiveScopes } from "./rules";
import type { Scope } from "./matrix";

export type MatrixView = {
  rows: { key: string; label: string; cells: { column: MatrixColumn; scope: Scope | null; isDefault: boolean }[] }[];
};

/** The organisation's effective matrix: overrides over the defaults of ACCESS_MATRIX.md. */
export const loadMatrixView = cache(async (organisationId: number, userId: number): Promise<MatrixView> => {
  const facts = await actorFacts(organisationId, userId);
  const overrides = facts?.overrides ?? new Map<string, Scope | null>();
  return {
    rows: MATRIX.map((row) => ({
      key: row.key,
      label: row.label,
      cells: MATRIX_COLUMNS.map((column) => {
        const key = `${column}:${row.key}`;
        const fallback = (row.defaults as Partial<Record<MatrixColumn, Scope>>)[column] ?? null;
        const scope = overrides.has(key) ? overrides.get(key)! : fallback;
        return { column, scope, isDefault: scope === fallback };
      }),
    })),
  };
});

/** The permissions the user holds, each with its scopes (for navigation). */
export const heldPermissions = cache(async (organisationId: number, userId: number): Promise<Map<string, Scope[]>> => {
  const facts = await actorFacts(organisationId, userId);
  const held = new Map<string, Scope[]>();
  if (!facts) return held;
  for (const row of MATRIX) {
    const scopes = effectiveScopes(facts, row.key);
    if (scopes.length > 0) held.set(row.key, scopes);
  }
  return held;
});
