"use client";
// The documents store's forms (LRN-3, docs.edit): a document's card — title, section, number,
// date, who reads it (roles; families only when ticked), «Положение об электронном журнале» —
// with its file; a new version of the file (the old ones stay downloadable). On the kit (issue 19):
// a refusal keeps every typed value and the chosen file, the button shows the upload is under way.
import { useRouter } from "next/navigation";
import { addVersionAction, createDocumentAction, updateDocumentAction } from "@/lib/documents/actions";
import { CATEGORY_LABELS, DOCUMENT_CATEGORIES } from "@/lib/documents/rules";
import type { Role } from "@/lib/access/roles";
import { ActionForm } from "@/components/ui/action-form";
import { Checkbox, DateInput, Field, FileInput, Input, Select } from "@/components/ui/field";
import { acceptFiles, withFileCheck } from "@/components/learning/file-check";
import { RolesField, STAFF_ROLES } from "./roles-field";
import type { OrgKindName } from "@/lib/org/vocabulary";

const ACCEPT = acceptFiles();
const createDocument = withFileCheck(createDocumentAction, "file");
const addVersion = withFileCheck(addVersionAction, "file");

export type CardValues = {
  documentId?: number;
  title: string;
  category: string;
  number: string | null;
  isoDate: string;
  visibleTo: readonly Role[];
  regulation: boolean;
};

export function DocumentCardForm({ values, kind }: { values: CardValues | null; kind?: OrgKindName }) {
  const creating = values === null;
  const router = useRouter();
  return (
    <ActionForm
      action={creating ? createDocument : updateDocumentAction}
      label={creating ? "Новый документ" : "Карточка документа"}
      submitLabel={creating ? "Добавить документ" : "Сохранить карточку"}
      // A new document opens on its own page; a saved card shows what was saved.
      resetOnSuccess={false}
      onSuccess={(data) => {
        if (creating && data.documentId) router.push(`/documents/${data.documentId}`);
        else router.refresh();
      }}
    >
      <div className="grid gap-2 sm:grid-cols-2">
        {values?.documentId && <input type="hidden" name="documentId" value={values.documentId} />}
        <Field label="Название" name="title" required className="sm:col-span-2">
          <Input required maxLength={300} defaultValue={values?.title ?? ""} className="w-full" />
        </Field>
        <Field label="Раздел" name="category">
          <Select
            defaultValue={values?.category ?? "REGULATION"}
            options={DOCUMENT_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
            className="w-full"
          />
        </Field>
        <div className="grid grid-cols-2 gap-2">
          <Field label="Номер" name="number">
            <Input maxLength={50} defaultValue={values?.number ?? ""} className="w-full" />
          </Field>
          <Field label="Дата" name="date">
            <DateInput defaultValue={values?.isoDate ?? ""} />
          </Field>
        </div>
        <RolesField initial={values?.visibleTo ?? STAFF_ROLES} kind={kind} />
        <Checkbox
          name="journalRegulation"
          defaultChecked={values?.regulation ?? false}
          label="Это «Положение об электронном журнале» (ссылка внизу каждой страницы)"
          className="sm:col-span-2"
        />
        {creating && (
          <>
            <Field label="Файл" name="file" required>
              <FileInput required accept={ACCEPT} />
            </Field>
            <Field label="Примечание к редакции" name="note">
              <Input maxLength={500} className="w-full" />
            </Field>
          </>
        )}
      </div>
    </ActionForm>
  );
}

export function VersionForm({ documentId }: { documentId: number }) {
  const router = useRouter();
  return (
    <ActionForm
      action={addVersion}
      label="Новая редакция"
      layout="inline"
      submitLabel="Загрузить редакцию"
      onSuccess={() => router.refresh()}
    >
      <input type="hidden" name="documentId" value={documentId} />
      <Field label="Файл новой редакции" name="file" required>
        <FileInput required accept={ACCEPT} />
      </Field>
      <Field label="Что изменилось" name="note">
        <Input maxLength={500} />
      </Field>
    </ActionForm>
  );
}
