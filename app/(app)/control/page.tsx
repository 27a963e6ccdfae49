// «Контроль журнала» — the journal-fill report (CTL-1, seed 001 §4.2.2.7 «Отчёт о доступе к
// классному журналу»): per teacher × class × subject for a period, with filters and files (RPT-11).
// Issue 22 item 7: without a class, teacher or subject filter the page shows one line per class
// (its totals, its problems counted) and opens a class's rows on demand; «все строки» shows them all.
// Likewise DUT-1's shares: their totals, each teacher's row by «по учителям» (shares=teachers) or a filter.
import type { Metadata } from "next";
import { cap, pluralOf, vocabulary } from "@/lib/org/vocabulary";
import Link from "@/components/ui/link";
import { SoftNav } from "@/components/ui/soft-nav";
import { authorize } from "@/lib/access/authorize";
import { requireAccess } from "@/lib/access/guard";
import { fillRaw, loadFillPage } from "@/lib/control/loaders";
import { DENSITY_LESSONS, fillByClass, isProblemRow } from "@/lib/control/rules";
import { formatDateTime, isoDate } from "@/lib/org/time";
import { Choice, DateChoice, Downloads, FilterForm } from "@/components/control/filter-bits";
import { DataTable, type DataColumn, type DataRow } from "@/components/ui/data-table";
import { DeadlineShares } from "@/components/control/deadline-shares";
import { loadDeadlineShares } from "@/lib/control/deadline/loaders";
import { fillQuery } from "@/lib/control/schema";
import { formatNumber } from "@/lib/org/vocabulary";
import { ktpDueWarnings } from "@/lib/programmes/loaders";
import { serverNow } from "@/lib/org/clock";
import { Notice } from "@/components/ui/card";
import type { CurrentUser } from "@/lib/auth/session";
import { compareRuNumeric } from "@/lib/org/collation";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Контроль журнала" };

const num = (n: number | null) => (n === null ? "—" : formatNumber(n, 2));

/** PRG-1: the КТП overdue a week after their work programme's approval, for who approves programmes. */
async function overdueKtpCount(user: CurrentUser): Promise<number> {
  if (!(await authorize(user, "programmes.approve")).allowed) return 0;
  return (await ktpDueWarnings(user.organisationId, null, serverNow())).filter((w) => w.overdue).length;
}

/** The counts shared by a teacher × subject row and a class's line (from «lessons» on). */
type Counts = {
  lessons: number;
  noTopic: number;
  noHomework: number;
  noAttendance: number;
  lateMarks: number;
  marks: number;
  density: number | null;
  lastFilledAt: Date | null;
};

export default async function ControlPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, scopes } = await requireAccess("control.view");
  const raw = fillRaw(user, await searchParams);
  // DUT-1: the shares filled by the deadline on the filters' last day, its week and month.
  const filters = fillQuery.safeParse(raw);
  // The page's reads are independent of each other: one round, not four in a row.
  const [canWrite, overdueKtp, page, shares] = await Promise.all([
    authorize(user, "remarks.write").then((d) => d.allowed),
    overdueKtpCount(user),
    loadFillPage(user, scopes, raw),
    filters.success
      ? loadDeadlineShares(user, scopes, {
          day: filters.data.to,
          classId: filters.data.classId,
          teacherId: filters.data.teacherId,
        })
      : null,
  ]);
  // DAY-6: the organisation's words (lib/org/vocabulary.ts).
  const v = vocabulary(user.orgKind);
  const classWord = cap(v.class.nom);
  const r = page.report;
  const byClass = !raw.classId && !raw.teacherId && !raw.subjectId && raw.view !== "rows";
  const link = (q: Record<string, string>) => {
    const { view: _view, ...filters } = page.raw;
    return `/control?${new URLSearchParams({ ...filters, ...q }).toString()}`;
  };
  // A count over zero in red; zero as a plain number cell (its sort is itself) — no empty class on many rows.
  const warn = (n: number) => (n > 0 ? { value: n, sort: n, className: "text-red-700 font-medium" } : n);
  const countColumns = (lockDays: number): DataColumn[] => [
    { key: "lessons", header: cap(v.lesson.genPl), align: "right", sortable: true, descFirst: true },
    { key: "noTopic", header: "Без темы", align: "right", sortable: true, descFirst: true },
    { key: "noHomework", header: "Без д/з", align: "right", sortable: true, descFirst: true },
    { key: "noAttendance", header: "Без посещаемости", align: "right", sortable: true, descFirst: true },
    { key: "lateMarks", header: `Отметок позже ${lockDays} дн.`, align: "right", sortable: true, descFirst: true },
    { key: "marks", header: "Отметок", align: "right", sortable: true, descFirst: true },
    {
      key: "density",
      header: "Накопляемость",
      title: `Отметок на ${v.student.acc} за ${DENSITY_LESSONS} ${pluralOf(DENSITY_LESSONS, v.lesson)}`,
      align: "right",
      sortable: true,
    },
    { key: "lastFilled", header: "Последнее заполнение", sortable: true },
  ];
  const countCells = (c: Counts, timeZone: string): DataRow["cells"] => ({
    lessons: c.lessons,
    noTopic: warn(c.noTopic),
    noHomework: warn(c.noHomework),
    noAttendance: warn(c.noAttendance),
    lateMarks: warn(c.lateMarks),
    marks: c.marks,
    density: { value: num(c.density), sort: c.density },
    lastFilled: {
      value: c.lastFilledAt ? formatDateTime(c.lastFilledAt, timeZone) : "не заполнялся",
      sort: c.lastFilledAt ? c.lastFilledAt.getTime() : null,
    },
  });
  const totals = r && {
    lessons: r.totals.lessons,
    noTopic: r.totals.noTopic,
    noHomework: r.totals.noHomework,
    noAttendance: r.totals.noAttendance,
    lateMarks: r.totals.lateMarks,
    marks: r.totals.marks,
    density: num(r.totals.density),
  };
  const tableLook = {
    label: "Заполнение журнала",
    dense: true,
    className: "[&_tbody_a]:text-blue-700 [&_tbody_a:hover]:underline",
    quickFilters: [{ tag: "problem", label: "только проблемы" }],
  };
  const classNames = new Map(r?.rows.map((row) => [row.classId, row.className]));
  return (
    <div className="space-y-4">
      <PageHeader title={`Отчёт о доступе к ${v.journal.dat}`} />
      {overdueKtp > 0 && (
        <Notice tone="error">
          КТП по рабочим программам просрочены: {overdueKtp}.{" "}
          <Link href="/plans/programmes" className="underline">
            Рабочие программы
          </Link>
        </Notice>
      )}
      <FilterForm grid="wide">
        <DateChoice name="from" label="С" value={page.raw.from} />
        <DateChoice name="to" label="По" value={page.raw.to} />
        {(
          [
            ["classId", classWord, page.choices.classes],
            ["teacherId", cap(v.teacher.nom), page.choices.teachers],
            ["subjectId", cap(v.subject.nom), page.choices.subjects],
          ] as const
        ).map(([name, label, options]) => (
          <Choice key={name} name={name} label={label} value={page.raw[name]} options={options} empty="Все" />
        ))}
      </FilterForm>
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
      {r && totals && (
        <>
          <Downloads report="fill" query={page.raw} />
          {r.rows.length === 0 ? (
            <p className="text-sm text-slate-600">За этот период проведённых {v.lesson.genPl} нет.</p>
          ) : byClass ? (
            <>
              <p className="text-sm text-slate-600">
                По {v.class.datPl}: строки {v.teacher.genPl} и {v.subject.genPl} — по ссылке на {v.class.acc} или с
                фильтром;{" "}
                <Link href={link({ view: "rows" })} className="text-blue-700 underline">
                  все строки ({r.rows.length})
                </Link>
                .
              </p>
              {/* The class links (pages of this report) open on the client like every Link: the table is
                  marked once (SoftNav), not each anchor; it holds no file or export link (Downloads is
                  outside it, and an unmarked anchor stays the browser's) — issue 22 item 7. */}
              <SoftNav as="div">
                <DataTable
                  {...tableLook}
                  search={{ label: `Поиск по ${v.class.datPl}`, placeholder: "Поиск" }}
                  columns={[
                    { key: "className", header: classWord, rowHeader: true, sortable: true },
                    {
                      key: "problemRows",
                      header: "Строк с проблемами",
                      align: "right",
                      sortable: true,
                      descFirst: true,
                    },
                    ...countColumns(r.lockDays),
                  ]}
                  rows={fillByClass(r.rows)
                    .map((c) => ({ ...c, name: classNames.get(c.classId) ?? "—" }))
                    .sort((a, b) => compareRuNumeric(a.name, b.name))
                    .map((c) => ({
                      key: c.classId,
                      tags: c.problemRows > 0 ? ["problem"] : [],
                      search: c.name,
                      cells: {
                        className: { value: <a href={link({ classId: String(c.classId) })}>{c.name}</a>, sort: c.name },
                        problemRows: { value: `${c.problemRows} из ${c.rows}`, sort: c.problemRows },
                        ...countCells(c, r.timeZone),
                      },
                    }))}
                  totals={{
                    className: "Итого",
                    problemRows: `${r.rows.filter(isProblemRow).length} из ${r.rows.length}`,
                    ...totals,
                  }}
                />
              </SoftNav>
            </>
          ) : (
            // ≈ 500 «Замечание» links for the administration: marked once on the table (SoftNav) so a click
            // opens the remark form on the client, as every other in-app link does (issue 22 item 7);
            // before, each was a plain anchor that loaded a whole document. No file or export link is
            // inside (Downloads stands above the table).
            <SoftNav as="div">
              <DataTable
                {...tableLook}
                search={{ label: `Поиск по ${v.teacher.dat}, ${v.class.dat}, ${v.subject.dat}`, placeholder: "Поиск" }}
                columns={[
                  { key: "teacher", header: cap(v.teacher.nom), rowHeader: true, sortable: true },
                  { key: "className", header: classWord, sortable: true },
                  { key: "subject", header: cap(v.subject.nom), sortable: true },
                  ...countColumns(r.lockDays),
                  ...(canWrite ? [{ key: "remark", header: <span className="sr-only">Замечание</span> }] : []),
                ]}
                rows={r.rows.map((row) => ({
                  key: `${row.teacherId}:${row.classId}:${row.subjectId}`,
                  tags: isProblemRow(row) ? ["problem"] : [],
                  cells: {
                    teacher: row.teacher,
                    className: row.className,
                    subject: row.subject,
                    ...countCells(row, r.timeZone),
                    // A plain link (its look declared once on the table): a <Link> per row costs a client
                    // reference and its props in the payload ×500.
                    remark: (
                      <a href={`/control/remarks?rt=${row.teacherId}&rc=${row.classId}&rs=${row.subjectId}`}>
                        Замечание
                      </a>
                    ),
                  },
                }))}
                totals={{ teacher: "Итого", ...totals }}
              />
            </SoftNav>
          )}
          <p className="text-xs text-slate-500">
            Накопляемость — отметок на одного {v.student.acc} за {DENSITY_LESSONS} {pluralOf(DENSITY_LESSONS, v.lesson)}
            . {cap(v.lesson.nom)} замены считается за заменявшим {v.teacher.ins}.
          </p>
        </>
      )}
      {shares && (
        <DeadlineShares
          figures={shares}
          query={page.raw}
          kind={user.orgKind}
          // Unfiltered, the shares come as their totals first, each teacher's row on demand.
          rowsHref={byClass && raw.shares !== "teachers" ? link({ shares: "teachers" }) : undefined}
        />
      )}
    </div>
  );
}
