"use client";
// The student's hand-in from the diary (LRN-1), phone first: a text and photos of the notebook or
// files (the limits of lib/storage, checked here for a quick answer and again on the server); on a
// resubmission the files already handed in stay unless ticked for removal. On the kit (issue 19):
// a refused hand-in keeps the text and the chosen photos; the button says it is sending.
import { useRouter } from "next/navigation";
import { submitHandinAction } from "@/lib/learning/handin/actions";
import { MAX_FILE_BYTES, MAX_FILES_PER_ITEM } from "@/lib/storage/rules";
import { ActionForm, FormStatus } from "@/components/ui/action-form";
import { Checkbox, Field, FileInput, Textarea } from "@/components/ui/field";
import { useActionFormState } from "@/components/ui/form-context";
import { SubmitButton } from "@/components/ui/submit-button";
import { acceptFiles, withFileCheck } from "./file-check";

const ACCEPT = acceptFiles(true);
const submitHandin = withFileCheck(submitHandinAction, "files");

function HandInButton({ again }: { again: boolean }) {
  const pending = useActionFormState()?.pending ?? false;
  return (
    // Phone first: the whole width and a larger target on a narrow screen.
    <SubmitButton className="w-full max-sm:py-2 max-sm:text-base sm:w-auto">
      {pending ? "Отправляю…" : again ? "Сдать заново" : "Сдать работу"}
    </SubmitButton>
  );
}

export function HandinForm(props: {
  homeworkId: number;
  studentId: number;
  text: string;
  files: { id: number; name: string }[];
  again: boolean;
}) {
  const router = useRouter();
  return (
    <ActionForm
      action={submitHandin}
      label="Сдать работу"
      framed
      status="manual"
      // After a success the form starts from what was handed in (the refreshed text and files).
      onSuccess={() => router.refresh()}
    >
      <input type="hidden" name="homeworkId" value={props.homeworkId} />
      <input type="hidden" name="studentId" value={props.studentId} />
      <Field label="Ответ" name="text">
        {/* 16px on a phone, so the browser does not zoom in on focus. */}
        <Textarea
          defaultValue={props.text}
          rows={5}
          maxLength={10_000}
          placeholder="Напишите ответ или приложите фото тетради"
          className="max-sm:text-base"
        />
      </Field>
      {props.files.length > 0 && (
        <fieldset className="text-sm">
          <legend className="text-xs font-medium text-slate-600">Уже сданные файлы (отметьте, чтобы убрать)</legend>
          <div className="flex flex-wrap gap-x-3">
            {props.files.map((f) => (
              <Checkbox key={f.id} name="removeFile" value={f.id} aria-label={`Убрать ${f.name}`} label={f.name} />
            ))}
          </div>
        </fieldset>
      )}
      <Field
        label={`Фото или файлы (до ${MAX_FILES_PER_ITEM}, каждый до ${MAX_FILE_BYTES / 1024 / 1024} МБ)`}
        name="files"
      >
        <FileInput multiple accept={ACCEPT} className="w-full" />
      </Field>
      <HandInButton again={props.again} />
      <FormStatus />
    </ActionForm>
  );
}
