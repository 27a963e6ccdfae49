// «Выполнение программ» (PLAN-5, 001 §4.2.2.6): per class × subject the hours planned to date
// (curriculum pro rata of study days) against the hours given; lagging subjects are flagged. PRG-1: beside
// them the approved work programme's hours and the КТП's, per section on demand.
//
// Issue 22 item 7 — decision: the page answers «which loads lag behind the plan» — filtered by class,
// subject, teacher and «only lagging» (GET parameters, a bad one refused with its message), ordered by
// class or by the lag; a line's sections are fetched when «по разделам программы» is opened
// (/plans/fulfilment/sections), not shipped for all of a school's ≈ 650 lines.
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { formatDate } from "@/lib/org/time";
import { compareRu } from "@/lib/org/collation";
import { cap, vocabulary, type Vocabulary } from "@/lib/org/vocabulary";
import { loadFulfilment } from "@/lib/plans/loaders";
import { filterFulfilment, LAG_MIN_HOURS, LAG_SHARE, lineTeachers } from "@/lib/plans/rules";
import { fulfilmentQuery } from "@/lib/plans/schema";
import { issuesText } from "@/lib/schema";
import { FulfilmentTable } from "@/components/plans/fulfilment-table";
import { packFulfilment } from "@/components/plans/fulfilment-rows";
import { Checkbox, Field, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { PickerForm } from "@/components/ui/picker-form";

export const metadata: Metadata = { title: "Выполнение программ" };

const LAGGING_BOX = { name: "lagging", value: "1", label: "только отстающие", className: "pb-1" } as const;
const sortOptions = (v: Vocabulary) => [
  { value: "class", label: `по ${v.class.datPl}` },
  { value: "lag", label: "по отставанию" },
];

export default async function FulfilmentPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, scopes } = await requireAccess("plans.viewAll");
  const v = vocabulary(user.orgKind);
  const search = await searchParams;
  const parsed = fulfilmentQuery.safeParse(
    Object.fromEntries(Object.entries(search).filter(([, value]) => typeof value === "string")),
  );
  const query = parsed.success ? parsed.data : {};
  const report = await loadFulfilment(user, scopes.includes("all"));
  const teachersOf = lineTeachers(report?.loads ?? []);
  const lines = (report?.lines ?? []).map((l) => ({ ...l, teachers: teachersOf(l) }));
  const lagging = lines.filter((l) => l.lagging).length;
  const shown = filterFulfilment(
    lines,
    {
      classId: query.class,
      subjectId: query.subject,
      teacherId: query.teacher,
      onlyLagging: query.lagging === "1",
      sort: query.sort,
    },
    (l) => l.teachers,
  );
  const choices = choicesOf(lines);
  return (
    <div className="space-y-3">
      <PageHeader title="Выполнение программ" />
      <p className="max-w-3xl text-sm text-slate-600">
        На {report ? formatDate(report.today) : "—"}: «план» — часы учебного плана, приходящиеся на прошедшие учебные
        дни (пропорционально учебным дням без каникул), «дано» — часы проведённых {v.lesson.genPl} без отменённых.
        Отстаёт — меньше плана больше чем на {LAG_MIN_HOURS} ч и больше чем на {LAG_SHARE * 100} %. «По программе» —
        часы утверждённой рабочей программы, «В КТП» — часы КТП {v.class.gen} (цветом — расхождение с программой); по
        разделам — часы программы, КТП и проведённые {v.lesson.nomPl} по темам раздела.
      </p>
      <p role="note" className={lagging ? "text-sm font-medium text-red-700" : "text-sm text-green-800"}>
        Отстающих {v.subject.genPl}: {lagging}
      </p>
      <PickerForm label="Фильтр строк" framed>
        <Field label={cap(v.class.nom)} name="class">
          <Select defaultValue={query.class ?? ""} placeholder="все" options={choices.classes} />
        </Field>
        <Field label={cap(v.subject.nom)} name="subject">
          <Select defaultValue={query.subject ?? ""} placeholder="все" options={choices.subjects} />
        </Field>
        <Field label={cap(v.teacher.nom)} name="teacher">
          <Select defaultValue={query.teacher ?? ""} placeholder="все" options={choices.teachers} />
        </Field>
        <Field label="Порядок" name="sort">
          <Select defaultValue={query.sort ?? "class"} options={sortOptions(v)} />
        </Field>
        <Checkbox {...LAGGING_BOX} defaultChecked={query.lagging === "1"} />
      </PickerForm>
      {!parsed.success ? (
        <p role="alert" className="text-sm text-red-700">
          {issuesText(parsed.error)}
        </p>
      ) : (
        <>
          {shown.length !== lines.length && (
            <p className="text-sm text-slate-600">
              Показано строк: {shown.length} из {lines.length}.
            </p>
          )}
          <FulfilmentTable
            rows={packFulfilment(shown, report?.totals)}
            kind={v.kind}
            empty={lines.length ? "Нет строк по этому фильтру." : undefined}
          />
        </>
      )}
    </div>
  );
}

/** The filter's choices: the classes, subjects and teachers the report's lines hold. */
function choicesOf(
  lines: readonly {
    classId: number;
    className: string;
    subjectId: number;
    subjectName: string;
    teachers: readonly { id: number; name: string }[];
  }[],
) {
  const classes = new Map<number, string>();
  const subjects = new Map<number, string>();
  const teachers = new Map<number, string>();
  for (const l of lines) {
    classes.set(l.classId, l.className);
    subjects.set(l.subjectId, l.subjectName);
    for (const t of l.teachers) teachers.set(t.id, t.name);
  }
  const options = (m: Map<number, string>) => [...m].map(([value, label]) => ({ value, label }));
  return {
    // The lines come in the classes' order (grade, name).
    classes: options(classes),
    subjects: options(subjects).sort((a, b) => compareRu(a.label, b.label)),
    teachers: options(teachers).sort((a, b) => compareRu(a.label, b.label) || a.value - b.value),
  };
}
