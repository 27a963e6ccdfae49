// «Портфолио» (LRN-5): where each reader's portfolios are — a family's children; the class
// teacher's class with the entries waiting for confirmation; the classes of the teacher's load (to
// add an achievement); every class and every teacher for the administration; one's own teacher
// portfolio. Issue 22 item 7: the pupils by class, surname and «ждут подтверждения», the first
// INDEX_PUPILS of them with the count of all (the whole school was ≈ 500 KB for the administration).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { authorize } from "@/lib/access/authorize";
import { requireAccess } from "@/lib/access/guard";
import { loadDiaryStudents } from "@/lib/diary/loaders";
import { loadPortfolioIndex } from "@/lib/portfolio/loaders";
import { Panel } from "@/components/home/panel";
import { PageHeader } from "@/components/ui/page-header";
import { PickerForm } from "@/components/ui/picker-form";
import { Checkbox, Field, Input, Select } from "@/components/ui/field";
import { optionsOf } from "@/components/ui/options";
import { cap, vocabulary } from "@/lib/org/vocabulary";

export const metadata: Metadata = { title: "Портфолио" };

// Plain links (their look declared once on the list): a <Link> per pupil costs a client reference and
// its props in the payload for every name.
const LINKS = "[&_a]:text-blue-700 [&_a:hover]:underline";

export default async function PortfolioIndexPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
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
    await searchParams,
  );
  const v = vocabulary(user.orgKind);
  const filtered = index.query.classId !== undefined || !!index.query.q || !!index.query.pending || !!index.error;
  const onlyFamily =
    index.classChoices.length === 0 && index.teachers.length === 0 && !index.ownStaffPortfolio && !filtered;
  if (onlyFamily && children.length === 1) redirect(`/portfolio/${children[0].studentId}`);
  return (
    <div className="space-y-4">
      <PageHeader title="Портфолио" />
      {children.length > 0 && (
        <Panel title="Портфолио детей">
          <ul className={`flex flex-wrap gap-3 text-sm ${LINKS}`}>
            {children.map((c) => (
              <li key={c.studentId}>
                <a href={`/portfolio/${c.studentId}`}>{c.name}</a>
              </li>
            ))}
          </ul>
        </Panel>
      )}
      {index.ownStaffPortfolio && (
        <p className="text-sm">
          <a href={`/portfolio/staff/${user.id}`} className="font-medium text-blue-700 hover:underline">
            Моё портфолио педагога
          </a>{" "}
          <span className="text-slate-500">— квалификационная категория, курсы, награды</span>
        </p>
      )}
      {index.classChoices.length > 1 && (
        <PickerForm label={`Отбор ${v.student.genPl}`} framed>
          <Field label={cap(v.class.nom)} name="classId">
            <Select
              defaultValue={index.query.classId ?? ""}
              placeholder="все"
              options={optionsOf(index.classChoices)}
            />
          </Field>
          <Field label="Фамилия" name="q">
            <Input defaultValue={index.query.q ?? ""} maxLength={60} />
          </Field>
          <Checkbox
            name="pending"
            value="1"
            defaultChecked={index.query.pending === "1"}
            label="только ждущие подтверждения"
            className="pb-1"
          />
        </PickerForm>
      )}
      {index.error && (
        <p role="alert" className="text-sm text-red-700">
          {index.error}
        </p>
      )}
      {!index.error && index.classChoices.length > 0 && (
        <p className="text-sm text-slate-600">
          {index.total === 0
            ? `${cap(v.student.genPl)} по этому отбору нет.`
            : index.total > index.shown
              ? `Показаны первые ${index.shown} из ${index.total} ${v.student.genPl} — выберите ${v.class.acc} или введите фамилию.`
              : `${cap(v.student.genPl)}: ${index.total}.`}
        </p>
      )}
      {index.classes.map((c) => (
        <section
          key={c.id}
          className="rounded border border-slate-200 bg-white p-3"
          aria-label={`${cap(v.class.nom)} ${c.name}`}
        >
          <h2 className="mb-1 font-semibold">
            {c.name}
            {c.pending > 0 && (
              <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs font-normal text-amber-900">
                ждут подтверждения: {c.pending}
              </span>
            )}
            {c.students.length < c.pupils && (
              <span className="ml-2 text-xs font-normal text-slate-500">
                показаны {c.students.length} из {c.pupils}
              </span>
            )}
          </h2>
          <ul className={`grid gap-x-4 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-3 ${LINKS}`}>
            {c.students.map((s) => (
              <li key={s.id}>
                <a href={`/portfolio/${s.id}`}>{s.name}</a>
                {s.pending > 0 && <span className="ml-1 text-xs text-amber-800">({s.pending} на проверке)</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {index.teachers.length > 0 && (
        <Panel title="Портфолио педагогов">
          <ul className={`grid gap-x-4 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-3 ${LINKS}`}>
            {index.teachers.map((t) => (
              <li key={t.id}>
                <a href={`/portfolio/staff/${t.id}`}>{t.name}</a>
              </li>
            ))}
          </ul>
        </Panel>
      )}
      {onlyFamily && children.length === 0 && <p className="text-sm text-slate-500">Нет доступных портфолио.</p>}
    </div>
  );
}
