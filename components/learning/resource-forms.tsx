"use client";
// The resources catalogue's form (LRN-4, resources.edit): add a link or a resource, edit or remove
// one. On the kit (issue 19): a refusal keeps what was typed, the buttons show the save running.
import { useRouter } from "next/navigation";
import type { Role } from "@/lib/access/roles";
import type { z } from "zod";
import { saveResourceAction } from "@/lib/resources/actions";
import type { resourceSchema } from "@/lib/resources/schema";
import { ROLES } from "@/lib/access/roles";
import { RolesField } from "@/components/documents/roles-field";
import type { OrgKindName } from "@/lib/org/vocabulary";
import { ActionForm, FormStatus } from "@/components/ui/action-form";
import { Field, Input, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

/** A saved resource as the form shows it: the schema's fields, its id and the roles that see it. */
export type ResourceValues = z.output<typeof resourceSchema> & { id: number; visibleTo: Role[] };

export function ResourceForm({ values, kind }: { values: ResourceValues | null; kind?: OrgKindName }) {
  const router = useRouter();
  return (
    <ActionForm
      action={saveResourceAction}
      label={values ? `Ресурс: ${values.title}` : "Новый ресурс"}
      // A new resource's form starts empty again; an edited one shows what was saved.
      resetOnSuccess={!values}
      onSuccess={() => router.refresh()}
      status="manual"
      layout="bare"
    >
      <div className="grid gap-2 sm:grid-cols-2">
        {values && <input type="hidden" name="resourceId" value={values.id} />}
        <Field label="Название" name="title" required>
          <Input required maxLength={300} defaultValue={values?.title ?? ""} className="w-full" />
        </Field>
        <Field label="Ссылка" name="url">
          <Input
            type="url"
            maxLength={2000}
            placeholder="https://"
            defaultValue={values?.url ?? ""}
            className="w-full"
          />
        </Field>
        <Field label="Раздел" name="category">
          <Input
            maxLength={100}
            defaultValue={values?.category ?? ""}
            placeholder="Например: Образовательные платформы"
            className="w-full"
          />
        </Field>
        <Field label="Порядок" name="sortOrder">
          <Input type="number" min={0} max={10000} defaultValue={values?.sortOrder ?? 0} className="w-full" />
        </Field>
        <Field label="Описание" name="description" className="sm:col-span-2">
          <Textarea rows={2} maxLength={2000} defaultValue={values?.description ?? ""} />
        </Field>
        <RolesField initial={values?.visibleTo ?? ROLES} legend="Кто видит ресурс" kind={kind} />
        <div className="flex flex-wrap items-center gap-2 sm:col-span-2">
          <SubmitButton name="intent" value="save">
            {values ? "Сохранить" : "Добавить"}
          </SubmitButton>
          {values && (
            <SubmitButton name="intent" value="delete" variant="danger" formNoValidate>
              Удалить
            </SubmitButton>
          )}
          <FormStatus />
        </div>
      </div>
    </ActionForm>
  );
}
