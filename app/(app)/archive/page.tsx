// «Архив» (ARC-1, ARC-2): build the archive set of a year (RPT-1 and RPT-12 per class as PDF, the
// data as JSON, a manifest of SHA-256 digests), list the sets, download their files, verify them.
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { loadArchivePage } from "@/lib/archive/loaders";
import { formatDateTime } from "@/lib/org/time";
import { BuildArchiveForm, VerifyArchiveForm } from "@/components/archive/archive-forms";

export const metadata: Metadata = { title: "Архив" };

const kb = (n: number) => `${Math.max(1, Math.round(n / 1024))} КБ`;

export default async function ArchivePage() {
  const { user } = await requireAccess("archive.manage");
  const { years, sets } = await loadArchivePage(user);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Архив учебных лет</h1>
      <p className="text-sm text-slate-600">
        Архив года: сводные ведомости и печатная версия журнала по каждому классу (PDF), данные класса (JSON) и опись с
        контрольными суммами SHA-256. Файлы архива только читаются; проверка целостности называет каждый изменённый или
        пропавший файл. Из командной строки: <code>npm run archive:verify</code>.
      </p>
      {years.length > 0 ? (
        <BuildArchiveForm years={years} />
      ) : (
        <p className="text-sm text-slate-600">Учебных лет нет.</p>
      )}
      {sets.length === 0 ? (
        <p className="text-sm text-slate-600">Архивов пока нет.</p>
      ) : (
        <ul className="space-y-3" aria-label="Архивы">
          {sets.map((s) => (
            <li key={s.id} className="space-y-2 rounded border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="font-semibold">
                  {s.yearName} учебный год · архив № {s.id}
                </h2>
                <span className="text-sm text-slate-500">сформирован {formatDateTime(s.createdAt, user.timeZone)}</span>
              </div>
              <VerifyArchiveForm setId={s.id} />
              <details className="text-sm">
                <summary className="cursor-pointer">Файлы ({s.stored.manifest.files.length + 1})</summary>
                <ul className="mt-1 space-y-0.5">
                  <li>
                    <a className="text-blue-700 hover:underline" href={`/api/archive/file?set=${s.id}&file=manifest`}>
                      manifest.json
                    </a>
                  </li>
                  {s.stored.manifest.files.map((f, i) => (
                    <li key={f.storageKey}>
                      <a className="text-blue-700 hover:underline" href={`/api/archive/file?set=${s.id}&file=${i}`}>
                        {f.name}
                      </a>{" "}
                      <span className="text-slate-500">
                        {kb(f.size)} · SHA-256 <code className="text-xs">{f.sha256.slice(0, 16)}…</code>
                      </span>
                    </li>
                  ))}
                </ul>
                {s.stored.manifest.skipped.length > 0 && (
                  <ul className="mt-2 list-disc pl-5 text-slate-500">
                    {s.stored.manifest.skipped.map((x) => (
                      <li key={x}>{x}</li>
                    ))}
                  </ul>
                )}
              </details>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
