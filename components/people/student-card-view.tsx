// The student card (PPL-1) rendered by field group; each group appears only when the server
// loaded it for this reader (ACL-4), and is editable only with its own permission.
import Link from "@/components/ui/link";
import { saveStudentSectionAction, addParentAction } from "@/lib/people/actions";
import type { StudentCardView } from "@/lib/people/card/loaders";
import {
  BRIEF_FIELDS,
  EDUCATION_FORMS,
  EDUCATION_FORM_LABELS,
  FIELD_LABELS,
  FULL_FIELDS,
  HEALTH_GROUPS,
  PHYSICAL_GROUPS,
  PSYCH_FIELDS,
  SEX_LABELS,
  type CardField,
} from "@/lib/people/card-rules";
import { formatDate, isoDate } from "@/lib/org/time";
import { FieldForm, type FormField } from "./field-form";

function iso(v: unknown): string {
  return v instanceof Date ? isoDate(v) : "";
}

function str(v: unknown): string {
  return v instanceof Date ? iso(v) : typeof v === "string" ? v : "";
}

function shown(field: CardField, v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (v instanceof Date) return formatDate(v);
  if (field === "sex") return SEX_LABELS[v as keyof typeof SEX_LABELS] ?? String(v);
  if (field === "educationForm") return EDUCATION_FORM_LABELS[v as keyof typeof EDUCATION_FORM_LABELS] ?? String(v);
  return String(v);
}

function ReadOnly({ fields, card }: { fields: readonly CardField[]; card: StudentCardView["card"] }) {
  return (
    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
      {fields.map((f) => (
        <div key={f}>
          <dt className="text-xs text-slate-500">{FIELD_LABELS[f]}</dt>
          <dd>{shown(f, card[f])}</dd>
        </div>
      ))}
    </dl>
  );
}

const opt = (values: readonly string[], labels?: Record<string, string>) => [
  { value: "", label: "—" },
  ...values.map((v) => ({ value: v, label: labels?.[v] ?? v })),
];

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="space-y-2 rounded border border-slate-200 bg-white p-3">
      <h2 className="font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export function StudentCardViewer({ view }: { view: StudentCardView }) {
  const { access, card } = view;
  const mainFields: FormField[] = [...BRIEF_FIELDS, ...FULL_FIELDS].map((f) => {
    const base = { name: f, label: FIELD_LABELS[f], value: str(card[f]) };
    if (f === "birthDate") return { ...base, type: "date", required: true };
    if (f === "lastName" || f === "firstName") return { ...base, required: true };
    if (f === "sex") return { ...base, type: "select", options: opt(["MALE", "FEMALE"], SEX_LABELS) };
    if (f === "educationForm")
      return {
        ...base,
        type: "select",
        options: EDUCATION_FORMS.map((v) => ({ value: v, label: EDUCATION_FORM_LABELS[v] })),
      };
    return base;
  });
  return (
    <div className="space-y-3">
      {access.full ? (
        <Section title="Основные сведения">
          <FieldForm action={saveStudentSectionAction.bind(null, card.id, "main")} fields={mainFields} />
        </Section>
      ) : (
        <Section title="Краткие сведения">
          <ReadOnly fields={BRIEF_FIELDS} card={card} />
        </Section>
      )}
      {access.medicalGroups && (
        <Section title="Медицинские сведения">
          {access.medicalEdit ? (
            <FieldForm
              action={saveStudentSectionAction.bind(null, card.id, "medical")}
              fields={[
                {
                  name: "healthGroup",
                  label: FIELD_LABELS.healthGroup,
                  value: str(card.healthGroup),
                  type: "select",
                  options: opt(HEALTH_GROUPS),
                },
                {
                  name: "physicalGroup",
                  label: FIELD_LABELS.physicalGroup,
                  value: str(card.physicalGroup),
                  type: "select",
                  options: opt(PHYSICAL_GROUPS),
                },
                {
                  name: "medicalNotes",
                  label: FIELD_LABELS.medicalNotes,
                  value: str(card.medicalNotes),
                  type: "textarea",
                },
              ]}
            />
          ) : (
            <ReadOnly fields={["healthGroup", "physicalGroup"]} card={card} />
          )}
        </Section>
      )}
      {access.psych && (
        <Section title="Психолого-педагогические и социальные сведения">
          <FieldForm
            action={saveStudentSectionAction.bind(null, card.id, "psych")}
            fields={PSYCH_FIELDS.map((f) => ({
              name: f,
              label: FIELD_LABELS[f],
              value: str(card[f]),
              type: f === "socialStatus" ? "text" : "textarea",
            }))}
          />
        </Section>
      )}
      {view.parents && (
        <Section title="Родители (законные представители)">
          <ul className="text-sm">
            {view.parents.map((p) => (
              <li key={p.parentId}>
                <Link className="text-blue-700 hover:underline" href={`/people/parents/${p.parentId}`}>
                  {p.fullName}
                </Link>
                {p.kinship && <span className="text-slate-500"> · {p.kinship}</span>}
                {p.phone && <span className="text-slate-500"> · {p.phone}</span>}
                {!p.hasLogin && <span className="text-slate-400"> · без логина</span>}
              </li>
            ))}
            {view.parents.length === 0 && <li className="text-slate-500">Не указаны</li>}
          </ul>
          <details>
            <summary className="cursor-pointer text-sm text-blue-700">Добавить родителя</summary>
            <FieldForm
              action={addParentAction.bind(null, card.id)}
              submitLabel="Добавить"
              savedText="Родитель добавлен"
              fields={[
                { name: "lastName", label: "Фамилия", required: true },
                { name: "firstName", label: "Имя", required: true },
                { name: "middleName", label: "Отчество" },
                { name: "kinship", label: "Степень родства" },
                { name: "phone", label: "Телефон", type: "tel" },
                { name: "email", label: "E-mail", type: "email" },
                { name: "workplace", label: "Место работы" },
                { name: "position", label: "Должность" },
                { name: "existingParentId", label: "или № карточки существующего родителя", type: "number" },
              ]}
            />
          </details>
        </Section>
      )}
    </div>
  );
}
