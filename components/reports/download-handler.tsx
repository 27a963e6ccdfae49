"use client";
// The report form's «Скачать PDF / XLSX» (SEC-5): the request goes by fetch, so the form can answer
// whatever the server decides — a file (200) is saved under its own name; a heavy report queued
// because others are being built (202) says so and appears in «Мои отчёты»; a refusal shows its
// Russian message. Without JavaScript the form still downloads by a plain GET.
import { useEffect, useRef, useState } from "react";
import { JOB_ORDERED } from "./job-buttons";

/** The file name of a Content-Disposition header (RFC 5987 filename* first). */
function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]);
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? null;
}

export function DownloadHandler() {
  const anchor = useRef<HTMLSpanElement>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    const form = anchor.current?.closest("form");
    if (!form) return;
    const onSubmit = async (event: SubmitEvent) => {
      event.preventDefault();
      const submitter = event.submitter instanceof HTMLButtonElement ? event.submitter : null;
      const query = new URLSearchParams();
      for (const [k, v] of new FormData(form, submitter)) if (typeof v === "string" && v !== "") query.append(k, v);
      setMessage("Отчёт формируется…");
      try {
        const response = await fetch(`${form.action}?${query}`, { cache: "no-store" });
        if (response.status === 202) {
          const body = (await response.json()) as { message?: string; data?: { id: number } };
          setMessage(body.message ?? "Отчёт поставлен в очередь — он появится в «Мои отчёты»");
          window.dispatchEvent(new CustomEvent(JOB_ORDERED, { detail: body.data?.id }));
          return;
        }
        if (!response.ok) {
          const body = (await response.json().catch(() => null)) as { message?: string } | null;
          setMessage(body?.message ?? "Не удалось сформировать отчёт");
          return;
        }
        const link = document.createElement("a");
        link.href = URL.createObjectURL(await response.blob());
        link.download = fileNameOf(response.headers.get("content-disposition")) ?? "report";
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
        setMessage(null);
      } catch {
        setMessage("Нет связи с сервером");
      }
    };
    form.addEventListener("submit", onSubmit);
    return () => form.removeEventListener("submit", onSubmit);
  }, []);

  return (
    <span ref={anchor} className="block">
      {message && (
        <span role="status" className="block text-xs text-slate-600">
          {message}
        </span>
      )}
    </span>
  );
}
