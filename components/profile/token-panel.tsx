"use client";
// API-2: create a personal access token (shown once) and revoke tokens.
import { createTokenAction, revokeTokenAction } from "@/lib/api/actions";
import { Field, Input } from "@/components/ui/field";
import { FormButton } from "@/components/ui/form-button";
import { SecretForm } from "@/components/ui/secret-form";
import { SubmitButton } from "@/components/ui/submit-button";

export type TokenRow = {
  id: number;
  name: string;
  scope: "read" | "write";
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export function CreateTokenForm() {
  return (
    <SecretForm
      action={createTokenAction}
      label="Новый токен"
      secretOf={(d) => d.token}
      secretLabel="Ваш токен (показывается один раз — скопируйте его сейчас)"
    >
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Название (для себя: где он используется)" name="name">
          <Input className="w-72" required maxLength={100} />
        </Field>
        <fieldset className="flex gap-3">
          <legend className="text-xs text-slate-500">Права</legend>
          <label className="flex items-center gap-1">
            <input type="radio" name="scope" value="read" defaultChecked /> только чтение
          </label>
          <label className="flex items-center gap-1">
            <input type="radio" name="scope" value="write" /> чтение и запись
          </label>
        </fieldset>
        <SubmitButton>Создать токен</SubmitButton>
      </div>
    </SecretForm>
  );
}

function RevokeButton({ tokenId }: { tokenId: number }) {
  return (
    <FormButton action={revokeTokenAction} values={{ tokenId }} variant="danger" statusClassName="ml-2 inline">
      Отозвать
    </FormButton>
  );
}

export function TokenTable({ rows }: { rows: TokenRow[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">Токенов нет.</p>;
  return (
    <table className="w-full border-collapse text-sm">
      <thead>
        <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
          <th className="py-1 pr-3">Название</th>
          <th className="py-1 pr-3">Права</th>
          <th className="py-1 pr-3">Создан</th>
          <th className="py-1 pr-3">Последнее использование</th>
          <th className="py-1">Состояние</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((t) => (
          <tr key={t.id} className="border-b border-slate-100">
            <td className="py-1 pr-3">{t.name}</td>
            <td className="py-1 pr-3">{t.scope === "write" ? "чтение и запись" : "только чтение"}</td>
            <td className="py-1 pr-3">{t.createdAt}</td>
            <td className="py-1 pr-3">{t.lastUsedAt ?? "—"}</td>
            <td className="py-1">{t.revokedAt ? `отозван ${t.revokedAt}` : <RevokeButton tokenId={t.id} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
