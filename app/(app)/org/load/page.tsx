// «Тарификация» (ORG-6): teacher ↔ class/group ↔ subject (↔ subgroup) ↔ hours per week.
import { cap, formatNumber, vocabulary } from "@/lib/org/vocabulary";
import type { Metadata } from "next";
import { z } from "zod";
import { authorize } from "@/lib/access/authorize";
import { requireAccess } from "@/lib/access/guard";
import { loadClassesOfYear, loadCurrentYear, loadLoads, loadSubjects, loadTeachers } from "@/lib/org/setup/loaders";
import { DirectoryTable } from "@/components/org/directory-table";
import { ClassPicker } from "@/components/org/class-picker";
import { newRowOf, rowsOf } from "@/components/org/rows";
import { idSchema } from "@/lib/schema";

export const metadata: Metadata = { title: "Тарификация" };

const search = z.object({ classId: idSchema.optional() });

export default async function LoadPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user } = await requireAccess("curriculum.view");
  const v = vocabulary(user.orgKind);
  const year = await loadCurrentYear(user);
  if (!year) return <p>Текущий учебный год не задан.</p>;
  const classes = await loadClassesOfYear(user, year.id);
  const q = search.safeParse(await searchParams);
  const cls = classes.find((c) => c.id === (q.success ? q.data.classId : undefined)) ?? classes[0];
  if (!cls) return <p>{cap(v.class.genPl)} нет.</p>;
  const edit = await authorize(user, "curriculum.edit", { kind: "class", classId: cls.id });
  const editable = edit.allowed && year.status !== "CLOSED";
  const [loads, subjects, teachers] = await Promise.all([
    loadLoads(user, year.id, cls.id),
    loadSubjects(user),
    loadTeachers(user),
  ]);
  const fields = [
    {
      name: "teacherId",
      label: cap(v.teacher.nom),
      type: "select" as const,
      options: [{ value: "", label: "—" }, ...teachers.map((t) => ({ value: String(t.id), label: t.name }))],
    },
    {
      name: "classId",
      label: cap(v.class.nom),
      type: "select" as const,
      options: [{ value: String(cls.id), label: cls.name }],
    },
    {
      name: "subjectId",
      label: "Предмет",
      type: "select" as const,
      options: [{ value: "", label: "—" }, ...subjects.map((s) => ({ value: String(s.id), label: s.name }))],
    },
    {
      name: "subgroupId",
      label: "Подгруппа",
      type: "select" as const,
      options: [
        { value: "", label: "весь класс" },
        ...cls.subgroups.map((s) => ({ value: String(s.id), label: s.name })),
      ],
    },
    { name: "hoursPerWeek", label: "Часов в неделю" },
  ];
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Тарификация · {year.name}</h1>
      <ClassPicker path="/org/load" classes={classes} current={cls.id} />
      <DirectoryTable
        title={`Нагрузка в классе ${cls.name}`}
        fields={fields}
        widths={["minmax(0,2fr)", "6rem", "minmax(0,2fr)", "9rem", "6rem"]}
        rows={rowsOf(
          "load",
          loads,
          fields.map((f) => f.name),
          editable,
        )}
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
