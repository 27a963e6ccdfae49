// A student's portfolio (LRN-5, seed 001 §2.9): olympiads, competitions, certificates, projects and
// sport with level, result and a diploma's file. The student and a parent add entries that wait for
// the class teacher's confirmation (shown «не подтверждено» until then); staff entries are confirmed
// at once. portfolio.view reads everything; a teacher with portfolio.edit only («own») sees and adds
// their own entries for the students they teach. Printable as PDF.
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { z } from "zod";
import { requireAccess } from "@/lib/access/guard";
import { isoDate, todayIn } from "@/lib/org/time";
import { studentPortfolioRights } from "@/lib/portfolio/access";
import { loadStudentPortfolio } from "@/lib/portfolio/loaders";
import { Panel } from "@/components/home/panel";
import { AchievementForm, DecisionButtons } from "@/components/portfolio/portfolio-forms";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { idSchema } from "@/lib/schema";
import { vocabulary } from "@/lib/org/vocabulary";

export const metadata: Metadata = { title: "Портфолио" };

const params = z.object({ studentId: idSchema });

const TONE = {
  PENDING: "bg-amber-100 text-amber-900",
  CONFIRMED: "bg-emerald-100 text-emerald-900",
  REJECTED: "bg-slate-200 text-slate-700",
};

export default async function StudentPortfolioPage({ params: raw }: { params: Promise<{ studentId: string }> }) {
  const parsed = params.safeParse(await raw);
  if (!parsed.success) notFound();
  const { studentId } = parsed.data;
  const { user } = await requireAccess(["portfolio.view", "portfolio.edit"], { kind: "student", studentId });
  const rights = await studentPortfolioRights(user, studentId);
  if (!rights.view && !rights.add) forbidden();
  const view = await loadStudentPortfolio(user, studentId, rights);
  if (!view) notFound();
  const v = vocabulary(user.orgKind);
  return (
    <div className="space-y-4">
      <PageHeader
        back={{ href: "/portfolio", label: "Портфолио" }}
        title={`Портфолио: ${view.student.fullName}`}
        subtitle={view.student.className ?? `не зачислен в ${v.class.acc}`}
        actions={
          view.seesAll && (
            <ButtonLink href={`/portfolio/${studentId}/pdf`} download>
              Портфолио (PDF)
            </ButtonLink>
          )
        }
      />
      {!view.seesAll && <p className="text-sm text-slate-600">Показаны достижения, которые добавили вы.</p>}
      {view.entries.length === 0 ? (
        <p className="text-sm text-slate-500">Достижений пока нет.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white" aria-label="Достижения">
          {view.entries.map((e) => (
            <li key={e.id} className="space-y-1 p-3" data-status={e.status}>
              <div className="flex flex-wrap items-baseline gap-x-2">
                <span className="font-medium">{e.title}</span>
                <span className={`rounded px-1.5 text-xs ${TONE[e.status]}`}>{e.statusLabel}</span>
              </div>
              <p className="text-xs text-slate-600">
                {e.date} · {e.kind} · {e.level} уровень{e.result ? ` · ${e.result}` : ""}
                {e.subject ? ` · ${e.subject}` : ""} · добавил(а) {e.addedBy}
              </p>
              {e.status === "CONFIRMED" && <p className="text-xs text-slate-500">{e.statusLine}</p>}
              {e.rejectReason && <p className="text-xs text-slate-600">Причина отклонения: {e.rejectReason}</p>}
              {e.file && (
                <a href={e.file.url} className="text-sm text-blue-700 hover:underline">
                  {e.file.name}
                </a>
              )}
              {(e.decidable || e.removable) && (
                <DecisionButtons achievementId={e.id} decidable={e.decidable} removable={e.removable} title={e.title} />
              )}
            </li>
          ))}
        </ul>
      )}
      {rights.add && (
        <Panel title="Добавить достижение">
          {rights.family && !rights.confirm && (
            <p className="mb-2 text-xs text-slate-600">
              Запись появится в портфолио как «не подтверждено», пока её не проверит {v.classTeacher.nom}.
            </p>
          )}
          <AchievementForm studentId={studentId} today={isoDate(todayIn(user.timeZone))} />
        </Panel>
      )}
    </div>
  );
}
