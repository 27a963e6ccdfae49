// «Изменения и замены»: date-specific changes of a class (replace, cancel, move, add) and
// substitute teachers (SCH-2, SCH-3).
import { cap, vocabulary } from "@/lib/org/vocabulary";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { heldPermissions } from "@/lib/access/loaders";
import { requireScheduleClass } from "@/lib/schedule/timetable/class-choice";
import { loadChangesPage } from "@/lib/schedule/changes/loaders";
import { createChangeAction, createSubstitutionAction } from "@/lib/schedule/changes/actions";
import { bellLabel, WEEKDAY_SHORT } from "@/lib/schedule/week";
import { formatDate, isoDate } from "@/lib/org/time";
import { ScheduleTabs } from "@/components/schedule/schedule-tabs";
import { ChangeList } from "@/components/schedule/change-list";
import { ListCard } from "@/components/ui/card";
import { ActionForm } from "@/components/ui/action-form";
import { DateInput, Field, Input, Select } from "@/components/ui/field";
import { optionsOf } from "@/components/ui/options";
import { ScheduleClassPicker } from "@/components/schedule/class-picker";
import { idSchema } from "@/lib/schema";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Изменения и замены" };

const search = z.object({ class: idSchema.optional() });

/** A select over named items with an empty first choice (`empty`: «без изменения», «—» …). */
function Choice({
  name,
  items,
  empty,
  required,
}: {
  name: string;
  items: { id: number; name: string }[];
  empty: string;
  required?: boolean;
}) {
  return <Select name={name} defaultValue="" required={required} placeholder={empty} options={optionsOf(items)} />;
}

/** The comment both forms carry (a change's and a substitution's `note`: up to 500 characters). */
function NoteField() {
  return (
    <Field label="Комментарий">
      <Input type="text" name="note" maxLength={500} />
    </Field>
  );
}

export default async function ChangesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const parsed = search.safeParse(await searchParams);
  if (!parsed.success) notFound();
  const { user, classes, classId } = await requireScheduleClass(parsed.data.class);
  if (!classId) notFound();
  const v = vocabulary(user.orgKind);
  const [held, page] = await Promise.all([
    heldPermissions(user.organisationId, user.id),
    loadChangesPage(user, classId),
  ]);
  const college = user.orgKind === "COLLEGE";
  const entryOptions = page.entries.map((e) => ({
    id: e.id!,
    name: `${WEEKDAY_SHORT[e.weekday]}, ${bellLabel(e.bellNumber, college)} — ${e.subjectName}${e.subgroupName ? ` (${e.subgroupName})` : ""}, ${e.teacherName}`,
  }));
  const className = classes.find((c) => c.id === classId)?.name ?? "";
  return (
    <div className="space-y-4">
      <ScheduleTabs held={held} current="/schedule/changes" />
      <PageHeader title={<>Изменения и замены: {className}</>} />
      <ScheduleClassPicker classes={classes} classId={classId} kind={user.orgKind} />

      <section className="space-y-2">
        <h2 className="font-semibold">Изменение на дату</h2>
        <p className="text-sm text-slate-600">{cap(v.class.nom)} увидит изменение в дневнике и на доске объявлений.</p>
        <ActionForm
          layout="inline"
          framed
          action={createChangeAction}
          submitLabel="Внести изменение"
          success="Изменение внесено, объявление опубликовано"
          label="Изменение на дату"
        >
          <input type="hidden" name="classId" value={classId} />
          <Field label="Вид">
            <Select name="kind" defaultValue="REPLACE">
              <option value="REPLACE">замена</option>
              <option value="CANCEL">отмена</option>
              <option value="MOVE">перенос</option>
              <option value="ADD">{v.extraLesson}</option>
            </Select>
          </Field>
          <Field label="Дата">
            <DateInput name="date" defaultValue={isoDate(page.today)} required />
          </Field>
          <Field label={`${cap(v.lesson.nom)} по расписанию`}>
            <Choice name="entryId" items={entryOptions} empty={`— (для дополнительного ${v.lesson.gen})`} />
          </Field>
          <Field label={cap(v.subject.nom)}>
            <Choice name="subjectId" items={page.options.subjects} empty="без изменения" />
          </Field>
          <Field label={cap(v.teacher.nom)}>
            <Choice name="teacherId" items={page.teachers} empty="без изменения" />
          </Field>
          <Field label="Кабинет">
            <Choice name="roomId" items={page.options.rooms} empty="без изменения" />
          </Field>
          <Field label={`Номер ${v.lesson.gen}`}>
            <Input className="w-16" type="number" name="bellNumber" min={1} max={12} />
          </Field>
          <Field label="Перенести на дату">
            <DateInput name="toDate" />
          </Field>
          <NoteField />
        </ActionForm>
      </section>

      <section className="space-y-2">
        <h2 className="font-semibold">Замена {v.teacher.gen}</h2>
        <p className="text-sm text-slate-600">
          Замещающий {v.teacher.nom} ведёт журнал только за {v.lesson.nomPl} замены. Без {v.class.gen} и {v.subject.gen}{" "}
          — все {v.lesson.nomPl} основного {v.teacher.gen} в эти дни.
        </p>
        <ActionForm
          layout="inline"
          framed
          action={createSubstitutionAction}
          submitLabel="Назначить замену"
          success="Замена назначена"
          label={`Замена ${v.teacher.gen}`}
        >
          <Field label={`Основной ${v.teacher.nom}`}>
            <Choice name="originalId" items={page.teachers} empty="—" required />
          </Field>
          <Field label={`Замещающий ${v.teacher.nom}`}>
            <Choice name="substituteId" items={page.teachers} empty="—" required />
          </Field>
          <Field label={cap(v.class.nom)}>
            <Select name="classId" defaultValue={classId}>
              <option value="">все {v.class.nomPl}</option>
              <option value={classId}>{className}</option>
            </Select>
          </Field>
          <Field label={cap(v.subject.nom)}>
            <Choice name="subjectId" items={page.options.subjects} empty={`все ${v.subject.nomPl}`} />
          </Field>
          <Field label="с">
            <DateInput name="dateFrom" defaultValue={isoDate(page.today)} required />
          </Field>
          <Field label="по">
            <DateInput name="dateTo" defaultValue={isoDate(page.today)} required />
          </Field>
          <NoteField />
        </ActionForm>
      </section>

      {page.changes.length > 0 && <ChangeList changes={page.changes} college={college} />}
      <ListCard
        title="Замены"
        empty="Замен нет."
        items={page.substitutions.map((s) => (
          <li key={s.id}>
            {formatDate(s.dateFrom)}
            {s.dateTo.getTime() !== s.dateFrom.getTime() ? ` — ${formatDate(s.dateTo)}` : ""}: {s.substitute} вместо{" "}
            {s.original}
            {s.className ? ` · ${s.className}` : ""}
            {s.subjectName ? ` · ${s.subjectName}` : ""} · {v.lesson.genPl}: {s.lessons}
          </li>
        ))}
      />
    </div>
  );
}
