// «Контроль журнала» — the journal-fill report (CTL-1, seed 001 §4.2.2.7 «Отчёт о доступе к
// классному журналу»): per teacher × class × subject for a period, with filters and files (RPT-11).
import type { Metadata } from "next";
import { cap, vocabulary } from "@/lib/org/vocabulary";
import Link from "next/link";
import { authorize } from "@/lib/access/authorize";
import { requireAccess } from "@/lib/access/guard";
import { loadFillPage } from "@/lib/control/loaders";
import { DENSITY_LESSONS } from "@/lib/control/rules";
import { formatDateTime, isoDate } from "@/lib/org/time";
import { Choice, Downloads, fieldClass } from "@/components/control/filter-bits";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { DateInput } from "@/components/ui/field";
import { DeadlineShares } from "@/components/control/deadline-shares";
import { loadDeadlineShares } from "@/lib/control/deadline/loaders";
import { fillQuery } from "@/lib/control/schema";
import { formatNumber } from "@/lib/org/vocabulary";
import { ktpDueWarnings } from "@/lib/programmes/loaders";
import { serverNow } from "@/lib/org/clock";
import { Notice } from "@/components/ui/card";

export const metadata: Metadata = { title: "Контроль журнала" };

const num = (n: number | null) => (n === null ? "—" : formatNumber(n, 2));

export default async function ControlPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, scopes } = await requireAccess("control.view");
  const canWrite = (await authorize(user, "remarks.write")).allowed;
  // PRG-1: the КТП overdue a week after their work programme's approval, for who approves programmes.
  const overdueKtp = (await authorize(user, "programmes.approve")).allowed
    ? (await ktpDueWarnings(user.organisationId, null, serverNow())).filter((w) => w.overdue).length
    : 0;
  const page = await loadFillPage(user, scopes, await searchParams);
  // DUT-1: the shares filled by the deadline on the filters' last day, its week and month.
  const filters = fillQuery.safeParse(page.raw);
  const shares = filters.success
    ? await loadDeadlineShares(user, scopes, {
        day: filters.data.to,
        classId: filters.data.classId,
        teacherId: filters.data.teacherId,
      })
    : null;
  // DAY-6: the organisation's words (lib/org/vocabulary.ts).
  const v = vocabulary(user.orgKind);
  const classWord = cap(v.class.nom);
  const r = page.report;
  // A count over zero in red; zero as a plain number cell (its sort is itself) — no empty class on ~500 rows × 4.
  const warn = (n: number) => (n > 0 ? { value: n, sort: n, className: "text-red-700 font-medium" } : n);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Отчёт о доступе к классному журналу</h1>
      {overdueKtp > 0 && (
        <Notice tone="error">
          КТП по рабочим программам просрочены: {overdueKtp}.{" "}
          <Link href="/plans/programmes" className="underline">
            Рабочие программы
          </Link>
        </Notice>
      )}
      <form
        method="get"
        className="grid items-end gap-3 rounded border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6"
      >
        <label className={fieldClass}>
          С
          <DateInput name="from" defaultValue={page.raw.from} />
        </label>
        <label className={fieldClass}>
          По
          <DateInput name="to" defaultValue={page.raw.to} />
        </label>
        <Choice name="classId" label={classWord} value={page.raw.classId} options={page.choices.classes} empty="Все" />
        <Choice
          name="teacherId"
          label={cap(v.teacher.nom)}
          value={page.raw.teacherId}
          options={page.choices.teachers}
          empty="Все"
        />
        <Choice
          name="subjectId"
          label={cap(v.subject.nom)}
          value={page.raw.subjectId}
          options={page.choices.subjects}
          empty="Все"
        />
        <Button type="submit">Показать</Button>
      </form>
      {page.choices.periods.length > 0 && (
        <p className="flex flex-wrap gap-3 text-sm" aria-label="Учебные периоды">
          <span className="text-slate-500">Период:</span>
          {page.choices.periods.map((p) => (
            <Link
              key={p.id}
              className="text-blue-700 hover:underline"
              href={`/control?${new URLSearchParams({ ...page.raw, from: isoDate(p.startDate), to: isoDate(p.endDate) }).toString()}`}
            >
              {p.name}
            </Link>
          ))}
        </p>
      )}
      {page.error && (
        <p role="alert" className="text-sm text-red-700">
          {page.error}
        </p>
      )}
      {r && (
        <>
          <Downloads report="fill" query={page.raw} />
          {r.rows.length === 0 ? (
            <p className="text-sm text-slate-600">За этот период проведённых {v.lesson.genPl} нет.</p>
          ) : (
            <DataTable
              label="Заполнение журнала"
              dense
              className="[&_tbody_a]:text-blue-700 [&_tbody_a:hover]:underline"
              quickFilters={[{ tag: "problem", label: "только проблемы" }]}
              search={{ label: `Поиск по ${v.teacher.dat}, ${v.class.dat}, ${v.subject.dat}`, placeholder: "Поиск" }}
              columns={[
                { key: "teacher", header: cap(v.teacher.nom), rowHeader: true, sortable: true },
                { key: "className", header: classWord, sortable: true },
                { key: "subject", header: cap(v.subject.nom), sortable: true },
                { key: "lessons", header: cap(v.lesson.genPl), align: "right", sortable: true, descFirst: true },
                { key: "noTopic", header: "Без темы", align: "right", sortable: true, descFirst: true },
                { key: "noHomework", header: "Без д/з", align: "right", sortable: true, descFirst: true },
                { key: "noAttendance", header: "Без посещаемости", align: "right", sortable: true, descFirst: true },
                {
                  key: "lateMarks",
                  header: `Отметок позже ${r.lockDays} дн.`,
                  align: "right",
                  sortable: true,
                  descFirst: true,
                },
                { key: "marks", header: "Отметок", align: "right", sortable: true, descFirst: true },
                {
                  key: "density",
                  header: "Накопляемость",
                  title: `Отметок на ученика за ${DENSITY_LESSONS} уроков`,
                  align: "right",
                  sortable: true,
                },
                { key: "lastFilled", header: "Последнее заполнение", sortable: true },
                ...(canWrite ? [{ key: "remark", header: <span className="sr-only">Замечание</span> }] : []),
              ]}
              rows={r.rows.map((row) => ({
                key: `${row.teacherId}:${row.classId}:${row.subjectId}`,
                tags: row.noTopic + row.noHomework + row.noAttendance + row.lateMarks > 0 ? ["problem"] : [],
                cells: {
                  teacher: row.teacher,
                  className: row.className,
                  subject: row.subject,
                  lessons: row.lessons,
                  noTopic: warn(row.noTopic),
                  noHomework: warn(row.noHomework),
                  noAttendance: warn(row.noAttendance),
                  lateMarks: warn(row.lateMarks),
                  marks: row.marks,
                  density: { value: num(row.density), sort: row.density },
                  lastFilled: {
                    value: row.lastFilledAt ? formatDateTime(row.lastFilledAt, r.timeZone) : "не заполнялся",
                    sort: row.lastFilledAt ? row.lastFilledAt.getTime() : null,
                  },
                  // A plain link (its look declared once on the table): a <Link> per row costs a client
                  // reference and its props in the payload ×500.
                  remark: (
                    <a href={`/control/remarks?rt=${row.teacherId}&rc=${row.classId}&rs=${row.subjectId}`}>Замечание</a>
                  ),
                },
              }))}
              totals={{
                teacher: "Итого",
                lessons: r.totals.lessons,
                noTopic: r.totals.noTopic,
                noHomework: r.totals.noHomework,
                noAttendance: r.totals.noAttendance,
                lateMarks: r.totals.lateMarks,
                marks: r.totals.marks,
                density: num(r.totals.density),
              }}
            />
          )}
          <p className="text-xs text-slate-500">
            Накопляемость — отметок на одного ученика за {DENSITY_LESSONS} уроков. Урок замены считается за заменявшим
            учителем.
          </p>
        </>
      )}
      {shares && <DeadlineShares figures={shares} query={page.raw} kind={user.orgKind} />}
    </div>
  );
}
