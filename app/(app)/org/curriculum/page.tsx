// «Учебный план» (ORG-6): hours per class × subject × period (no period = the whole year).
import { CONTROL_KINDS, CONTROL_LABELS } from "@/lib/journal/marks";
import { cap } from "@/lib/org/vocabulary";
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { requireCurriculumClass } from "@/lib/org/setup/class-choice";
import { loadCurriculum, loadSubjects, loadYears } from "@/lib/org/setup/loaders";
import { DirectoryTable } from "@/components/org/directory-table";
import { ClassPicker } from "@/components/org/class-picker";
import { newRowOf, rowsOf, selectField } from "@/components/org/rows";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Учебный план" };

export default async function CurriculumPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const choice = await requireCurriculumClass(await searchParams);
  if ("missing" in choice) return <p>{choice.missing}</p>;
  const { user, v, year, classes, cls, editable } = choice;
  const [items, subjects, years] = await Promise.all([
    loadCurriculum(user, cls.id),
    loadSubjects(user),
    loadYears(user),
  ]);
  const periods = years.find((y) => y.id === year.id)?.periods ?? [];
  const fields = [
    selectField("classId", cap(v.class.nom), [cls]),
    selectField("subjectId", cap(v.subject.nom), subjects, "—"),
    selectField("periodId", "Период", periods, "весь год"),
    { name: "hours", label: "Часы" },
    {
      name: "controlKind",
      label: "Форма контроля",
      type: "select" as const,
      options: CONTROL_KINDS.map((k) => ({ value: k, label: CONTROL_LABELS.full[k] })),
    },
  ];
  return (
    <div className="space-y-4">
      <PageHeader
        title={<>Учебный план · {year.name}</>}
        actions={
          <Link className="text-sm text-blue-700 hover:underline" href="/org/curriculum/totals">
            Итоги и сравнение с тарификацией
          </Link>
        }
      />
      <ClassPicker path="/org/curriculum" classes={classes} current={cls.id} kind={v.kind} />
      <DirectoryTable
        title={`Часы ${v.class.gen} ${cls.name}`}
        fields={fields}
        widths={["6rem", "minmax(0,3fr)", "10rem", "5rem", "10rem"]}
        rows={rowsOf("curriculum", items, fields, editable)}
        newRow={editable ? newRowOf("curriculum", null, { classId: String(cls.id), controlKind: "NONE" }) : null}
      />
    </div>
  );
}
