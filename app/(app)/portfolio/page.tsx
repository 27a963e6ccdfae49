// «Портфолио» (LRN-5): where each reader's portfolios are — a family's children; the class
// teacher's class with the entries waiting for confirmation; the classes of the teacher's load (to
// add an achievement); every class and every teacher for the administration; one's own teacher
// portfolio.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { authorize } from "@/lib/access/authorize";
import { requireAccess } from "@/lib/access/guard";
import { loadDiaryStudents } from "@/lib/diary/loaders";
import { loadPortfolioIndex } from "@/lib/portfolio/loaders";
import { Panel } from "@/components/home/panel";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Портфолио" };

export default async function PortfolioIndexPage() {
  const { user } = await requireAccess(["portfolio.view", "portfolio.edit"]);
  const [view, edit, children] = await Promise.all([
    authorize(user, "portfolio.view"),
    authorize(user, "portfolio.edit"),
    loadDiaryStudents(user),
  ]);
  const index = await loadPortfolioIndex(
    user,
    { view: view.allowed ? view.scopes : [], edit: edit.allowed ? edit.scopes : [] },
    children,
  );
  const onlyFamily = index.classes.length === 0 && index.teachers.length === 0 && !index.ownStaffPortfolio;
  if (onlyFamily && children.length === 1) redirect(`/portfolio/${children[0].studentId}`);
  return (
    <div className="space-y-4">
      <PageHeader title="Портфолио" />
      {children.length > 0 && (
        <Panel title="Портфолио детей">
          <ul className="flex flex-wrap gap-3 text-sm">
            {children.map((c) => (
              <li key={c.studentId}>
                <Link href={`/portfolio/${c.studentId}`} className="text-blue-700 hover:underline">
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
        </Panel>
      )}
      {index.ownStaffPortfolio && (
        <p className="text-sm">
          <Link href={`/portfolio/staff/${user.id}`} className="font-medium text-blue-700 hover:underline">
            Моё портфолио педагога
          </Link>{" "}
          <span className="text-slate-500">— квалификационная категория, курсы, награды</span>
        </p>
      )}
      {index.classes.map((c) => (
        <section key={c.id} className="rounded border border-slate-200 bg-white p-3" aria-label={`Класс ${c.name}`}>
          <h2 className="mb-1 font-semibold">
            {c.name}
            {c.students.some((s) => s.pending > 0) && (
              <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs font-normal text-amber-900">
                ждут подтверждения: {c.students.reduce((n, s) => n + s.pending, 0)}
              </span>
            )}
          </h2>
          <ul className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
            {c.students.map((s) => (
              <li key={s.id}>
                <Link href={`/portfolio/${s.id}`} className="text-blue-700 hover:underline">
                  {s.name}
                </Link>
                {s.pending > 0 && <span className="ml-1 text-xs text-amber-800">({s.pending} на проверке)</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {index.teachers.length > 0 && (
        <Panel title="Портфолио педагогов">
          <ul className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
            {index.teachers.map((t) => (
              <li key={t.id}>
                <Link href={`/portfolio/staff/${t.id}`} className="text-blue-700 hover:underline">
                  {t.name}
                </Link>
              </li>
            ))}
          </ul>
        </Panel>
      )}
      {onlyFamily && children.length === 0 && <p className="text-sm text-slate-500">Нет доступных портфолио.</p>}
    </div>
  );
}
