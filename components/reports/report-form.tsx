// One report's form on «Отчёты»: the class (or the whole organisation), the period, month or
// dates, and the format. A GET form to /api/reports/<report>, sent by fetch (DownloadHandler: a
// file is saved, a queued heavy report — 202 — shows in «Мои отчёты»); the «В фоне» buttons order
// the same request as a background job.
import type { ReportClass, ReportPeriod } from "@/lib/reports/data";
import { DateRangeFields, DownloadButtons } from "./report-fields";
import { JobButtons } from "./job-buttons";
import { DateInput, Input, Select } from "@/components/ui/field";
import { optionsOf } from "@/components/ui/options";

const field = "block text-sm";
/** A select is as wide as its longest option (a college's «Специальность 09.02.07 Информационные системы
 * и программирование»): kept inside its card instead of running past the page (DAY-4). */
const fit = "max-w-full";

export type ReportFormProps = {
  report: string;
  title: string;
  description: string;
  classWord: string;
  classes: ReportClass[];
  /** The class preselected where one class is required (the first with marks, JRN-10). */
  defaultClassId?: number | null;
  /** Whole parallels and departments («grade:7», «dept:3») for the reports over many classes. */
  groups?: { value: string; label: string }[];
  /** "required" — one class; "optional" — a class or, for the «all» scope, the whole organisation; "none" — no class. */
  classChoice: "required" | "optional" | "none";
  wholeOrganisation: boolean;
  periods?: ReportPeriod[];
  /** The period preselected (PRN-10: the organisation's current one). */
  defaultPeriodId?: number | null;
  /** Offer «Учебный год целиком» (no periodId) after the periods. */
  wholeYear?: boolean;
  /** Subjects / disciplines to choose one from (subjectId), with the field's label. */
  subjects?: { label: string; options: { id: number; name: string }[] };
  /** Offer «по месяцам» / «по дисциплинам» (the attendance sheet, PRN-6). */
  breakdown?: { subjectWord: string };
  /** A month «ГГГГ-ММ». */
  month?: string;
  /** Teachers to choose from (reports.admin «all»); absent — the signed-in teacher's own report. */
  teachers?: { id: number; name: string }[];
  range?: { from: string; to: string };
  date?: string;
  /** A past year (REC-3): sent along so a parallel or department is read in that year. */
  yearId?: number | null;
};

export function ReportForm(props: ReportFormProps) {
  return (
    <form
      action={`/api/reports/${props.report}`}
      method="get"
      // min-w-0: the page's cards are grid items, whose least width is their content's — the college's
      // «Специальность 09.02.07 …» option widened the curator's cards to 536 px on a 390 px phone (DAY-4).
      className="min-w-0 space-y-2 rounded border border-slate-200 bg-white p-4"
    >
      <h2 className="font-semibold">{props.title}</h2>
      <p className="text-xs text-slate-500">{props.description}</p>
      {props.yearId ? <input type="hidden" name="yearId" value={props.yearId} /> : null}
      {props.classChoice !== "none" && (
        <label className={field}>
          {props.classWord}
          <Select
            name="classId"
            className={fit}
            defaultValue={props.classChoice === "required" ? (props.defaultClassId ?? undefined) : undefined}
          >
            {props.classChoice === "optional" && props.wholeOrganisation && <option value="">Вся организация</option>}
            {props.classChoice === "optional" && props.groups && props.groups.length > 0 && (
              <optgroup label="Параллели и отделения">
                {props.groups.map((g) => (
                  <option key={g.value} value={g.value}>
                    {g.label}
                  </option>
                ))}
              </optgroup>
            )}
            {props.classes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </label>
      )}
      {props.teachers && (
        <label className={field}>
          Преподаватель
          <Select name="teacherId" className={fit} placeholder="Я" options={optionsOf(props.teachers)} />
        </label>
      )}
      {props.periods && (
        <label className={field}>
          Период
          <Select name="periodId" className={fit} defaultValue={props.defaultPeriodId ?? undefined}>
            {props.periods.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
            {props.wholeYear && <option value="">Учебный год целиком</option>}
          </Select>
        </label>
      )}
      {props.subjects && (
        <label className={field}>
          {props.subjects.label}
          <Select name="subjectId" className={fit}>
            {props.subjects.options.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </label>
      )}
      {props.breakdown && (
        <label className={field}>
          Разрез
          <Select name="by">
            <option value="month">по месяцам</option>
            <option value="subject">{`по ${props.breakdown.subjectWord}`}</option>
          </Select>
        </label>
      )}
      {props.month && (
        <label className={field}>
          Месяц
          <Input type="month" name="month" defaultValue={props.month} />
        </label>
      )}
      {props.range && <DateRangeFields from={props.range.from} to={props.range.to} />}
      {props.date && (
        <label className={field}>
          На дату
          <DateInput name="date" defaultValue={props.date} />
        </label>
      )}
      <DownloadButtons />
      <JobButtons report={props.report} />
    </form>
  );
}
