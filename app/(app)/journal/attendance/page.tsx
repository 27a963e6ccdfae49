// «Причины пропусков» (JRN-4, 001 §4.2.6.4): the class teacher turns each Н of own class into
// УП / НП / Б (or ОТ); ADMIN and DEPUTY may do it for every class. The subject teacher cannot.
import { cap, vocabulary } from "@/lib/org/vocabulary";
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { requireAccess } from "@/lib/access/guard";
import { listScope } from "@/lib/access/scope";
import { authorizeAny } from "@/lib/access/authorize";
import { absencesOfClass, classesForReasons } from "@/lib/journal/reasons/data";
import { formatDate, isoDate, todayIn } from "@/lib/org/time";
import { ReasonsForm } from "@/components/journal/reasons-form";
import { DateInput, Field, Select } from "@/components/ui/field";
import { optionsOf } from "@/components/ui/options";
import { PageHeader } from "@/components/ui/page-header";
import { PickerForm } from "@/components/ui/picker-form";

export const metadata: Metadata = { title: "Причины пропусков" };

const DAY = 86_400_000;

export default async function ReasonsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user } = await requireAccess("attendance.reason");
  const v = vocabulary(user.orgKind);
  const scope = await listScope(user, "attendance.reason");
  const classes = await classesForReasons(user.organisationId, scope);
  const q = await searchParams;
  const wanted = Number(typeof q.class === "string" ? q.class : NaN);
  const classId = Number.isInteger(wanted) ? wanted : classes[0]?.id;
  const today = todayIn(user.timeZone);
  const parseDate = (v: unknown, fallback: Date) =>
    typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00.000Z`) : fallback;
  const to = parseDate(q.to, today);
  const from = parseDate(q.from, new Date(to.getTime() - 13 * DAY));
  if (classId !== undefined && !(await authorizeAny(user, ["attendance.reason"], { kind: "class", classId })))
    forbidden();
  const rows =
    classId !== undefined && from <= to && to.getTime() - from.getTime() <= 190 * DAY
      ? await absencesOfClass(user.organisationId, classId, from, to)
      : [];
  return (
    <div className="space-y-4">
      <PageHeader title="Причины пропусков" />
      <p className="max-w-3xl text-sm text-slate-600">
        {cap(v.teacher.nom)} на {v.lesson.prep} отмечает «Н» (отсутствовал) и «ОП» (опоздание).{" "}
        {cap(v.classTeacher.nom)} по документам указывает причину: УП — уважительная, НП — неуважительная, Б — болезнь,
        ОТ — причина неизвестна.
      </p>
      <PickerForm label={`Выбор ${v.class.gen} и дней`} primary>
        <Field label={cap(v.class.nom)} name="class">
          <Select defaultValue={classId} options={optionsOf(classes)} />
        </Field>
        <Field label="С" name="from">
          <DateInput defaultValue={isoDate(from)} />
        </Field>
        <Field label="По" name="to">
          <DateInput defaultValue={isoDate(to)} />
        </Field>
      </PickerForm>
      {classId === undefined ? (
        <p className="text-sm text-slate-600">Нет {v.class.genPl}, где вы указываете причины пропусков.</p>
      ) : (
        <ReasonsForm
          key={`${classId}:${isoDate(from)}:${isoDate(to)}`}
          classId={classId}
          kind={user.orgKind}
          rows={rows.map((r) => ({ ...r, date: formatDate(r.date) }))}
        />
      )}
    </div>
  );
}
