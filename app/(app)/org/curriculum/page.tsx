// «Учебный план» (ORG-6): hours per class × subject × period (no period = the whole year).
import { CONTROL_KINDS, CONTROL_LABELS } from "@/lib/journal/marks";
import { cap, vocabulary } from "@/lib/org/vocabulary";
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { authorize } from "@/lib/access/authorize";
import { requireAccess } from "@/lib/access/guard";
import { loadClassesOfYear, loadCurrentYear, loadCurriculum, loadSubjects, loadYears } from "@/lib/org/setup/loaders";
import { DirectoryTable } from "@/components/org/directory-table";
import { ClassPicker } from "@/components/org/class-picker";
import { newRowOf, rowsOf } from "@/components/org/rows";
import { idSchema } from "@/lib/schema";

export const metadata: Metadata = { title: "Учебный план" };

const search = z.object({ classId: idSchema.optional() });

export default async function CurriculumPage({
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
  const [items, subjects, years] = await Promise.all([
    loadCurriculum(user, cls.id),
    loadSubjects(user),
    loadYears(user),
  ]);
  const periods = years.find((y) => y.id === year.id)?.periods ?? [];
  const fields = [
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
      name: "periodId",
      label: "Период",
      type: "select" as const,
      options: [{ value: "", label: "весь год" }, ...periods.map((p) => ({ value: String(p.id), label: p.name }))],
    },
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
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h1 className="text-2xl font-semibold">Учебный план · {year.name}</h1>
        <Link className="text-sm text-blue-700 hover:underline" href="/org/curriculum/totals">
          Итоги и сравнение с тарификацией
        </Link>
      </div>
      <ClassPicker path="/org/curriculum" classes={classes} current={cls.id} />
      <DirectoryTable
        title={`Часы класса ${cls.name}`}
        fields={fields}
        widths={["6rem", "minmax(0,3fr)", "10rem", "5rem", "10rem"]}
        rows={rowsOf(
          "curriculum",
          items,
          fields.map((f) => f.name),
          editable,
        )}
        newRow={editable ? newRowOf("curriculum", null, { classId: String(cls.id), controlKind: "NONE" }) : null}
      />
    </div>
  );
}
