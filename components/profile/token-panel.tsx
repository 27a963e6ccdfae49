"use client";
// API-2: create a personal access token (shown once) and revoke tokens.
import { createTokenAction, revokeTokenAction } from "@/lib/api/actions";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
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

const TOKEN_COLUMNS: readonly DataColumn[] = [
  { key: "name", header: "Название", rowHeader: true },
  { key: "scope", header: "Права" },
  { key: "created", header: "Создан" },
  { key: "used", header: "Последнее использование" },
  { key: "state", header: "Состояние" },
];

export function TokenTable({ rows }: { rows: TokenRow[] }) {
  return (
    <DataTable
      label="Токены"
      empty="Токенов нет."
      columns={TOKEN_COLUMNS}
      rows={rows.map((t) => ({
        key: t.id,
        cells: {
          name: t.name,
          scope: t.scope === "write" ? "чтение и запись" : "только чтение",
          created: t.createdAt,
          used: t.lastUsedAt ?? "—",
          state: t.revokedAt ? `отозван ${t.revokedAt}` : <RevokeButton tokenId={t.id} />,
        },
      }))}
    />
  );
}
