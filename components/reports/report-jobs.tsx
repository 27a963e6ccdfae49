"use client";
// «Мои отчёты»: the signed-in user's background report jobs with a progress bar, polled while
// one is queued or running; a finished file downloads from /api/reports/jobs/<id>?download=1
// for 24 hours. REG-2's territory reports page passes its own `endpoint` (/api/region/report/jobs).
import { useCallback, useEffect, useState } from "react";
import type { JobView } from "@/lib/reports/jobs/rules";
import { JOB_ORDERED } from "./job-buttons";

const STATUS: Record<JobView["status"], string> = {
  QUEUED: "в очереди",
  RUNNING: "формируется",
  DONE: "готов",
  FAILED: "ошибка",
  EXPIRED: "удалён по сроку хранения",
};

export function ReportJobs({
  titles,
  initial,
  endpoint = "/api/reports/jobs",
}: {
  titles: Record<string, string>;
  initial: JobView[];
  endpoint?: string;
}) {
  const [jobs, setJobs] = useState(initial);
  const refresh = useCallback(async () => {
    try {
      const response = await fetch(endpoint, { cache: "no-store" });
      if (response.ok) setJobs(((await response.json()) as { data: JobView[] }).data);
    } catch {
      // The next poll tries again.
    }
  }, [endpoint]);
  const busy = jobs.some((j) => j.status === "QUEUED" || j.status === "RUNNING");

  useEffect(() => {
    const onOrdered = () => void refresh();
    window.addEventListener(JOB_ORDERED, onOrdered);
    return () => window.removeEventListener(JOB_ORDERED, onOrdered);
  }, [refresh]);

  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => void refresh(), 1500);
    return () => clearInterval(timer);
  }, [busy, refresh]);

  return (
    <section aria-labelledby="report-jobs" className="space-y-2 rounded border border-slate-200 bg-white p-4">
      <h2 id="report-jobs" className="font-semibold">
        Мои отчёты
      </h2>
      {jobs.length === 0 ? (
        <p className="text-sm text-slate-600">Отчёты, сформированные в фоне, появятся здесь и хранятся 24 часа.</p>
      ) : (
        <ul className="space-y-2">
          {jobs.map((j) => (
            <li key={j.id} className="text-sm" data-testid="report-job">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  {titles[j.report] ?? j.report}, {j.format.toUpperCase()} —{" "}
                  <span className="font-medium">{STATUS[j.status]}</span>
                  {j.status === "FAILED" && j.error ? `: ${j.error}` : ""}
                </span>
                {j.status === "DONE" && (
                  <a href={`${endpoint}/${j.id}?download=1`} className="text-blue-800 underline">
                    Скачать {j.fileName ?? ""}
                  </a>
                )}
              </div>
              {(j.status === "QUEUED" || j.status === "RUNNING") && (
                <div
                  role="progressbar"
                  aria-label={`Ход формирования: ${titles[j.report] ?? j.report}`}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={j.progress}
                  className="mt-1 h-2 w-full rounded bg-slate-200"
                >
                  <div className="h-2 rounded bg-blue-700" style={{ width: `${Math.max(3, j.progress)}%` }} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
