// Shared pieces of the control pages: the filter form, a labelled select or date, the line over a
// report's table, the download buttons of a report and the plain bordered list table.
import type { ReactNode } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { DateInput, Select } from "@/components/ui/field";
import { optionsOf } from "@/components/ui/options";
import { Table, THead } from "@/components/ui/table";

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

/** A page's filters as a GET form with «Показать» (`grid`: in columns), and a bad filter's message under it. */
export function FilterForm({
  grid = false,
  error,
  children,
}: {
  /** In columns: five (`true`) or six on a wide screen. */
  grid?: boolean | "wide";
  error?: string | null;
  children: ReactNode;
}) {
  return (
    <>
      <form
        method="get"
        className={
          grid
            ? `grid items-end gap-3 rounded border border-slate-200 bg-white p-4 sm:grid-cols-3 ${grid === "wide" ? "lg:grid-cols-6" : "lg:grid-cols-5"}`
            : "flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-4"
        }
      >
        {children}
        <Button type="submit">Показать</Button>
      </form>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </>
  );
}

export function DateChoice({ name, label, value }: { name: string; label: string; value?: string }) {
  return (
    <label className={fieldClass}>
      {label}
      <DateInput name={name} defaultValue={value} />
    </label>
  );
}

/** The line over a report's table: what the filter found, then the PDF and XLSX links. */
export function ReportLine({
  report,
  query,
  children,
}: {
  report: string;
  query: Record<string, string>;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-center gap-4">
      <p className="text-sm text-slate-600">{children}</p>
      <Downloads report={report} query={query} />
    </div>
  );
}

/** The report's PDF and XLSX links; `what` names them when a page has a second pair («PDF: заполнение в срок»). */
export function Downloads({ report, query, what }: { report: string; query: Record<string, string>; what?: string }) {
  const href = (format: string) =>
    `/api/control/report?${new URLSearchParams({ ...query, report, format }).toString()}`;
  return (
    // Wraps on a phone: «PDF: заполнение в срок» and «XLSX: …» side by side are wider than 390 px.
    <div className="flex flex-wrap gap-2">
      <ButtonLink variant="primary" href={href("pdf")}>
        {what ? `PDF: ${what}` : "Скачать PDF"}
      </ButtonLink>
      <ButtonLink href={href("xlsx")}>{what ? `XLSX: ${what}` : "Скачать XLSX"}</ButtonLink>
    </div>
  );
}

/** A control page's plain list on the kit's table: the headers, then the page's own rows (`Tr` / `Td`). */
export function ListTable({ label, headers, children }: { label: string; headers: ReactNode[]; children: ReactNode }) {
  return (
    <Table label={label}>
      <THead headers={headers} />
      <tbody>{children}</tbody>
    </Table>
  );
}
