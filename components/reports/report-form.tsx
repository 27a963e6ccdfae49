// One report's form on «Отчёты»: the class (or the whole organisation), the period, month or
// dates, and the format. A plain GET form: the file comes from /api/reports/<report>; the
// «В фоне» buttons order the same request as a background job.
import type { ReportClass, ReportPeriod } from "@/lib/reports/data";
import { JobButtons } from "./job-buttons";

const field = "block text-sm";
const input = "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm";

export type ReportFormProps = {
  report: string;
  title: string;
  description: string;
  classWord: string;
  classes: ReportClass[];
  /** Whole parallels and departments («grade:7», «dept:3») for the reports over many classes. */
  groups?: { value: string; label: string }[];
  /** "required" — one class; "optional" — a class or, for the «all» scope, the whole organisation; "none" — no class. */
  classChoice: "required" | "optional" | "none";
  wholeOrganisation: boolean;
  periods?: ReportPeriod[];
  /** Offer «Учебный год целиком» (no periodId) after the periods. */
  wholeYear?: boolean;
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
      className="space-y-2 rounded border border-slate-200 bg-white p-4"
    >
      <h2 className="font-semibold">{props.title}</h2>
      <p className="text-xs text-slate-500">{props.description}</p>
      {props.yearId ? <input type="hidden" name="yearId" value={props.yearId} /> : null}
      {props.classChoice !== "none" && (
        <label className={field}>
          {props.classWord}
          <select name="classId" className={input}>
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
          </select>
        </label>
      )}
      {props.teachers && (
        <label className={field}>
          Преподаватель
          <select name="teacherId" className={input}>
            <option value="">Я</option>
            {props.teachers.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {props.periods && (
        <label className={field}>
          Период
          <select name="periodId" className={input}>
            {props.periods.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
            {props.wholeYear && <option value="">Учебный год целиком</option>}
          </select>
        </label>
      )}
      {props.month && (
        <label className={field}>
          Месяц
          <input type="month" name="month" className={input} defaultValue={props.month} />
        </label>
      )}
      {props.range && (
        <div className="grid grid-cols-2 gap-2">
          <label className={field}>
            С
            <input type="date" name="from" className={input} defaultValue={props.range.from} />
          </label>
          <label className={field}>
            По
            <input type="date" name="to" className={input} defaultValue={props.range.to} />
          </label>
        </div>
      )}
      {props.date && (
        <label className={field}>
          На дату
          <input type="date" name="date" className={input} defaultValue={props.date} />
        </label>
      )}
      <div className="flex gap-2 pt-2">
        <button name="format" value="pdf" className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white">
          Скачать PDF
        </button>
        <button
          name="format"
          value="xlsx"
          className="rounded border border-blue-700 px-3 py-1.5 text-sm font-medium text-blue-800"
        >
          Скачать XLSX
        </button>
      </div>
      <JobButtons report={props.report} />
    </form>
  );
}
