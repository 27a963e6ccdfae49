// PRG-2 + RPT-3: the clubs' attendance report form — an academic period of the current year or
// dates, PDF or XLSX; a GET form to /api/clubs/report sent by the reports' DownloadHandler (a
// refusal shows its Russian message). `clubId` absent = every club the user may see.
import { DateRangeFields, DownloadButtons } from "@/components/reports/report-fields";
import { Select } from "@/components/ui/field";
import { vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

const field = "block text-sm";

export function ClubReportForm(props: {
  clubId?: number;
  title: string;
  periods: { id: number; name: string }[];
  defaultPeriodId: number | null;
  range: { from: string; to: string };
  /** DAY-6: «По каждому студенту» at a college. */
  kind?: OrgKindName;
}) {
  const v = vocabulary(props.kind ?? "SCHOOL");
  return (
    <form action="/api/clubs/report" method="get" className="space-y-2 rounded border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">{props.title}</h2>
      <p className="text-xs text-slate-500">
        По каждому {v.student.dat}: проведено занятий, пропуски по причинам (УП, НП, Б, Н/ОТ — как в отчёте
        «Посещаемость»), опоздания, доля посещённых занятий; строка «Итого».
      </p>
      {props.clubId !== undefined && <input type="hidden" name="clubId" value={props.clubId} />}
      <label className={field}>
        Период
        <Select name="periodId" defaultValue={props.defaultPeriodId ?? ""}>
          {props.periods.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
          <option value="">Даты «с» и «по»</option>
        </Select>
      </label>
      <DateRangeFields from={props.range.from} to={props.range.to} />
      <DownloadButtons />
    </form>
  );
}
