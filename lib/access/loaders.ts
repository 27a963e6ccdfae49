// Session-bound reads for the access pages.
import { cache } from "react";
import { MATRIX, permissionLabel } from "./matrix";
import { MATRIX_COLUMNS, type MatrixColumn } from "./roles";
import { actorFacts } from "./authorize";
import { effectiveScopes } from "./rules";
import type { Scope } from "./matrix";

export type MatrixView = {
  rows: { key: string; label: string; cells: { column: MatrixColumn; scope: Scope | null; isDefault: boolean }[] }[];
};

/** The organisation's effective matrix: overrides over the defaults of ACCESS_MATRIX.md, named in its words (DAY-6). */
export const loadMatrixView = cache(
  async (organisationId: number, userId: number, kind: "SCHOOL" | "COLLEGE" = "SCHOOL"): Promise<MatrixView> => {
    const facts = await actorFacts(organisationId, userId);
    const overrides = facts?.overrides ?? new Map<string, Scope | null>();
    return {
      rows: MATRIX.map((row) => ({
        key: row.key,
        label: permissionLabel(row.key, kind),
        cells: MATRIX_COLUMNS.map((column) => {
          const key = `${column}:${row.key}`;
          const fallback = (row.defaults as Partial<Record<MatrixColumn, Scope>>)[column] ?? null;
          const scope = overrides.has(key) ? overrides.get(key)! : fallback;
          return { column, scope, isDefault: scope === fallback };
        }),
      })),
    };
  },
);

// The held permissions of a facts object, worked out once: the facts are kept between requests
// under their AccessVersion (lib/access/authorize.ts), so this lives exactly as long as they do — a
// changed role, load or matrix cell brings new facts and with them a new map (issue 22 item 1: the
// header asked every matrix row on every page).
const heldOfFacts = new WeakMap<object, ReadonlyMap<string, readonly Scope[]>>();

/** The permissions the user holds, each with its scopes (for navigation). Read-only: shared between requests. */
export const heldPermissions = cache(
  async (organisationId: number, userId: number): Promise<ReadonlyMap<string, readonly Scope[]>> => {
    const facts = await actorFacts(organisationId, userId);
    if (!facts) return new Map();
    const known = heldOfFacts.get(facts);
    if (known) return known;
    const held = new Map<string, Scope[]>();
    for (const row of MATRIX) {
      const scopes = effectiveScopes(facts, row.key);
      if (scopes.length > 0) held.set(row.key, scopes);
    }
    heldOfFacts.set(facts, held);
    return held;
  },
);
