// The pieces every report form shares (RPT, PRG-2's club report, REG-2's territory report): the
// «С / По» dates and the «Скачать PDF / XLSX» buttons with the fetch-based DownloadHandler.
import { Button } from "@/components/ui/button";
import { DateInput } from "@/components/ui/field";
import { DownloadHandler } from "./download-handler";

/** The report's date range: `from` and `to` (ISO dates) side by side. */
export function DateRangeFields(props: { from: string; to: string; required?: boolean }) {
  return (
    <div className="grid grid-cols-2 gap-2">
      <label className="block text-sm">
        С
        <DateInput name="from" defaultValue={props.from} required={props.required} />
      </label>
      <label className="block text-sm">
        По
        <DateInput name="to" defaultValue={props.to} required={props.required} />
      </label>
    </div>
  );
}

/** «Скачать PDF» and «Скачать XLSX» (the `format` of the GET form), sent by the DownloadHandler. */
export function DownloadButtons() {
  return (
    <>
      <div className="flex flex-wrap gap-2 pt-2">
        <Button type="submit" name="format" value="pdf">
          Скачать PDF
        </Button>
        <Button variant="secondary" type="submit" name="format" value="xlsx">
          Скачать XLSX
        </Button>
      </div>
      <DownloadHandler />
    </>
  );
}
