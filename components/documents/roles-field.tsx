"use client";
// Who sees a document or a resource (LRN-3, LRN-4): one checkbox per login role, with quick picks.
// The ticks are state (the quick picks set many at once); when the form is reset (ActionForm after
// a success) the field starts over from `initial`, so what is shown is what will be sent.
import { useEffect, useRef, useState } from "react";
import { FAMILY_ROLES } from "@/lib/documents/rules";
import { ROLES, roleLabel, type Role } from "@/lib/access/roles";
import { vocabulary, type OrgKindName } from "@/lib/org/vocabulary";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/field";

export const STAFF_ROLES = ROLES.filter((r) => !FAMILY_ROLES.includes(r));

export function RolesField({
  initial,
  legend = "Кто видит документ",
  kind = "SCHOOL",
}: {
  initial: readonly Role[];
  legend?: string;
  /** DAY-6: «Преподаватель», «Студент», «без студентов и родителей» at a college. */
  kind?: OrgKindName;
}) {
  const [round, setRound] = useState(0);
  const ref = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    const form = ref.current?.form;
    if (!form) return;
    const restart = () => setRound((r) => r + 1);
    form.addEventListener("reset", restart);
    return () => form.removeEventListener("reset", restart);
  }, []);
  return (
    <fieldset ref={ref} className="space-y-1 text-sm sm:col-span-2">
      <legend className="font-medium">{legend}</legend>
      <RoleTicks key={round} initial={initial} kind={kind} />
    </fieldset>
  );
}

function RoleTicks({ initial, kind }: { initial: readonly Role[]; kind: OrgKindName }) {
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
    <>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" size="sm" onClick={() => toggle(ROLES, true)}>
          все
        </Button>
        <Button variant="secondary" size="sm" onClick={() => toggle(STAFF_ROLES, true)}>
          все сотрудники
        </Button>
        <Button variant="secondary" size="sm" onClick={() => toggle(FAMILY_ROLES, false)}>
          без {vocabulary(kind).student.genPl} и родителей
        </Button>
      </div>
      <div className="grid grid-cols-2 gap-x-4 sm:grid-cols-3">
        {ROLES.map((r) => (
          <Checkbox
            key={r}
            name="visibleTo"
            value={r}
            checked={picked.has(r)}
            onChange={(e) => toggle([r], e.target.checked)}
            label={roleLabel(r, kind)}
          />
        ))}
      </div>
    </>
  );
}
