// «Пользователи органов управления образованием» (REG-1): the authority logins of the territory.
// REGIONAL_ADMIN (region.users) issues logins for its region and the region's municipalities,
// blocks / unblocks them and resets passwords (a one-time password shown once); heads
// (region.staff) see who holds access to their territory's figures, read-only.
import type { Metadata } from "next";
import { requireAccessAsAuthority } from "@/lib/access/guard";
import { authorityAllows } from "@/lib/access/authority";
import { AUTHORITY_ROLES, AUTHORITY_ROLE_LABELS } from "@/lib/auth/authority/rules";
import { loadAuthorityAccounts, loadRegionMunicipalities } from "@/lib/auth/authority/loaders";
import {
  issueAuthorityLoginAction,
  resetAuthorityPasswordAction,
  setAuthorityActiveAction,
} from "@/lib/region/users/actions";
import { formatDateTime } from "@/lib/org/time";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ActionForm } from "@/components/ui/action-form";
import { ActionButton } from "@/components/ui/action-button";
import { Field, Input, Select } from "@/components/ui/field";
import { optionsOf } from "@/components/ui/options";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Пользователи органов управления образованием" };

export default async function RegionUsersPage() {
  const { authority } = await requireAccessAsAuthority("region.staff");
  const manage = authorityAllows(authority.role, "region.users");
  const [accounts, municipalities] = await Promise.all([
    loadAuthorityAccounts(authority),
    manage ? loadRegionMunicipalities(authority) : Promise.resolve([]),
  ]);
  const now = new Date();
  return (
    <div className="space-y-4">
      <PageHeader title="Пользователи органов управления образованием" />
      {manage && (
        <Card title="Выдать логин">
          <ActionForm action={issueAuthorityLoginAction} layout="inline" submitLabel="Выдать логин" label="Новый логин">
            <Field label="Фамилия" name="lastName" required>
              <Input required maxLength={100} />
            </Field>
            <Field label="Имя" name="firstName" required>
              <Input required maxLength={100} />
            </Field>
            <Field label="Отчество" name="middleName">
              <Input maxLength={100} />
            </Field>
            <Field label="Роль" name="role" required>
              <Select
                required
                placeholder="Выберите роль"
                options={AUTHORITY_ROLES.map((r) => ({ value: r, label: AUTHORITY_ROLE_LABELS[r] }))}
              />
            </Field>
            <Field label="Муниципалитет" name="municipalityId" hint="Только для муниципальных ролей">
              <Select placeholder="— весь регион —" options={optionsOf(municipalities)} />
            </Field>
          </ActionForm>
        </Card>
      )}
      <DataTable
        label="Логины органов управления образованием"
        empty="Логинов пока нет"
        search={{ label: "Поиск", placeholder: "Фамилия или логин" }}
        columns={[
          { key: "name", header: "ФИО", rowHeader: true, sortable: true },
          { key: "login", header: "Логин", sortable: true },
          { key: "role", header: "Роль", sortable: true },
          { key: "place", header: "Территория", sortable: true },
          { key: "state", header: "Состояние" },
          { key: "last", header: "Последний вход", sortable: true, descFirst: true },
          ...(manage ? [{ key: "actions", header: "Действия" }] : []),
        ]}
        rows={accounts.map((a) => ({
          key: a.id,
          cells: {
            name: a.fullName,
            login: a.login,
            role: AUTHORITY_ROLE_LABELS[a.role],
            place: a.municipality ?? "Весь регион",
            state: !a.isActive
              ? "Заблокирован"
              : a.lockedUntil && a.lockedUntil > now
                ? "Вход временно заблокирован"
                : a.mustChangePassword
                  ? "Ждёт первого входа"
                  : "Активен",
            last: {
              value: a.lastSignInAt ? formatDateTime(a.lastSignInAt, authority.timeZone) : "—",
              sort: a.lastSignInAt?.getTime() ?? 0,
            },
            ...(manage
              ? {
                  actions: (
                    <span className="flex flex-wrap gap-1">
                      {a.id !== authority.id && (
                        <ActionButton
                          action={resetAuthorityPasswordAction.bind(null, a.id)}
                          confirm={`Сбросить пароль логина ${a.login}? Все его сеансы будут завершены.`}
                        >
                          Сбросить пароль
                        </ActionButton>
                      )}
                      {a.id !== authority.id && (
                        <ActionButton
                          action={setAuthorityActiveAction.bind(null, a.id, !a.isActive)}
                          variant={a.isActive ? "danger" : "secondary"}
                        >
                          {a.isActive ? "Заблокировать" : "Разблокировать"}
                        </ActionButton>
                      )}
                    </span>
                  ),
                }
              : {}),
          },
        }))}
      />
    </div>
  );
}
