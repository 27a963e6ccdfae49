// «Переход на новый учебный год» (ORG-3, PPL-4): ADMIN only.
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { todayIn } from "@/lib/org/time";
import { loadTransitionForm } from "@/lib/org/year/loaders";
import { YearWizard } from "@/components/org/year-wizard";

export const metadata: Metadata = { title: "Новый учебный год" };

export default async function YearTransitionPage() {
  const { user } = await requireAccess("year.transition");
  const form = await loadTransitionForm(user);
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">Переход на новый учебный год</h1>
      {form ? (
        <>
          <p className="max-w-3xl text-sm text-slate-600">
            Текущий год {form.yearName} закрывается, создаётся следующий с теми же периодами и каникулами, сдвинутыми на
            год; классы переводятся в следующий (5А → 6А, курс +1), выпускники отчисляются приказом. Все изменения
            выполняются одной операцией после предпросмотра.
          </p>
          <YearWizard
            classes={form.classes}
            students={form.students}
            today={todayIn(user.timeZone).toISOString().slice(0, 10)}
          />
        </>
      ) : (
        <p>Текущий учебный год не задан.</p>
      )}
    </div>
  );
}
