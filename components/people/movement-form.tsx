// The form of one movement for a student (PPL-3).
import { recordMovementAction } from "@/lib/people/movement/actions";
import { MANUAL_KINDS, MOVEMENT_LABELS } from "@/lib/people/movement/rules";
import { EDUCATION_FORMS, EDUCATION_FORM_LABELS } from "@/lib/people/card-rules";
import { FieldForm } from "./field-form";
import { cap, vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

export function MovementForm({
  studentId,
  classes,
  today,
  kind,
}: {
  studentId: number;
  classes: { id: number; name: string }[];
  today: string;
  /** DAY-6: «Группа (куда)» at a college (round 23; it was «Класс/группа (куда)» for both). */
  kind?: OrgKindName;
}) {
  return (
    <FieldForm
      action={recordMovementAction}
      submitLabel="Записать в книгу движения"
      savedText="Записано"
      hidden={{ studentId: String(studentId) }}
      fields={[
        {
          name: "kind",
          label: "Вид движения",
          type: "select",
          options: MANUAL_KINDS.map((k) => ({ value: k, label: MOVEMENT_LABELS[k] })),
          required: true,
        },
        { name: "date", label: "Дата", type: "date", value: today, required: true },
        {
          name: "toClassId",
          label: `${cap(vocabulary(kind ?? "SCHOOL").class.nom)} (куда)`,
          type: "select",
          options: [{ value: "", label: "—" }, ...classes.map((c) => ({ value: String(c.id), label: c.name }))],
        },
        {
          name: "educationForm",
          label: "Форма обучения",
          type: "select",
          options: [
            { value: "", label: "без изменений" },
            ...EDUCATION_FORMS.map((f) => ({ value: f, label: EDUCATION_FORM_LABELS[f] })),
          ],
        },
        { name: "orderNumber", label: "Номер приказа", required: true },
        { name: "orderDate", label: "Дата приказа", type: "date", value: today, required: true },
        { name: "note", label: "Примечание" },
      ]}
    />
  );
}
