// «Тарификация» (ORG-6): teacher ↔ class/group ↔ subject (↔ subgroup) ↔ hours per week.
import { cap, formatNumber } from "@/lib/org/vocabulary";
import type { Metadata } from "next";
import { requireCurriculumClass } from "@/lib/org/setup/class-choice";
import { loadLoads, loadSubjects, loadTeachers } from "@/lib/org/setup/loaders";
import { DirectoryTable } from "@/components/org/directory-table";
import { ClassPicker } from "@/components/org/class-picker";
import { newRowOf, rowsOf, selectField } from "@/components/org/rows";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Тарификация" };

export default async function LoadPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const choice = await requireCurriculumClass(await searchParams);
  if ("missing" in choice) return <p>{choice.missing}</p>;
  const { user, v, year, classes, cls, editable } = choice;
  const [loads, subjects, teachers] = await Promise.all([
    loadLoads(user, year.id, cls.id),
    loadSubjects(user),
    loadTeachers(user),
  ]);
  const fields = [
    selectField("teacherId", cap(v.teacher.nom), teachers, "—"),
    selectField("classId", cap(v.class.nom), [cls]),
    selectField("subjectId", cap(v.subject.nom), subjects, "—"),
    selectField("subgroupId", "Подгруппа", cls.subgroups, v.wholeClass),
    { name: "hoursPerWeek", label: "Часов в неделю" },
  ];
  return (
    <div className="space-y-4">
      <PageHeader title={<>Тарификация · {year.name}</>} />
      <ClassPicker path="/org/load" classes={classes} current={cls.id} kind={v.kind} />
      <DirectoryTable
        title={`Нагрузка в ${v.class.prep} ${cls.name}`}
        fields={fields}
        widths={["minmax(0,2fr)", "6rem", "minmax(0,2fr)", "9rem", "6rem"]}
        rows={rowsOf("load", loads, fields, editable)}
        newRow={editable ? newRowOf("load", null, { classId: String(cls.id) }) : null}
      />
      <p className="text-sm text-slate-600">
        Итого в {v.class.prep} {cls.name}: {formatNumber(loads.reduce((n, l) => n + Number(l.hoursPerWeek), 0))} ч в
        неделю (подгруппы считаются отдельно).{" "}
        <a className="text-blue-700 hover:underline" href="/org/curriculum/totals">
          Сравнить с учебным планом
        </a>
      </p>
    </div>
  );
}
