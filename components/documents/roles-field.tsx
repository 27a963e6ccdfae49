"use client";
// Who sees a document or a resource (LRN-3, LRN-4): one checkbox per login role, with quick picks.
import { useState } from "react";
import { FAMILY_ROLES } from "@/lib/documents/rules";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/access/roles";

export const STAFF_ROLES = ROLES.filter((r) => !FAMILY_ROLES.includes(r));

export function RolesField({ initial, legend = "Кто видит документ" }: { initial: readonly Role[]; legend?: string }) {
  const [picked, setPicked] = useState<Set<Role>>(new Set(initial));
  const toggle = (roles: readonly Role[], on: boolean) =>
    setPicked((p) => {
      const next = new Set(p);
      for (const r of roles) {
        if (on) next.add(r);
        else next.delete(r);
      }
      return next;
    });
  return (
    <fieldset className="space-y-1 text-sm sm:col-span-2">
      <legend className="font-medium">{legend}</legend>
      <div className="flex flex-wrap gap-2 text-xs">
        <button type="button" className="rounded border px-2" onClick={() => toggle(ROLES, true)}>
          все
        </button>
        <button type="button" className="rounded border px-2" onClick={() => toggle(STAFF_ROLES, true)}>
          все сотрудники
        </button>
        <button type="button" className="rounded border px-2" onClick={() => toggle(FAMILY_ROLES, false)}>
          без учеников и родителей
        </button>
      </div>
      <div className="grid grid-cols-2 gap-x-4 sm:grid-cols-3">
        {ROLES.map((r) => (
          <label key={r} className="flex items-center gap-1">
            <input
              type="checkbox"
              name="visibleTo"
              value={r}
              checked={picked.has(r)}
              onChange={(e) => toggle([r], e.target.checked)}
            />
            {ROLE_LABELS[r]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
