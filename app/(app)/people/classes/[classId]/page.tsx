// A class list on a date from the movement book (PPL-3), exports (PPL-5) and, for the class
// teacher / ADMIN, issuing logins to students and parents (AUTH-2).
import type { Metadata } from "next";
import { cap, countOf, vocabulary } from "@/lib/org/vocabulary";
import Link from "next/link";
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
import { Button } from "@/components/ui/button";
import { DateInput } from "@/components/ui/field";
import { ChartsSection } from "@/components/charts/class-pictures";
import { classCharts } from "@/lib/charts/loaders";

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
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <h1 className="text-2xl font-semibold">
            {cap(v.class.nom)} {cls.name}
          </h1>
          <p className="text-sm text-slate-600">
            {cls.yearName} · список на {formatDate(date)} · {countOf(rows.length, v.student)}
          </p>
        </div>
        <form className="flex items-end gap-2 text-sm">
          <label>
            <span className="block text-xs text-slate-600">Список на дату</span>
            <DateInput name="date" defaultValue={iso} />
          </label>
          <Button variant="secondary" type="submit">
            Показать
          </Button>
        </form>
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
      <table className="w-full rounded border border-slate-200 bg-white text-sm">
        <thead className="bg-slate-50 text-left text-xs text-slate-500">
          <tr>
            <th className="px-2">№</th>
            <th>ФИО</th>
            <th>Дата рождения</th>
            <th>Форма обучения</th>
            <th>В классе с</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.studentId} className="border-t border-slate-100">
              <td className="px-2">{i + 1}</td>
              <td>
                <Link className="text-blue-700 hover:underline" href={`/people/students/${r.studentId}`}>
                  {fullName(r)}
                </Link>
              </td>
              <td>{formatDate(r.birthDate)}</td>
              <td>{EDUCATION_FORM_LABELS[r.educationForm as EducationFormValue] ?? r.educationForm}</td>
              <td>{formatDate(r.since)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {admit.allowed && (
        <details className="space-y-2">
          <summary className="cursor-pointer text-sm text-blue-700">Добавить {v.student.acc}</summary>
          <StudentAddForm
            classId={classId}
            today={todayIn(user.timeZone).toISOString().slice(0, 10)}
            title={`Новый ${v.student.nom}`}
          />
        </details>
      )}
      {charts && (
        <ChartsSection absencesTitle="Пропуски класса по месяцам" absences={charts.absences} works={charts.works} />
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
