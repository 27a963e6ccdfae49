// «Сдача работ» (LRN-1): the teacher's homework that asks for a hand-in, of the last 60 days, with
// how many handed in, how many late, how many wait for a review and how many are missing after the
// due time. One line per homework; its page lists the students and reviews their work.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { requireAccess } from "@/lib/access/guard";
import { loadTeacherHandins } from "@/lib/learning/handin/loaders";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Сдача работ" };

export default async function HandinsPage() {
  const { user, scopes } = await requireAccess("homework.review");
  const rows = await loadTeacherHandins(user, scopes.includes("all"));
  return (
    <div className="space-y-3">
      <PageHeader
        title="Сдача работ"
        subtitle="Домашние задания, которые ученики сдают в электронном виде (за 60 дней). Включить сдачу можно в карточке урока журнала, в разделе «Сдача работ»."
      />
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">Заданий со сдачей работ пока нет.</p>
      ) : (
        <ul
          className="divide-y divide-slate-200 rounded border border-slate-200 bg-white"
          aria-label="Задания со сдачей работ"
        >
          {rows.map((r) => (
            <li key={r.homeworkId} className="p-3">
              <Link href={`/handins/${r.homeworkId}`} className="block hover:bg-slate-50">
                <div className="flex flex-wrap items-baseline gap-x-2">
                  <span className="font-medium">
                    {r.className} · {r.subjectName}
                  </span>
                  <span className="text-xs text-slate-500">урок {r.date}</span>
                  {r.dueLabel && <span className="text-xs text-slate-500">сдать {r.dueLabel}</span>}
                </div>
                <p className="line-clamp-2 text-sm text-slate-700">{r.text}</p>
                <p className="mt-1 flex flex-wrap gap-2 text-xs">
                  <span className="rounded bg-sky-100 px-1.5 text-sky-900">
                    сдали {r.handedIn} из {r.students}
                  </span>
                  {r.late > 0 && (
                    <span className="rounded bg-amber-100 px-1.5 text-amber-900">с опозданием {r.late}</span>
                  )}
                  {r.toReview > 0 && (
                    <span className="rounded bg-blue-700 px-1.5 font-medium text-white">
                      ждут проверки {r.toReview}
                    </span>
                  )}
                  {r.missing > 0 && (
                    <span className="rounded bg-red-100 px-1.5 text-red-800">не сдали {r.missing}</span>
                  )}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
