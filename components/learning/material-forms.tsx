"use client";
// The library's forms (LRN-2): place a material — a file or a link — for a subject and a class, a
// grade or every grade, on a topic; remove one's own (the administration: any). On the kit (issue
// 19): a refusal keeps what was typed and the chosen file; the button shows the upload running.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { createMaterialAction, deleteMaterialAction } from "@/lib/learning/materials/actions";
import { MAX_FILE_BYTES } from "@/lib/storage/rules";
import { ActionForm } from "@/components/ui/action-form";
import { ActionButton } from "@/components/ui/action-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { Field, FileInput, Input, Select, Textarea } from "@/components/ui/field";
import { optionsOf } from "@/components/ui/options";
import { acceptFiles, withFileCheck } from "./file-check";
import { cap, vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

const ACCEPT = acceptFiles();
const createMaterial = withFileCheck(createMaterialAction, "file");

export function MaterialForm(props: {
  subjects: { id: number; name: string }[];
  classes: { id: number; name: string; grade: number }[];
  /** The organisation's words (DAY-6): «Дисциплина», «Группа», «Курс». */
  kind?: OrgKindName;
}) {
  const v = vocabulary(props.kind ?? "SCHOOL");
  const [kind, setKind] = useState<"FILE" | "LINK">("FILE");
  const router = useRouter();
  const grades = [...new Set(props.classes.map((c) => c.grade))].sort((a, b) => a - b);
  return (
    <ActionForm
      action={createMaterial}
      label="Новый материал"
      submitLabel="Разместить"
      onSuccess={() => {
        setKind("FILE");
        router.refresh();
      }}
    >
      <div className="grid gap-2 sm:grid-cols-2">
        <Field label="Название" name="title" required className="sm:col-span-2">
          <Input required maxLength={300} className="w-full" />
        </Field>
        <Field label={cap(v.subject.nom)} name="subjectId" required>
          <Select required options={optionsOf(props.subjects)} className="w-full" />
        </Field>
        <Field label="Тема" name="topic">
          <Input maxLength={500} className="w-full" />
        </Field>
        <Field label={cap(v.class.nom)} name="classId">
          <Select
            defaultValue=""
            placeholder={`— ${v.wholeParallel} или все ${v.class.nomPl} —`}
            options={optionsOf(props.classes)}
            className="w-full"
          />
        </Field>
        <Field label={`${cap(v.parallel.nom)} (если ${v.classNotChosen})`} name="grade">
          <Select
            defaultValue=""
            placeholder="все"
            options={grades.map((g) => ({ value: g, label: g }))}
            className="w-full"
          />
        </Field>
        <Field label="Описание" name="description" className="sm:col-span-2">
          <Textarea rows={2} maxLength={2000} />
        </Field>
        <fieldset className="flex flex-wrap gap-4 text-sm sm:col-span-2">
          <legend className="sr-only">Вид материала</legend>
          <label className="flex items-center gap-1">
            <input type="radio" name="kind" value="FILE" checked={kind === "FILE"} onChange={() => setKind("FILE")} />
            Файл
          </label>
          <label className="flex items-center gap-1">
            <input type="radio" name="kind" value="LINK" checked={kind === "LINK"} onChange={() => setKind("LINK")} />
            Ссылка
          </label>
        </fieldset>
        {kind === "FILE" ? (
          <Field label={`Файл (до ${MAX_FILE_BYTES / 1024 / 1024} МБ)`} name="file" required className="sm:col-span-2">
            <FileInput required accept={ACCEPT} />
          </Field>
        ) : (
          <Field label="Ссылка" name="url" required className="sm:col-span-2">
            <Input type="url" required placeholder="https://" maxLength={2000} className="w-full" />
          </Field>
        )}
      </div>
    </ActionForm>
  );
}

/** «Удалить» beside a material of the library: asked first, then removed (its file with it). */
export function DeleteMaterial({ materialId, title }: { materialId: number; title: string }) {
  const remove = useFormAction(deleteMaterialAction, { materialId });
  return (
    <ActionButton
      action={remove}
      confirm={`Удалить материал «${title}»?`}
      aria-label={`Удалить «${title}»`}
      className="inline-flex items-center"
    >
      Удалить
    </ActionButton>
  );
}
