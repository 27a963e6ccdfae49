// Shared pieces of the control pages: a labelled select and the download buttons of a report.
import { ButtonLink } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { optionsOf } from "@/components/ui/options";

export const fieldClass = "flex min-w-0 flex-col gap-0.5 text-sm";

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
      <Select
        name={props.name}
        defaultValue={props.value ?? ""}
        className="w-full"
        placeholder={props.empty}
        options={optionsOf(props.options)}
      />
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
      <ButtonLink variant="primary" href={href("pdf")}>
        {what ? `PDF: ${what}` : "Скачать PDF"}
      </ButtonLink>
      <ButtonLink href={href("xlsx")}>{what ? `XLSX: ${what}` : "Скачать XLSX"}</ButtonLink>
    </div>
  );
}
