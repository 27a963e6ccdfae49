// Shared pieces of the control pages: a labelled select and the download buttons of a report.
export const fieldClass = "block text-sm";
export const inputClass = "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm";

export function Choice(props: {
  name: string;
  label: string;
  value?: string;
  options: { id: number | string; name: string }[];
  empty?: string;
}) {
  return (
    <label className={fieldClass}>
      {props.label}
      <select name={props.name} defaultValue={props.value ?? ""} className={inputClass}>
        {props.empty !== undefined && <option value="">{props.empty}</option>}
        {props.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Links to /api/control/report with the page's filters in both formats. */
/** The report's PDF and XLSX links; `what` names them when a page has a second pair («PDF: заполнение в срок»). */
export function Downloads({ report, query, what }: { report: string; query: Record<string, string>; what?: string }) {
  const href = (format: string) =>
    `/api/control/report?${new URLSearchParams({ ...query, report, format }).toString()}`;
  return (
    <div className="flex gap-2">
      <a href={href("pdf")} className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white">
        {what ? `PDF: ${what}` : "Скачать PDF"}
      </a>
      <a href={href("xlsx")} className="rounded border border-blue-700 px-3 py-1.5 text-sm font-medium text-blue-800">
        {what ? `XLSX: ${what}` : "Скачать XLSX"}
      </a>
    </div>
  );
}
