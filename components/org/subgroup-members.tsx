"use client";
// One subgroup's members as checkboxes over the class list (ORG-4).
import { useActionState } from "react";
import type { ActionResult } from "@/lib/errors";
import { FormStatus } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";

export function SubgroupMembers({
  title,
  students,
  members,
  save,
}: {
  title: string;
  students: { id: number; name: string }[];
  members: number[];
  save:
    ((prev: ActionResult<{ count: number }> | null, form: FormData) => Promise<ActionResult<{ count: number }>>) | null;
}) {
  const [state, action] = useActionState(
    save ?? (async () => ({ ok: false as const, code: "FORBIDDEN" as const, message: "Нет доступа" })),
    null,
  );
  const set = new Set(members);
  return (
    <form action={action} className="space-y-2 rounded border border-slate-200 bg-white p-3">
      <h2 className="font-semibold">{title}</h2>
      <div className="grid gap-x-4 text-sm sm:grid-cols-2 lg:grid-cols-3">
        {students.map((s) => (
          <label key={s.id} className="flex items-center gap-1">
            <input type="checkbox" name="student" value={s.id} defaultChecked={set.has(s.id)} disabled={!save} />
            {s.name}
          </label>
        ))}
      </div>
      {save && (
        <div className="flex items-center gap-3">
          <SubmitButton>Сохранить состав</SubmitButton>
          <p role="status" className="text-sm">
            <FormStatus state={state} success={(d) => `Сохранено: ${d.count} уч.`} />
          </p>
        </div>
      )}
    </form>
  );
}
