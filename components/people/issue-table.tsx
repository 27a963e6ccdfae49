// People with their login state; checked rows are posted to the slip route, which issues logins
// or resets passwords and downloads the PDF of credential slips (AUTH-2, AUTH-3).
import type { IssueCandidate } from "@/lib/people/logins/data";
import { formatDateTime } from "@/lib/org/time";
import { setLoginActiveAction, unlockUserAction } from "@/lib/people/logins/actions";
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { RowTh, Table, Td, THead, Tr } from "@/components/ui/table";

/** `canClose`: the reader holds users.delete (ADMIN) and may close or reopen logins. */
export function IssueTable({
  title,
  people,
  timeZone,
  returnPath,
  canClose = false,
  selfUserId = null,
}: {
  title: string;
  people: IssueCandidate[];
  timeZone: string;
  returnPath: string;
  canClose?: boolean;
  /** The reader: no «Закрыть вход» on one's own row. */
  selfUserId?: number | null;
}) {
  const now = new Date();
  return (
    <form
      method="post"
      action="/people/logins/slips"
      className="space-y-2 rounded border border-slate-200 bg-white p-3"
    >
      <h2 className="font-semibold">{title}</h2>
      <Table label={title}>
        <THead
          headers={[
            { label: <span className="sr-only">Отметить</span>, className: "w-8" },
            "ФИО",
            "Логин",
            "Выдан",
            "Последний вход",
            "Блокировка",
            "Вход",
          ]}
        />
        <tbody>
          {people.map((p) => (
            <Tr key={`${p.kind}:${p.id}`}>
              <Td>
                <input
                  type="checkbox"
                  name="person"
                  value={`${p.kind}:${p.id}`}
                  aria-label={`Выдать памятку: ${p.fullName}`}
                />
              </Td>
              <RowTh>{p.fullName}</RowTh>
              <Td className="font-mono">{p.login ?? <span className="text-slate-400">нет</span>}</Td>
              <Td>{p.issuedAt ? formatDateTime(p.issuedAt, timeZone) : "—"}</Td>
              <Td>{p.lastSignInAt ? formatDateTime(p.lastSignInAt, timeZone) : "—"}</Td>
              <Td>
                {p.userId && p.lockedUntil && p.lockedUntil > now ? (
                  <ActionButton
                    action={unlockUserAction.bind(null, p.userId, returnPath)}
                    done="Снята"
                    aria-label={`Снять блокировку: ${p.fullName}`}
                  >
                    Снять блокировку
                  </ActionButton>
                ) : (
                  "—"
                )}
              </Td>
              <Td>
                {p.userId && !p.isActive && <span className="mr-1 text-xs text-red-700">закрыт</span>}
                {p.userId && canClose && p.userId !== selfUserId ? (
                  <ActionButton
                    action={setLoginActiveAction.bind(null, p.userId, !p.isActive, returnPath)}
                    done={p.isActive ? "Вход закрыт" : "Вход открыт"}
                    variant={p.isActive ? "danger" : "secondary"}
                    confirm={
                      p.isActive
                        ? `Закрыть вход для «${p.fullName}»? Все сеансы завершатся; карточка и история сохранятся.`
                        : undefined
                    }
                    aria-label={`${p.isActive ? "Закрыть вход" : "Открыть вход"}: ${p.fullName}`}
                  >
                    {p.isActive ? "Закрыть вход" : "Открыть вход"}
                  </ActionButton>
                ) : p.userId && p.isActive ? (
                  "открыт"
                ) : null}
                {!p.userId && "—"}
              </Td>
            </Tr>
          ))}
          {people.length === 0 && (
            <tr>
              <Td colSpan={7} className="py-3 text-center text-slate-500">
                Нет людей
              </Td>
            </tr>
          )}
        </tbody>
      </Table>
      <Button type="submit">Выдать логины и распечатать памятки</Button>
      <p className="text-xs text-slate-500">
        Для отмеченных без логина создаётся логин; для остальных пароль сбрасывается. Пароли одноразовые и видны только
        в PDF.
      </p>
    </form>
  );
}
