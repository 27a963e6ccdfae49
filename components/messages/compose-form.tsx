"use client";
// «Написать сообщение» (MSG-1): recipients by person (with a filter), by role or by class
// (staff only), subject, text and attachments. Files are checked here for a quick answer and
// again on the server, which also checks every recipient against the rule.
import { useState } from "react";
import { sendMessageAction } from "@/lib/messages/mail/actions";
import type { ComposeOptions, ReplyDraft } from "@/lib/messages/mail/loaders";
import { ROLES, roleLabel } from "@/lib/access/roles";
import { cap, vocabulary, type OrgKindName } from "@/lib/org/vocabulary";
import { ALLOWED_FILE_TYPES, MAX_FILES_PER_ITEM, checkFile } from "@/lib/storage/rules";
import { fail, type ActionResult } from "@/lib/errors";
import { ActionForm, FormStatus } from "@/components/ui/action-form";
import { Field, FileInput, Input, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

const ACCEPT = Object.keys(ALLOWED_FILE_TYPES)
  .map((e) => `.${e}`)
  .join(",");

function checkSelected(files: FileList | File[] | null): string | null {
  if (!files) return null;
  if (files.length > MAX_FILES_PER_ITEM) return `Можно приложить не больше ${MAX_FILES_PER_ITEM} файлов`;
  for (const f of Array.from(files)) {
    const c = checkFile(f.name, f.type, f.size);
    if (!c.ok) return c.message;
  }
  return null;
}

export function ComposeForm({
  options,
  draft,
  kind = "SCHOOL",
}: {
  options: ComposeOptions;
  draft: ReplyDraft | null;
  /** DAY-6: the roles in the organisation's words. */
  kind?: OrgKindName;
}) {
  const [filter, setFilter] = useState("");
  const [fileError, setFileError] = useState<string | null>(null);
  const fixed = new Set(draft?.people.map((p) => p.userId) ?? []);
  const q = filter.trim().toLowerCase();
  const matches = (p: { name: string; note: string }) => !q || `${p.name} ${p.note}`.toLowerCase().includes(q);
  // Files are checked here first for a quick answer (the server checks them again).
  const send = async (
    prev: ActionResult<{ messageId: number }> | null,
    form: FormData,
  ): Promise<ActionResult<{ messageId: number }>> => {
    const chosen = form.getAll("files").filter((f): f is File => f instanceof File && f.name !== "");
    const problem = checkSelected(chosen);
    setFileError(null);
    if (problem) return fail("INVALID_INPUT", problem);
    return sendMessageAction(prev, form);
  };

  return (
    <ActionForm action={send} framed status="manual" label="Новое сообщение" resetOnSuccess={false}>
      <div className="space-y-4">
        {draft?.replyToId && <input type="hidden" name="replyTo" value={draft.replyToId} />}
        <fieldset className="space-y-2">
          <legend className="font-medium">Кому</legend>
          {draft?.people.map((p) => (
            <label key={p.userId} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="person" value={p.userId} defaultChecked />
              {p.name}
            </label>
          ))}
          {options.persons.length > 0 && (
            <>
              <Input
                className="w-full"
                type="search"
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
                placeholder="Найти по фамилии, предмету, классу"
                aria-label="Найти получателя"
              />
              <ul className="max-h-64 space-y-1 overflow-y-auto rounded border border-slate-100 p-2 text-sm">
                {options.persons.map((p) =>
                  fixed.has(p.userId) ? null : (
                    <li key={p.userId} hidden={!matches(p)}>
                      <label className="flex items-start gap-2">
                        <input type="checkbox" name="person" value={p.userId} />
                        <span>
                          {p.name}
                          {p.note && <span className="block text-xs text-slate-500">{p.note}</span>}
                        </span>
                      </label>
                    </li>
                  ),
                )}
              </ul>
            </>
          )}
          {options.persons.length === 0 && !draft && (
            <p className="text-sm text-slate-500">Нет доступных получателей.</p>
          )}
          {options.roles && (
            <details className="text-sm">
              <summary className="cursor-pointer text-blue-700">Всем с ролью…</summary>
              <div className="mt-2 grid grid-cols-2 gap-1 sm:grid-cols-3">
                {ROLES.map((r) => (
                  <label key={r} className="flex items-center gap-2">
                    <input type="checkbox" name="role" value={r} />
                    {roleLabel(r, kind)}
                  </label>
                ))}
              </div>
            </details>
          )}
          {options.classes.length > 0 && (
            <details className="text-sm">
              <summary className="cursor-pointer text-blue-700">
                {cap(vocabulary(kind).student.datPl)} и родителям {vocabulary(kind).class.gen}…
              </summary>
              <div className="mt-2 grid grid-cols-4 gap-1 sm:grid-cols-8">
                {options.classes.map((c) => (
                  <label key={c.id} className="flex items-center gap-1">
                    <input type="checkbox" name="class" value={c.id} />
                    {c.name}
                  </label>
                ))}
              </div>
            </details>
          )}
        </fieldset>
        <Field label="Тема" name="subject">
          <Input className="w-full" required maxLength={200} defaultValue={draft?.subject ?? ""} />
        </Field>
        <Field label="Текст" name="body">
          <Textarea required maxLength={20000} rows={8} />
        </Field>
        <Field label="Файлы" name="files" hint={`до ${MAX_FILES_PER_ITEM} файлов, каждый не больше 10 МБ`}>
          <FileInput multiple accept={ACCEPT} onChange={(e) => setFileError(checkSelected(e.target.files))} />
        </Field>
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton>Отправить</SubmitButton>
          <div data-testid="compose-error">
            {fileError ? (
              <p role="alert" className="text-sm text-red-700">
                {fileError}
              </p>
            ) : (
              <FormStatus success={null} />
            )}
          </div>
        </div>
      </div>
    </ActionForm>
  );
}
