// «Предметы»: subjects / disciplines, professional modules with МДК, practices, with the kind of final control (ORG-5).
import { CONTROL_KINDS, CONTROL_LABELS } from "@/lib/journal/marks";
import type { Metadata } from "next";
import { authorize } from "@/lib/access/authorize";
import { requireAccess } from "@/lib/access/guard";
import { SUBJECT_KINDS, SUBJECT_KIND_LABELS } from "@/lib/org/schema";
import { loadSubjects } from "@/lib/org/setup/loaders";
import { DirectoryTable } from "@/components/org/directory-table";
import { newRowOf, rowsOf, selectField } from "@/components/org/rows";
import { PageHeader } from "@/components/ui/page-header";
import { cap, vocabulary } from "@/lib/org/vocabulary";

export const metadata: Metadata = { title: "Предметы" };

export default async function SubjectsPage() {
  const { user } = await requireAccess("classes.view");
  const edit = await authorize(user, "classes.edit");
  const editable = edit.allowed && edit.scopes.includes("all");
  const subjects = await loadSubjects(user);
  const fields = [
    { name: "name", label: "Название" },
    { name: "shortName", label: "Сокр." },
    { name: "code", label: "Индекс" },
    {
      name: "kind",
      label: "Вид",
      type: "select" as const,
      options: SUBJECT_KINDS.map((k) => ({ value: k, label: SUBJECT_KIND_LABELS[k] })),
    },
    selectField(
      "parentId",
      "Входит в (ПМ)",
      subjects.filter((s) => s.kind === "MODULE").map((s) => ({ id: s.id, name: s.shortName })),
      "—",
    ),
    {
      name: "controlKind",
      label: "Форма контроля",
      type: "select" as const,
      options: CONTROL_KINDS.map((k) => ({ value: k, label: CONTROL_LABELS.full[k] })),
    },
    {
      name: "practiceKind",
      label: "Практика",
      type: "select" as const,
      options: [
        { value: "", label: "—" },
        { value: "EDUCATIONAL", label: "учебная" },
        { value: "INDUSTRIAL", label: "производственная" },
      ],
    },
    { name: "passFail", label: "Зачёт/незачёт", type: "checkbox" as const },
  ];
  return (
    <div className="space-y-4">
      <PageHeader title="Предметы, дисциплины, модули и практики" />
      <DirectoryTable
        title={cap(vocabulary(user.orgKind).subject.nomPl)}
        fields={fields}
        widths={["minmax(0,3fr)", "6rem", "5rem", "8rem", "7rem", "9rem", "8rem", "4rem"]}
        rows={rowsOf("subject", subjects, fields, editable)}
        newRow={editable ? newRowOf("subject", null, { kind: "SUBJECT", controlKind: "NONE" }) : null}
      />
    </div>
  );
}
