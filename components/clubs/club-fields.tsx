// PRG-2: a club's own fields — name, leader, description — in the «new club» form of the list and
// the club's edit form (which adds the capacity). Server-safe.
import { Field, Input, Select } from "@/components/ui/field";
import { optionsOf } from "@/components/ui/options";

export function ClubFields({
  leaders,
  club,
}: {
  leaders: readonly { id: number; name: string }[];
  /** The club being edited; none for a new one (the leader must then be chosen). */
  club?: { name: string; leaderId: number; description: string | null };
}) {
  return (
    <>
      <Field label="Название" name="name">
        <Input required maxLength={200} defaultValue={club?.name} className="w-72" />
      </Field>
      <Field label="Руководитель" name="leaderId">
        <Select
          required
          placeholder={club ? undefined : "— выберите —"}
          placeholderDisabled
          defaultValue={club?.leaderId ?? ""}
          options={optionsOf(leaders)}
        />
      </Field>
      <Field label="Описание" name="description">
        <Input maxLength={2000} defaultValue={club?.description ?? undefined} className="w-72" />
      </Field>
    </>
  );
}
