// One homework's hand-ins (LRN-1): every student of the lesson on its date with «сдано», «сдано с
// опозданием», «не сдано», «проверено», «на доработку», their text, files and photos, and — for
// the lesson's teacher (homework.review) — the review with a comment and a mark into the journal.
// The class teacher and the administration (journal view on the lesson) see the list read-only.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { forbidden, notFound } from "next/navigation";
import { z } from "zod";
import { authorize } from "@/lib/access/authorize";
import { requireAccess } from "@/lib/access/guard";
import { authorizeJournal } from "@/lib/journal/access";
import { homeworkForHandin } from "@/lib/learning/handin/data";
import { loadReviewView } from "@/lib/learning/handin/loaders";
import { PageHeader } from "@/components/ui/page-header";
import { HandinRoster } from "@/components/learning/handin-roster";
import { idSchema } from "@/lib/schema";
import { cap, vocabulary } from "@/lib/org/vocabulary";

export const metadata: Metadata = { title: "Сдача работ" };

const params = z.object({ homeworkId: idSchema });

export default async function HandinPage({ params: raw }: { params: Promise<{ homeworkId: string }> }) {
  const { user } = await requireAccess(["homework.review", "journal.viewAll", "journal.viewOwn"]);
  const parsed = params.safeParse(await raw);
  if (!parsed.success) notFound();
  const homework = await homeworkForHandin(user.organisationId, parsed.data.homeworkId);
  if (!homework) notFound();
  const rights = await authorizeJournal(user, { kind: "lesson", lessonId: homework.lesson.id });
  const review = await authorize(user, "homework.review", { kind: "lesson", lessonId: homework.lesson.id });
  if (!rights.view && !review.allowed) forbidden();
  const view = await loadReviewView(user, homework);
  // DAY-6 (issue 22 round 24): the organisation's words.
  const v = vocabulary(user.orgKind);
  return (
    <div className="space-y-3">
      <PageHeader
        back={{ href: "/handins", label: "Сдача работ" }}
        title={`${view.className} · ${view.subjectName}`}
        subtitle={
          <>
            {cap(v.lesson.nom)} {view.date}
            {view.dueLabel ? ` · сдать ${view.dueLabel}` : ""} ·{" "}
            <Link href={`/journal?lesson=${view.lessonId}`} className="text-blue-700 hover:underline">
              {v.lesson.nom} в журнале
            </Link>
          </>
        }
      >
        <p className="mt-1 whitespace-pre-line rounded bg-slate-50 p-2 text-sm">{view.text}</p>
        {!view.handin && <p className="mt-1 text-sm text-amber-800">Сдача работ для этого задания выключена.</p>}
      </PageHeader>
      <section className="rounded border border-slate-200 bg-white p-3">
        <HandinRoster
          roster={view.roster}
          canReview={review.allowed}
          hasMarkTarget={view.hasMarkTarget}
          kind={user.orgKind}
        />
      </section>
    </div>
  );
}
