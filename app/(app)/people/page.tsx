// «Ученики и родители»: the classes the reader may list (PPL-1, ACL-3) with their figures today,
// and a search of pupils by surname within the same classes.
import type { Metadata } from "next";
import { cap, countOf, vocabulary } from "@/lib/org/vocabulary";
import Link from "@/components/ui/link";
import { z } from "zod";
import { singleLine } from "@/lib/schema";
import { requireAccess } from "@/lib/access/guard";
import { formatDate, todayIn } from "@/lib/org/time";
import { loadPeopleOverview } from "@/lib/people/lists/loaders";
import { DataTable } from "@/components/ui/data-table";
import { Field, Input } from "@/components/ui/field";
import { PickerForm } from "@/components/ui/picker-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Ученики" };

const search = z.object({ q: singleLine().trim().min(2).max(60).optional().catch(undefined) });

export default async function PeoplePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, scopes } = await requireAccess("people.brief");
  const q = search.parse(await searchParams).q ?? null;
  const { classes, found } = await loadPeopleOverview(user, scopes, q);
  const total = classes.reduce((n, c) => n + c.students, 0);
  // DAY-6: the organisation's words (группа / студент at a college).
  const v = vocabulary(user.orgKind);
  return (
    <div className="space-y-3">
      <PageHeader
        title={<>{cap(v.student.nomPl)} и родители</>}
        subtitle={
          <>
            {countOf(classes.length, v.class)} · {countOf(total, v.student)} на {formatDate(todayIn(user.timeZone))}
          </>
        }
        actions={
          <PickerForm role="search" submitLabel="Найти">
            <Field label={`Фамилия ${v.student.gen}`}>
              <Input name="q" defaultValue={q ?? ""} minLength={2} />
            </Field>
          </PickerForm>
        }
      />
      {found && (
        <section className="rounded border border-slate-200 bg-white p-3 text-sm">
          <h2 className="mb-1 font-semibold">
            Найдено: {found.length}
            {found.length === 50 ? " (первые 50)" : ""}
          </h2>
          <ul>
            {found.map((s) => (
              <li key={s.id}>
                <Link className="text-blue-700 hover:underline" href={`/people/students/${s.id}`}>
                  {s.fullName}
                </Link>
                <span className="text-slate-500">
                  {" "}
                  · {s.className} · {formatDate(s.birthDate)}
                </span>
              </li>
            ))}
            {found.length === 0 && <li className="text-slate-500">Никого не найдено.</li>}
          </ul>
        </section>
      )}
      <DataTable
        label={cap(v.class.nomPl)}
        empty="Нет классов в вашей области доступа."
        columns={[
          { key: "name", header: cap(v.class.nom), rowHeader: true, sortable: true },
          { key: "teachers", header: cap(v.classTeacher.nom), sortable: true },
          { key: "students", header: cap(v.student.genPl), align: "right", sortable: true, descFirst: true },
          { key: "notFullTime", header: "Не очно", align: "right", sortable: true, descFirst: true },
          { key: "withoutLogin", header: "Без логина", align: "right", sortable: true, descFirst: true },
        ]}
        rows={classes.map((c) => ({
          key: c.id,
          cells: {
            name: {
              value: (
                <Link href={`/people/classes/${c.id}`} className="text-blue-700 hover:underline">
                  {c.name}
                </Link>
              ),
              sort: c.name,
            },
            teachers: c.teachers.join(", ") || "—",
            students: c.students,
            notFullTime: { value: c.notFullTime || "—", sort: c.notFullTime },
            withoutLogin: { value: c.withoutLogin || "—", sort: c.withoutLogin },
          },
        }))}
        totals={{
          name: "Итого",
          students: classes.reduce((n, c) => n + c.students, 0),
          notFullTime: classes.reduce((n, c) => n + c.notFullTime, 0) || "—",
          withoutLogin: classes.reduce((n, c) => n + c.withoutLogin, 0) || "—",
        }}
      />
    </div>
  );
}
