// «Реестр архива» (REC-5): every archived document with its dates, SHA-256 and retention end; the acts
// of destruction (kept permanently, with their PDFs); the retention period per document kind
// (org.settings); documents past retention offered for destruction by an act ADMIN confirms
// (archive.dispose). The register downloads as XLSX. archive.manage opens the page.
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { authorize } from "@/lib/access/authorize";
import { loadRegisterPage } from "@/lib/archive/loaders";
import { kindLabel, retentionText, statusText } from "@/lib/archive/register";
import { formatDate, formatDateTime } from "@/lib/org/time";
import { DisposalForm, RetentionForm } from "@/components/archive/register-forms";
import { YearTabs } from "@/components/org/year-tabs";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { idSchema } from "@/lib/schema";
import { PageHeader } from "@/components/ui/page-header";
import { cap, vocabulary, type Vocabulary } from "@/lib/org/vocabulary";

export const metadata: Metadata = { title: "Реестр архива" };

const yearParam = idSchema;

const registerColumns = (v: Vocabulary): readonly DataColumn[] => [
  { key: "year", header: "Учебный год", className: "whitespace-nowrap" },
  { key: "class", header: cap(v.class.nom) },
  { key: "document", header: "Документ", rowHeader: true },
  { key: "set", header: "Архив", className: "whitespace-nowrap" },
  { key: "sha", header: "SHA-256" },
  { key: "keep", header: "Хранить до", className: "whitespace-nowrap" },
  { key: "status", header: "Состояние" },
];

export default async function ArchiveRegisterPage({
  searchParams,
}: {
  searchParams: Promise<{ year?: string | string[] }>;
}) {
  const { user } = await requireAccess("archive.manage");
  const wanted = yearParam.safeParse((await searchParams).year);
  const yearId = wanted.success ? wanted.data : undefined;
  const [page, settings, dispose] = await Promise.all([
    loadRegisterPage(user, yearId),
    authorize(user, "org.settings"),
    authorize(user, "archive.dispose"),
  ]);
  const rows = page.rows.map((r) => ({
    key: r.id,
    cells: {
      year: r.yearName,
      class: r.className ?? "",
      document: (
        <>
          {kindLabel(r.kind)}
          <span className="block text-xs text-slate-500">{r.name}</span>
        </>
      ),
      set: `№ ${r.setId}, ${formatDateTime(r.createdAt, user.timeZone).slice(0, 10)}`,
      sha: (
        <code className="text-xs" title={r.sha256}>
          {r.sha256.slice(0, 16)}…
        </code>
      ),
      keep: retentionText(r),
      status: statusText(r, page.today),
    },
  }));
  return (
    <div className="space-y-4">
      <PageHeader
        back={{ href: "/archive", label: "Архив" }}
        title="Реестр архива"
        actions={
          <a
            className="text-sm text-blue-700 hover:underline"
            href={`/api/archive/register${yearId ? `?year=${yearId}` : ""}`}
          >
            Скачать реестр (XLSX)
          </a>
        }
      />
      <p className="max-w-3xl text-sm text-slate-600">
        Каждый документ архива хранит свой срок: печатная версия журнала — 5 лет, сводная ведомость — 25 лет (Положение,
        п. 9.2), счёт — с 1 января года, следующего за окончанием учебного года. Документы с истёкшим сроком
        уничтожаются по акту, который утверждает администратор; реестр сохраняет запись и контрольную сумму
        уничтоженного документа.
      </p>
      {settings.allowed && <RetentionForm years={page.retention} />}
      {page.expired.length > 0 &&
        (dispose.allowed ? (
          <DisposalForm
            documents={page.expired.map((d) => ({
              id: d.id,
              label: `${d.yearName}, ${d.className ?? ""} — ${kindLabel(d.kind)} (${d.name})`,
              retention: retentionText(d),
            }))}
          />
        ) : (
          <p role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-1 text-sm text-amber-900">
            Срок хранения истёк у документов: {page.expired.length}. Акт о выделении к уничтожению утверждает
            администратор.
          </p>
        ))}
      {page.acts.length > 0 && (
        <section className="space-y-1 rounded border border-slate-200 bg-white p-4">
          <h2 className="font-semibold">Акты о выделении к уничтожению</h2>
          <ul className="text-sm">
            {page.acts.map((a) => (
              <li key={a.id}>
                <a className="text-blue-700 hover:underline" href={`/api/archive/act?id=${a.id}`}>
                  Акт № {a.number} от {formatDate(a.actDate)}
                </a>{" "}
                <span className="text-slate-500">
                  · документов: {a.documents} · SHA-256 <code className="text-xs">{a.sha256.slice(0, 16)}…</code> ·
                  хранится постоянно
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <YearTabs
        years={page.years.map((y) => ({ ...y, href: `/archive/register?year=${y.id}` }))}
        selectedId={yearId ?? null}
        allHref="/archive/register"
      />
      <DataTable
        label="Реестр архивных документов"
        empty="В реестре нет документов: сформируйте архив учебного года."
        columns={registerColumns(vocabulary(user.orgKind))}
        rows={rows}
      />
    </div>
  );
}
