"use client";
// One subgroup's members as checkboxes over the class list (ORG-4). A subgroup the user may not
// change (another teacher's subject, a closed year) renders disabled with the reason (DAY-8).
import type { ActionResult } from "@/lib/errors";
import { ActionForm } from "@/components/ui/action-form";
import { Checkbox } from "@/components/ui/field";

type SaveAction = (
  prev: ActionResult<{ count: number }> | null,
  form: FormData,
) => Promise<ActionResult<{ count: number }>>;

const refuse: SaveAction = async () => ({ ok: false, code: "FORBIDDEN", message: "Нет доступа" });

export function SubgroupMembers({
  title,
  students,
  members,
  save,
  reason = "Состав этой подгруппы вы изменить не можете",
}: {
  title: string;
  students: { id: number; name: string }[];
  members: number[];
  save: SaveAction | null;
  /** Why the form is disabled when `save` is null. */
  reason?: string;
}) {
  const set = new Set(members);
  return (
    <ActionForm
      action={save ?? refuse}
      framed
      label={title}
      submitLabel="Сохранить состав"
      success={(d) => `Сохранено: ${d.count} уч.`}
      resetOnSuccess={false}
      disabledReason={save ? null : reason}
    >
      <h2 className="font-semibold">{title}</h2>
      <div className="grid gap-x-4 text-sm sm:grid-cols-2 lg:grid-cols-3">
        {students.map((s) => (
          <Checkbox key={s.id} name="student" value={s.id} defaultChecked={set.has(s.id)} label={s.name} />
        ))}
      </div>
    </ActionForm>
  );
}
