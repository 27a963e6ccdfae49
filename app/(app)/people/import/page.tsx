// «Импорт списка класса» (PPL-5): admission of a whole list by one order.
import { cap, vocabulary } from "@/lib/org/vocabulary";
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { isoDate, todayIn } from "@/lib/org/time";
import { classesInScope } from "@/lib/people/lists/loaders";
import { ImportWizard } from "@/components/people/import-wizard";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Импорт списка" };

export default async function ImportPage() {
  const { user, scopes } = await requireAccess("movement.edit");
  const v = vocabulary(user.orgKind);
  const classes = (await classesInScope(user, scopes)).filter((c) => c.yearStatus !== "CLOSED");
  return (
    <div className="space-y-3">
      <PageHeader title={<>Импорт списка {v.class.gen}</>} />
      <p className="max-w-3xl text-sm text-slate-600">
        {cap(v.student.nomPl)} из файла зачисляются в {v.class.acc} приказом (запись в книге движения). Сначала файл
        проверяется: ничего не записывается, пока вы не нажмёте «Импортировать»; строки с ошибками пропускаются.
      </p>
      <ImportWizard
        classes={classes.map(({ id, name }) => ({ id, name }))}
        today={isoDate(todayIn(user.timeZone))}
        kind={user.orgKind}
      />
    </div>
  );
}
