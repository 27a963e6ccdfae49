// zod schema for the «Права доступа» form (ACL-2): one field per matrix cell, `c:<column>:<permission>`.
import { z } from "zod";
import { MATRIX_COLUMNS, type MatrixColumn } from "./roles";
import { PERMISSIONS, SCOPES, type Permission, type Scope } from "./matrix";
import { vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

export const SCOPE_LABELS: Record<Scope, string> = {
  all: "все",
  dept: "отдел.",
  own: "свои",
  class: "класс",
  self: "о себе",
  leader: "руковод.",
};

/** A scope's word in the organisation's words (DAY-6, round 23): «класс» is a college's «группа». */
export function scopeLabel(scope: Scope, kind: OrgKindName): string {
  return scope === "class" ? vocabulary(kind).class.nom : SCOPE_LABELS[scope];
}

export const cellValue = z.enum(["none", ...SCOPES], { error: "Недопустимое значение права" });

export type MatrixCell = { column: MatrixColumn; permission: Permission; scope: Scope | null };

/** Parses the submitted form; unknown fields are ignored, a bad value refuses the whole form. */
export function parseMatrixForm(form: FormData): { ok: true; cells: MatrixCell[] } | { ok: false; message: string } {
  const cells: MatrixCell[] = [];
  for (const permission of PERMISSIONS) {
    for (const column of MATRIX_COLUMNS) {
      const raw = form.get(`c:${column}:${permission}`);
      if (raw === null) continue;
      const parsed = cellValue.safeParse(raw);
      if (!parsed.success)
        return { ok: false, message: `${parsed.error.issues[0]?.message ?? "Ошибка"}: ${permission}` };
      cells.push({ column, permission, scope: parsed.data === "none" ? null : parsed.data });
    }
  }
  if (cells.length === 0) return { ok: false, message: "Форма пуста" };
  return { ok: true, cells };
}
