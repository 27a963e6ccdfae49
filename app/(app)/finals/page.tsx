// «Итоговые отметки» (FIN-1…FIN-5): `/finals?classId=&subjectId=&periodId=`. Any finals permission
// opens the page; the sheet itself is authorised on its class × subject; who may set which student's
// final is decided per row (FIN-4) and again on every save.
import type { Metadata } from "next";
import { forbidden, redirect } from "next/navigation";
import { requireAccess } from "@/lib/access/guard";
import { loadFinalsChoices, loadFinalsPage } from "@/lib/finals/loaders";
import { finalsQuerySchema } from "@/lib/finals/schema";
import { FinalsPicker } from "@/components/finals/finals-picker";
import { FinalsTable } from "@/components/finals/finals-table";
import { ClosedYearNote, YearTabs } from "@/components/org/year-tabs";
import { loadYears } from "@/lib/org/year/loaders";
import { choosePickerHint, vocabulary } from "@/lib/org/vocabulary";
import { pickYear } from "@/lib/org/year/rules";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Итоговые отметки" };

type Search = Record<string, string | string[] | undefined>;

export default async function FinalsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { user } = await requireAccess(["finals.viewAll", "finals.viewOwn", "finals.editAll", "finals.editOwn"]);
  const search = await searchParams;
  const one = (k: string) => (typeof search[k] === "string" ? (search[k] as string) : undefined);
  const pick = one("pick");
  if (pick && /^\d+:\d+$/.test(pick)) {
    const [classId, subjectId] = pick.split(":");
    const period = one("periodId");
    redirect(
      `/finals?classId=${classId}&subjectId=${subjectId}${period && /^\d+$/.test(period) ? `&periodId=${period}` : ""}`,
    );
  }
  const parsed = finalsQuerySchema.safeParse({
    classId: one("classId") || undefined,
    subjectId: one("subjectId") || undefined,
    periodId: one("periodId") || undefined,
    year: one("year") || undefined,
  });
  const req = parsed.success ? parsed.data : {};
  const [years, page] = await Promise.all([loadYears(user), loadFinalsPage(user, req)]);
  if (page.kind === "forbidden") forbidden();
  const college = user.orgKind === "COLLEGE";
  // DAY-6: the organisation's words (группа, дисциплина at a college).
  const v = vocabulary(user.orgKind);
  const head = page.kind === "sheet" || page.kind === "no-periods" ? page.head : null;
  // The year of the open sheet, else the one asked for, else the current one (REC-3).
  const year = pickYear(years, head ? head.cls.yearId : "year" in req ? req.year : undefined);
  const pastYear = year && !year.isCurrent ? year.id : null;
  const choices = await loadFinalsChoices(user, undefined, pastYear);
  return (
    <div className="space-y-3">
      <PageHeader
        title={head ? `Итоговые отметки: ${head.cls.name} · ${head.subject.name}` : "Итоговые отметки"}
        actions={
          page.kind === "sheet" &&
          !page.rights.editAll &&
          !page.rights.editOwn && (
            <span className="rounded bg-slate-100 px-2 py-1 text-xs text-slate-600">только просмотр</span>
          )
        }
      />
      <YearTabs
        years={years.map((y) => ({ ...y, href: y.isCurrent ? "/finals" : `/finals?year=${y.id}` }))}
        selectedId={year?.id ?? null}
      />
      {head?.yearClosed && <ClosedYearNote what="итоговые отметки открыты" />}
      <FinalsPicker
        yearId={pastYear}
        choices={choices}
        classId={head?.cls.id ?? null}
        subjectId={head?.subject.id ?? null}
        periods={head?.periods ?? []}
        periodId={page.kind === "sheet" ? page.period.id : null}
        college={college}
      />
      {page.kind === "none" && (
        <p className="text-sm text-slate-600">
          {choices.length === 0
            ? pastYear
              ? `В ${year?.name} учебном году нет доступных вам ${v.class.genPl} и ${v.subject.genPl}.`
              : `Нет доступных ${v.class.genPl} и ${v.subject.genPl}: нагрузка (тарификация) не назначена.`
            : choosePickerHint(v)}
        </p>
      )}
      {page.kind === "no-periods" && (
        <p className="text-sm text-slate-600">Для класса не заданы периоды учебного года.</p>
      )}
      {page.kind === "sheet" && (
        <>
          {page.closed && (
            <p
              role="status"
              className="rounded border border-slate-300 bg-slate-50 px-3 py-1 text-sm text-slate-800"
              data-testid="finals-closed"
            >
              {page.closed}
            </p>
          )}
          {page.warning && (
            <p
              role="status"
              className="rounded border border-amber-300 bg-amber-50 px-3 py-1 text-sm text-amber-900"
              data-testid="finals-warning"
            >
              {page.period.name}: {page.warning}
            </p>
          )}
          <p className="text-xs text-slate-500">
            Средний балл и рекомендуемая отметка — за период «{page.period.name}» по способу усреднения и порогу
            округления организации; учитель может выставить другую отметку. После выставления итоговой отметки текущие
            отметки периода закрыты для изменений.
          </p>
          <FinalsTable
            key={`${page.head.cls.id}:${page.head.subject.id}:${page.period.id}`}
            classId={page.head.cls.id}
            subjectId={page.head.subject.id}
            columns={page.columns}
            rows={page.rows}
            periodName={page.period.name}
          />
        </>
      )}
    </div>
  );
}
