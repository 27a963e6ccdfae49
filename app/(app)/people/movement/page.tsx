// «Книга движения учащихся» (PPL-3): entries the reader may see (all, or those of own class /
// department), newest first, filtered by class, kind and dates; the same selection in Excel.
import { isoDate } from "@/lib/org/time";
import { cap, vocabulary } from "@/lib/org/vocabulary";
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { classesInScope } from "@/lib/people/lists/loaders";
import { loadMovementBook } from "@/lib/people/movement/loaders";
import { MOVEMENT_KINDS, MOVEMENT_LABELS } from "@/lib/people/movement/rules";
import { movementFilterSchema } from "@/lib/people/movement/schema";
import { MovementTable } from "@/components/people/movement-table";
import { DateInput, Field, Select } from "@/components/ui/field";
import { PickerForm } from "@/components/ui/picker-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Книга движения" };

const SHOWN = 300;
const iso = (d: Date | undefined) => (d ? isoDate(d) : "");

export default async function MovementBookPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, scopes } = await requireAccess("movement.view");
  const raw = await searchParams;
  const filter = movementFilterSchema.parse(
    Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === "string")),
  );
  const [rows, classes] = await Promise.all([
    loadMovementBook(user, scopes, SHOWN, filter),
    classesInScope(user, scopes),
  ]);
  const query = new URLSearchParams();
  if (filter.kind) query.set("kind", filter.kind);
  if (filter.classId) query.set("classId", String(filter.classId));
  if (filter.from) query.set("from", iso(filter.from));
  if (filter.to) query.set("to", iso(filter.to));
  const qs = query.toString();
  const v = vocabulary(user.orgKind);
  const filterForm = (
    <PickerForm label="Фильтр книги движения" size="sm">
      <Field label={cap(v.class.nom)} size="sm">
        <Select
          name="classId"
          defaultValue={filter.classId ? String(filter.classId) : ""}
          placeholder="все"
          options={classes.map((c) => ({ value: c.id, label: c.name }))}
        />
      </Field>
      <Field label="Вид движения" size="sm">
        <Select
          name="kind"
          defaultValue={filter.kind ?? ""}
          placeholder="все"
          options={MOVEMENT_KINDS.map((k) => ({ value: k, label: MOVEMENT_LABELS[k] }))}
        />
      </Field>
      <Field label="С" size="sm">
        <DateInput name="from" defaultValue={iso(filter.from)} />
      </Field>
      <Field label="По" size="sm">
        <DateInput name="to" defaultValue={iso(filter.to)} />
      </Field>
    </PickerForm>
  );
  return (
    <div className="space-y-3">
      <PageHeader
        title={<>Книга движения {v.student.genPl}</>}
        actions={
          <a className="text-sm text-blue-700 hover:underline" href={`/people/movement/export${qs ? `?${qs}` : ""}`}>
            Книга движения в Excel
          </a>
        }
      />
      <p className="text-sm text-slate-600">
        Зачисление, перевод, отчисление, академический отпуск и смена формы обучения записываются в карточке{" "}
        {v.student.gen}.{" "}
        {rows.length === SHOWN ? `Показаны последние ${SHOWN} записей; в Excel — все.` : `Записей: ${rows.length}.`}
      </p>
      <MovementTable rows={rows} studentWord={cap(v.student.nom)} filter={filterForm} />
    </div>
  );
}
