// A class list on a date from the movement book (PPL-3), exports (PPL-5) and, for the class
// teacher / ADMIN, issuing logins to students and parents (AUTH-2).
import type { Metadata } from "next";
import { cap, countOf, vocabulary } from "@/lib/org/vocabulary";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { singleLine } from "@/lib/schema";
import { authorize } from "@/lib/access/authorize";
import { requireAccess } from "@/lib/access/guard";
import { formatDate, isoDate, todayIn } from "@/lib/org/time";
import { EDUCATION_FORM_LABELS, type EducationFormValue } from "@/lib/people/card-rules";
import { fullName } from "@/lib/people/names";
import { loadClass, loadClassList } from "@/lib/people/lists/loaders";
import { loadFamilyCandidates } from "@/lib/people/logins/loaders";
import { idSchema, parseCalendarDate } from "@/lib/people/schema";
import { IssueTable } from "@/components/people/issue-table";
import { StudentAddForm } from "@/components/people/student-add-form";
import { DateInput, Field } from "@/components/ui/field";
import { ChartsSection } from "@/components/charts/class-pictures";
import { classCharts } from "@/lib/charts/loaders";
import { PageHeader } from "@/components/ui/page-header";
import { PickerForm } from "@/components/ui/picker-form";
import { RowTh, Table, THead, Td, Tr } from "@/components/ui/table";

export const metadata: Metadata = { title: "Список класса" };

const search = z.object({ date: singleLine().optional() });

export default async function ClassListPage({
  params,
  searchParams,
}: {
  params: Promise<{ classId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const id = idSchema.safeParse((await params).classId);
  if (!id.success) notFound();
  const classId = id.data;
  const { user } = await requireAccess("people.brief", { kind: "class", classId });
  const cls = await loadClass(user, classId);
  if (!cls) notFound();
  const q = search.safeParse(await searchParams);
  const date = (q.success && q.data.date && parseCalendarDate(q.data.date)) || todayIn(user.timeZone);
  const rows = await loadClassList(user, classId, date);
  const target = { kind: "class", classId } as const;
  const [manage, issue, close, journalAll, journalOwn, admit] = await Promise.all([
    authorize(user, "people.manage", target),
    authorize(user, "users.issueFamily", target),
    authorize(user, "users.delete"),
    authorize(user, "journal.viewAll", target),
    authorize(user, "journal.viewOwn", target),
    authorize(user, "movement.edit", target),
  ]);
  // DAY-5: the class's pictures for whoever may read its journal.
  const charts =
    journalAll.allowed || journalOwn.allowed
      ? await classCharts(user.organisationId, classId, todayIn(user.timeZone))
      : null;
  const family = issue.allowed ? await loadFamilyCandidates(user, classId, date) : null;
  const iso = isoDate(date);
  const v = vocabulary(user.orgKind);
  return (
    <div className="space-y-4">
      <PageHeader
        title={
          <>
            {cap(v.class.nom)} {cls.name}
          </>
        }
        subtitle={
          <>
            {cls.yearName} · список на {formatDate(date)} · {countOf(rows.length, v.student)}
          </>
        }
        actions={
          <div className="flex flex-wrap items-end gap-4">
            <PickerForm label="Список на дату">
              <Field label="Список на дату" name="date">
                <DateInput defaultValue={iso} />
              </Field>
            </PickerForm>
            {manage.allowed && (
              <div className="flex gap-3 text-sm">
                <a
                  className="text-blue-700 hover:underline"
                  href={`/people/classes/${classId}/export?list=students&date=${iso}`}
                >
                  Список в Excel
                </a>
                <a
                  className="text-blue-700 hover:underline"
                  href={`/people/classes/${classId}/export?list=medical&date=${iso}`}
                >
                  Мед. список в Excel
                </a>
              </div>
            )}
          </div>
        }
      />
      <Table label={`Список: ${cls.name}`} maxHeight="none">
        <THead headers={[{ label: "№", align: "right" }, "ФИО", "Дата рождения", "Форма обучения", "В классе с"]} />
        <tbody>
          {rows.map((r, i) => (
            <Tr key={r.studentId}>
              <Td align="right">{i + 1}</Td>
              <RowTh>
                <Link className="text-blue-700 hover:underline" href={`/people/students/${r.studentId}`}>
                  {fullName(r)}
                </Link>
              </RowTh>
              <Td>{formatDate(r.birthDate)}</Td>
              <Td>{EDUCATION_FORM_LABELS[r.educationForm as EducationFormValue] ?? r.educationForm}</Td>
              <Td>{formatDate(r.since)}</Td>
            </Tr>
          ))}
        </tbody>
      </Table>
      {admit.allowed && (
        <details className="space-y-2">
          <summary className="cursor-pointer text-sm text-blue-700">Добавить {v.student.acc}</summary>
          <StudentAddForm classId={classId} today={isoDate(todayIn(user.timeZone))} title={`Новый ${v.student.nom}`} />
        </details>
      )}
      {charts && (
        <ChartsSection
          absencesTitle={`Пропуски ${v.class.gen} по месяцам`}
          absences={charts.absences}
          works={charts.works}
          kind={user.orgKind}
        />
      )}
      {family && (
        <>
          {(
            [
              ["Логины учеников", family.students],
              ["Логины родителей", family.parents],
            ] as const
          ).map(([title, people]) => (
            <IssueTable
              key={title}
              title={title}
              people={people}
              timeZone={user.timeZone}
              returnPath={`/people/classes/${classId}`}
              canClose={close.allowed}
              selfUserId={user.id}
            />
          ))}
        </>
      )}
    </div>
  );
}
