// «Сообщить об отсутствии» (DUT-4, seed 002 §4.4.2): a parent tells the class teacher in advance or
// on the day that their child will be absent — dates, reason, a photo of a note — and sees the
// answer. Only their own children: another child's id answers «Нет доступа» (403), nothing written.
import { cap, vocabulary, type Vocabulary } from "@/lib/org/vocabulary";
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { forbidden } from "next/navigation";
import { authorize } from "@/lib/access/authorize";
import { requireAccess } from "@/lib/access/guard";
import { loadChildNotices } from "@/lib/absences/loaders";
import { NOTICE_REASON_LABELS, rangeText } from "@/lib/absences/rules";
import { loadDiaryStudents } from "@/lib/diary/loaders";
import { serverNow } from "@/lib/org/clock";
import { formatDateTime, isoDate, todayIn } from "@/lib/org/time";
import { NoticeForm } from "@/components/absences/notice-form";
import { idSchema } from "@/lib/schema";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Сообщить об отсутствии" };

const studentParam = idSchema;
const statusOf = (v: Vocabulary) =>
  ({
    PENDING: { text: `ждёт ответа ${v.classTeacher.gen}`, tone: "text-slate-600" },
    ACCEPTED: { text: `принято ${v.classTeacher.ins}`, tone: "text-emerald-700" },
    DECLINED: { text: "отклонено", tone: "text-red-700" },
  }) as const;

export default async function NoticePage({ searchParams }: { searchParams: Promise<{ student?: string | string[] }> }) {
  const { user } = await requireAccess("absence.notify");
  const v = vocabulary(user.orgKind);
  const status = statusOf(v);
  const children = await loadDiaryStudents(user);
  const wanted = studentParam.safeParse((await searchParams).student);
  const studentId = wanted.success ? wanted.data : children[0]?.studentId;
  if (studentId === undefined)
    return <p className="text-slate-600">К вашей учётной записи не привязан ни один обучающийся.</p>;
  if (!(await authorize(user, "absence.notify", { kind: "student", studentId })).allowed) forbidden();
  const notices = await loadChildNotices(user, studentId);
  const name = children.find((c) => c.studentId === studentId)?.name ?? "";
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <PageHeader
        title="Сообщить об отсутствии"
        subtitle={<>{cap(v.classTeacher.nom)} получит сообщение и ответит здесь же.</>}
      />
      {children.length > 1 && (
        <nav aria-label="Дети" className="flex flex-wrap gap-1">
          {children.map((c) => (
            <Link
              key={c.studentId}
              href={`/diary/absences?student=${c.studentId}`}
              aria-current={c.studentId === studentId ? "page" : undefined}
              className={`rounded-full px-3 py-1 text-sm ${c.studentId === studentId ? "bg-blue-700 text-white" : "bg-slate-100 text-slate-800 hover:bg-slate-200"}`}
            >
              {c.name}
            </Link>
          ))}
        </nav>
      )}
      <p className="font-medium">{name}</p>
      <NoticeForm
        key={studentId}
        studentId={studentId}
        classTeacherDative={v.classTeacher.dat}
        today={isoDate(todayIn(user.timeZone, serverNow()))}
      />
      <section className="space-y-2" aria-label="Мои сообщения">
        <h2 className="text-lg font-semibold">Отправленные сообщения</h2>
        {notices.length === 0 ? (
          <p className="text-sm text-slate-600">Сообщений пока нет.</p>
        ) : (
          <ul className="space-y-2">
            {notices.map((n) => (
              <li key={n.id} data-notice={n.id} className="rounded border border-slate-200 bg-white p-3 text-sm">
                <p className="font-medium">
                  {rangeText(n.dateFrom, n.dateTo)} · {NOTICE_REASON_LABELS[n.reason]}
                </p>
                <p className="text-xs text-slate-500">отправлено {formatDateTime(n.createdAt, user.timeZone)}</p>
                <p className={status[n.status].tone}>
                  {status[n.status].text}
                  {n.declineReason ? `: ${n.declineReason}` : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
