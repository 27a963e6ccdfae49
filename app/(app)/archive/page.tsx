// «Архив» (ARC-1, ARC-2, REC-5): build the archive set of a year (RPT-1 per period and for the year,
// RPT-12 per class as PDF, the data as JSON, a manifest of SHA-256 digests with each document's
// retention), list the sets of a year, download their files, verify them; the register of documents
// and their destruction is «Реестр архива».
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { requireAccess } from "@/lib/access/guard";
import { loadArchivePage } from "@/lib/archive/loaders";
import { formatDate, formatDateTime } from "@/lib/org/time";
import { BuildArchiveForm, VerifyArchiveForm } from "@/components/archive/archive-forms";
import { YearTabs } from "@/components/org/year-tabs";
import { idSchema } from "@/lib/schema";
import { PageHeader } from "@/components/ui/page-header";
import { vocabulary } from "@/lib/org/vocabulary";

export const metadata: Metadata = { title: "Архив" };

const kb = (n: number) => `${Math.max(1, Math.round(n / 1024))} КБ`;
const yearParam = idSchema;

export default async function ArchivePage({ searchParams }: { searchParams: Promise<{ year?: string | string[] }> }) {
  const { user } = await requireAccess("archive.manage");
  const wanted = yearParam.safeParse((await searchParams).year);
  const yearId = wanted.success ? wanted.data : undefined;
  const { years, sets } = await loadArchivePage(user, yearId);
  const v = vocabulary(user.orgKind);
  return (
    <div className="space-y-4">
      <PageHeader
        title="Архив учебных лет"
        actions={
          <Link href="/archive/register" className="text-sm text-blue-700 hover:underline">
            Реестр архива и сроки хранения →
          </Link>
        }
      />
      <p className="text-sm text-slate-600">
        Архив года: сводные ведомости за периоды и за год с решениями педсовета, печатная версия журнала по{" "}
        {v.eachClass} (PDF), данные {v.class.gen} (JSON) и опись с контрольными суммами SHA-256 и сроками хранения.
        Файлы архива только читаются; проверка целостности называет каждый изменённый или пропавший файл, уничтоженные
        по акту — учитывает отдельно. Из командной строки: <code>npm run archive:verify</code>.
      </p>
      {years.length > 0 ? (
        <BuildArchiveForm key={yearId ?? 0} years={years} selected={yearId} />
      ) : (
        <p className="text-sm text-slate-600">Учебных лет нет.</p>
      )}
      <YearTabs
        years={years.map((y) => ({ ...y, href: `/archive?year=${y.id}` }))}
        selectedId={yearId ?? null}
        allHref="/archive"
      />
      {sets.length === 0 ? (
        <p className="text-sm text-slate-600">Архивов {yearId ? "этого учебного года " : ""}пока нет.</p>
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
                      {s.destroyed.has(f.storageKey) ? (
                        <span className="text-slate-500 line-through">{f.name}</span>
                      ) : (
                        <a className="text-blue-700 hover:underline" href={`/api/archive/file?set=${s.id}&file=${i}`}>
                          {f.name}
                        </a>
                      )}{" "}
                      <span className="text-slate-500">
                        {kb(f.size)} · SHA-256 <code className="text-xs">{f.sha256.slice(0, 16)}…</code>
                        {f.retentionEnd && ` · хранить до ${formatDate(new Date(`${f.retentionEnd}T00:00:00Z`))}`}
                        {s.destroyed.has(f.storageKey) && ` · уничтожен по акту № ${s.destroyed.get(f.storageKey)}`}
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
