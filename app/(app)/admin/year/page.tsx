// «Переход на новый учебный год» (ORG-3, PPL-4): ADMIN only. Below it the closed years (REC-2):
// «Открыть год для исправлений» with a reason (year.reopen) and «Закрыть год снова».
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { isoDate, todayIn } from "@/lib/org/time";
import { heldPermissions } from "@/lib/access/loaders";
import { formatDate, formatDateTime } from "@/lib/org/time";
import { loadTransitionForm } from "@/lib/org/year/loaders";
import { pastYears } from "@/lib/org/year/data";
import { YearWizard } from "@/components/org/year-wizard";
import { CloseYearAgainForm, ReopenYearForm } from "@/components/org/year-reopen";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Новый учебный год" };

export default async function YearTransitionPage() {
  const { user } = await requireAccess("year.transition");
  const [form, years, held] = await Promise.all([
    loadTransitionForm(user),
    pastYears(user.organisationId),
    heldPermissions(user.organisationId, user.id),
  ]);
  return (
    <div className="space-y-3">
      <PageHeader title="Переход на новый учебный год" />
      {form ? (
        <>
          <p className="max-w-3xl text-sm text-slate-600">
            Текущий год {form.yearName} закрывается, создаётся следующий с теми же периодами и каникулами, сдвинутыми на
            год; классы переводятся в следующий (5А → 6А, курс +1), выпускники отчисляются приказом. Все изменения
            выполняются одной операцией после предпросмотра.
          </p>
          <YearWizard classes={form.classes} students={form.students} today={isoDate(todayIn(user.timeZone))} />
        </>
      ) : (
        <p>Текущий учебный год не задан.</p>
      )}
      {years.length > 0 && (
        <section className="space-y-2 pt-4" aria-label="Закрытые учебные годы">
          <h2 className="text-lg font-semibold">Закрытые учебные годы</h2>
          <p className="max-w-3xl text-sm text-slate-600">
            Закрытый год не меняется ни для кого, включая администратора. Для исправления администратор открывает год с
            указанием причины; после исправлений год закрывается снова, и формируется новая редакция архива — прежние
            редакции и их контрольные суммы сохраняются.
          </p>
          <ul className="space-y-3">
            {years.map((y) => (
              <li key={y.id} className="rounded border border-slate-200 p-3" data-year={y.name}>
                <p className="text-sm">
                  <b>{y.name}</b>{" "}
                  {y.reopened
                    ? "— открыт для исправлений"
                    : y.status === "CLOSED"
                      ? `— закрыт${y.closedAt ? ` ${formatDate(y.closedAt)}` : ""}`
                      : "— не закрыт"}
                </p>
                {y.reopenings.map((r, i) => (
                  <p key={i} className="text-xs text-slate-500">
                    Открыт {formatDateTime(r.reopenedAt, user.timeZone)}: {r.reason}
                    {r.closedAgainAt ? `; закрыт снова ${formatDateTime(r.closedAgainAt, user.timeZone)}` : ""}
                    {r.archiveSetId ? `; архив № ${r.archiveSetId}` : ""}
                  </p>
                ))}
                <div className="mt-2">
                  {y.status === "CLOSED" && held.has("year.reopen") && <ReopenYearForm yearId={y.id} name={y.name} />}
                  {y.reopened && <CloseYearAgainForm yearId={y.id} name={y.name} />}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
