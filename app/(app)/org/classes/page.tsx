// «Классы и группы» of the current year (ORG-4): classes/groups, class teachers / curators /
// masters, subgroups for subjects.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { authorize } from "@/lib/access/authorize";
import { requireAccess } from "@/lib/access/guard";
import { deleteEntityAction, saveEntityAction } from "@/lib/org/actions";
import { PERIOD_KINDS, PERIOD_KIND_LABELS } from "@/lib/org/schema";
import { loadClassesOfYear, loadCurrentYear, loadSubjects, loadTeachers } from "@/lib/org/setup/loaders";
import { DirectoryTable, type DirectoryRow } from "@/components/org/directory-table";
import { newRowOf, rowsOf, selectField } from "@/components/org/rows";
import { PageHeader } from "@/components/ui/page-header";
import { cap, gradeWord, vocabulary } from "@/lib/org/vocabulary";

export const metadata: Metadata = { title: "Классы" };

const KIND = [
  { value: "CLASS_TEACHER", label: "классный руководитель" },
  { value: "CURATOR", label: "куратор" },
  { value: "MASTER", label: "мастер п/о" },
];
// DAY-6: a college has curators and masters, no «классный руководитель» (the seed gives its groups
// CURATOR); a row of that kind, if any, still shows its own label.
function kindOptions(college: boolean, used: readonly string[]) {
  return college ? KIND.filter((k) => k.value !== "CLASS_TEACHER" || used.includes(k.value)) : KIND;
}

export default async function ClassesPage() {
  const { user } = await requireAccess("classes.view");
  const year = await loadCurrentYear(user);
  if (!year) return <p>Текущий учебный год не задан.</p>;
  const edit = await authorize(user, "classes.edit");
  const editable = edit.allowed && year.status !== "CLOSED";
  const [classes, teachers, subjects] = await Promise.all([
    loadClassesOfYear(user, year.id),
    loadTeachers(user),
    loadSubjects(user),
  ]);
  // DAY-6 (round 23): the name and the grade's heads in the organisation's words (were «Класс/группа»,
  // «Класс/курс» for both kinds).
  const words = vocabulary(user.orgKind);
  const classFields = [
    { name: "name", label: cap(words.class.nom) },
    { name: "grade", label: cap(gradeWord(words)), type: "number" as const },
    { name: "letter", label: "Литера" },
    { name: "specialty", label: "Специальность" },
    { name: "specialtyCode", label: "Код" },
    { name: "shift", label: "Смена", type: "number" as const },
    {
      name: "periodKind",
      label: "Периоды",
      type: "select" as const,
      options: PERIOD_KINDS.map((k) => ({ value: k, label: PERIOD_KIND_LABELS[k] })),
    },
  ];
  const v = vocabulary(user.orgKind);
  const college = user.orgKind === "COLLEGE";
  const kinds = kindOptions(
    college,
    classes.flatMap((c) => c.classTeachers.map((t) => t.kind)),
  );
  const ctFields = [
    selectField("classId", cap(v.class.nom), classes, "—"),
    selectField("userId", cap(v.teacher.nom), teachers, "—"),
    { name: "kind", label: "Роль", type: "select" as const, options: kinds },
  ];
  const ctRows: DirectoryRow[] = classes.flatMap((c) =>
    c.classTeachers.map((t) => ({
      key: `${c.id}:${t.userId}`,
      values: { classId: String(c.id), userId: String(t.userId), kind: t.kind },
      save: editable ? saveEntityAction.bind(null, "classTeacher", null, null) : null,
      remove: editable ? deleteEntityAction.bind(null, "classTeacher", c.id, t.userId) : null,
    })),
  );
  const sgFields = [
    selectField("classId", cap(v.class.nom), classes, "—"),
    selectField("subjectId", cap(v.subject.nom), subjects, "—"),
    { name: "name", label: "Подгруппа" },
  ];
  const subgroups = classes.flatMap((c) => c.subgroups.map((s) => ({ ...s, classId: c.id })));
  return (
    <div className="space-y-4">
      <PageHeader title={<>Классы и группы · {year.name}</>} />
      <DirectoryTable
        title={cap(v.class.nomPl)}
        fields={classFields}
        widths={["7rem", "6rem", "5rem", "minmax(0,2fr)", "6rem", "5rem", "9rem"]}
        rows={rowsOf("class", classes, classFields, editable)}
        newRow={
          editable
            ? newRowOf("class", year.id, {
                shift: "1",
                periodKind: user.orgKind === "COLLEGE" ? "SEMESTER" : "QUARTER",
              })
            : null
        }
      />
      <DirectoryTable
        title="Классные руководители, кураторы, мастера"
        fields={ctFields}
        rows={ctRows}
        newRow={editable ? newRowOf("classTeacher", null, { kind: college ? "CURATOR" : "CLASS_TEACHER" }) : null}
      />
      {/* DAY-4: the links wrap on a phone (written back to back, the line was 857 px wide at 390 px). */}
      <p className="flex flex-wrap gap-x-2 text-sm">
        <span>Состав подгрупп:</span>
        {classes
          .filter((c) => c.subgroups.length > 0)
          .map((c) => (
            <Link key={c.id} href={`/org/classes/${c.id}/subgroups`} className="text-blue-700 hover:underline">
              {c.name}
            </Link>
          ))}
      </p>
      <DirectoryTable
        title="Подгруппы"
        fields={sgFields}
        rows={rowsOf("subgroup", subgroups, sgFields, editable)}
        newRow={editable ? newRowOf("subgroup", null) : null}
      />
    </div>
  );
}
