// People with their login state; checked rows are posted to the slip route, which issues logins
// or resets passwords and downloads the PDF of credential slips (AUTH-2, AUTH-3).
import type { IssueCandidate } from "@/lib/people/logins/data";
import { formatDateTime } from "@/lib/org/time";
import { setLoginActiveAction, unlockUserAction } from "@/lib/people/logins/actions";
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";

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
      <table className="w-full text-sm">
        <thead className="text-left text-xs text-slate-500">
          <tr>
            <th className="w-8"></th>
            <th>ФИО</th>
            <th>Логин</th>
            <th>Выдан</th>
            <th>Последний вход</th>
            <th>Блокировка</th>
            <th>Вход</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={`${p.kind}:${p.id}`} className="border-t border-slate-100">
              <td>
                <input
                  type="checkbox"
                  name="person"
                  value={`${p.kind}:${p.id}`}
                  aria-label={`Выдать памятку: ${p.fullName}`}
                />
              </td>
              <td>{p.fullName}</td>
              <td className="font-mono">{p.login ?? <span className="text-slate-400">нет</span>}</td>
              <td>{p.issuedAt ? formatDateTime(p.issuedAt, timeZone) : "—"}</td>
              <td>{p.lastSignInAt ? formatDateTime(p.lastSignInAt, timeZone) : "—"}</td>
              <td>
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
              </td>
              <td>
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
              </td>
            </tr>
          ))}
          {people.length === 0 && (
            <tr>
              <td colSpan={7} className="text-slate-500">
                Нет людей
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <Button type="submit">Выдать логины и распечатать памятки</Button>
      <p className="text-xs text-slate-500">
        Для отмеченных без логина создаётся логин; для остальных пароль сбрасывается. Пароли одноразовые и видны только
        в PDF.
      </p>
    </form>
  );
}
