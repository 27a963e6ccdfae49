"use client";
// «Сформировать в фоне»: orders the surrounding report form as a background job (POST
// /api/reports/jobs) and tells the jobs panel to refresh; long reports (the whole organisation,
// the printed journal for a year) do not hold the browser or the server. REG-2's territory reports
// page orders through its own `endpoint` (/api/region/report/jobs), without a `report` field.
import { useState } from "react";
import { Button } from "@/components/ui/button";

export const JOB_ORDERED = "report-job-ordered";

export function JobButtons({ report, endpoint = "/api/reports/jobs" }: { report?: string; endpoint?: string }) {
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function order(button: HTMLButtonElement, format: "pdf" | "xlsx") {
    const form = button.form;
    if (!form) return;
    const body: Record<string, string> = report ? { report, format } : { format };
    for (const [k, v] of new FormData(form)) if (typeof v === "string" && v !== "" && k !== "format") body[k] = v;
    setPending(true);
    setMessage(null);
    try {
      const response = await fetch(endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      const result = (await response.json()) as { ok: boolean; message?: string; data?: { id: number } };
      if (!result.ok) setMessage(result.message ?? "Не удалось поставить отчёт в очередь");
      else {
        setMessage("Отчёт поставлен в очередь — ход формирования ниже, в «Мои отчёты»");
        window.dispatchEvent(new CustomEvent(JOB_ORDERED, { detail: result.data?.id }));
      }
    } catch {
      setMessage("Нет связи с сервером");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-1">
      <div className="flex flex-wrap gap-2">
        {(["pdf", "xlsx"] as const).map((format) => (
          <Button
            variant="secondary"
            size="sm"
            key={format}
            type="button"
            disabled={pending}
            onClick={(e) => order(e.currentTarget, format)}
          >
            {`В фоне: ${format.toUpperCase()}`}
          </Button>
        ))}
      </div>
      {message && (
        <p role="status" className="text-xs text-slate-600">
          {message}
        </p>
      )}
    </div>
  );
}
