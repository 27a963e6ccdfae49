// A teacher's portfolio (LRN-5): qualification category, courses, awards, with the documents'
// scans; kept by the teacher themself (portfolio.edit), read by the administration (portfolio.view
// «all» / «dept»); printable as PDF.
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { z } from "zod";
import { requireAccess } from "@/lib/access/guard";
import { isoDate, todayIn } from "@/lib/org/time";
import { staffPortfolioRights } from "@/lib/portfolio/access";
import { loadStaffPortfolio } from "@/lib/portfolio/loaders";
import { Panel } from "@/components/home/panel";
import { DeleteStaffEntry, StaffAchievementForm } from "@/components/portfolio/portfolio-forms";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { formatNumber } from "@/lib/org/vocabulary";
import { idSchema } from "@/lib/schema";

export const metadata: Metadata = { title: "Портфолио педагога" };

const params = z.object({ userId: idSchema });

export default async function StaffPortfolioPage({ params: raw }: { params: Promise<{ userId: string }> }) {
  const { user } = await requireAccess(["portfolio.view", "portfolio.edit"]);
  const parsed = params.safeParse(await raw);
  if (!parsed.success) notFound();
  const rights = await staffPortfolioRights(user, parsed.data.userId);
  if (!rights.view) forbidden();
  const view = await loadStaffPortfolio(user, parsed.data.userId, rights);
  if (!view) notFound();
  return (
    <div className="space-y-4">
      <PageHeader
        back={{ href: "/portfolio", label: "Портфолио" }}
        title={`Портфолио педагога: ${view.fullName}`}
        subtitle={[view.position, view.category && `категория: ${view.category}`].filter(Boolean).join(" · ")}
        actions={
          <ButtonLink href={`/portfolio/staff/${view.userId}/pdf`} download>
            Портфолио (PDF)
          </ButtonLink>
        }
      />
      {view.entries.length === 0 ? (
        <p className="text-sm text-slate-500">Записей пока нет.</p>
      ) : (
        <ul
          className="divide-y divide-slate-200 rounded border border-slate-200 bg-white"
          aria-label="Записи портфолио"
        >
          {view.entries.map((e) => (
            <li key={e.id} className="space-y-0.5 p-3">
              <div className="flex flex-wrap items-baseline gap-x-2">
                <span className="font-medium">{e.title}</span>
                <span className="text-xs text-slate-500">{e.kind}</span>
                {view.canEdit && <DeleteStaffEntry entryId={e.id} title={e.title} />}
              </div>
              <p className="text-xs text-slate-600">
                {[
                  e.date,
                  e.issuer,
                  e.hours && `${formatNumber(Number(e.hours))} ч.`,
                  e.documentNumber && `№ ${e.documentNumber}`,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
              {e.file && (
                <a href={e.file.url} className="text-sm text-blue-700 hover:underline">
                  {e.file.name}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
      {view.canEdit && (
        <Panel title="Добавить запись">
          <StaffAchievementForm userId={view.userId} today={isoDate(todayIn(user.timeZone))} />
        </Panel>
      )}
    </div>
  );
}
