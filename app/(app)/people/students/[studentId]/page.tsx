// Student card (PPL-1, ACL-4): full card, «краткие сведения», medical and psychological parts by permission.
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { loadStudentCard } from "@/lib/people/card/loaders";
import { idSchema } from "@/lib/people/schema";
import { fullName } from "@/lib/people/names";
import { authorize } from "@/lib/access/authorize";
import { isoDate, todayIn } from "@/lib/org/time";
import { loadOpenClasses, loadStudentMovements } from "@/lib/people/movement/loaders";
import { StudentCardViewer } from "@/components/people/student-card-view";
import { MovementTable } from "@/components/people/movement-table";
import { MovementForm } from "@/components/people/movement-form";
import { StudentPictures } from "@/components/charts/student-pictures";
import { loadStudentMarks } from "@/lib/diary/marks/loaders";
import { loadStudentCharts } from "@/lib/charts/loaders";
import { PageHeader } from "@/components/ui/page-header";
import { vocabulary } from "@/lib/org/vocabulary";

export const metadata: Metadata = { title: "Карточка ученика" };

export default async function StudentCardPage({ params }: { params: Promise<{ studentId: string }> }) {
  const id = idSchema.safeParse((await params).studentId);
  if (!id.success) notFound();
  const user = await requireUser();
  // The gate is asked per permission inside loadStudentCard (people.manage / brief / medical / psych).
  const view = await loadStudentCard(user, id.data);
  if (!view) forbidden();
  const { card } = view;
  const target = { kind: "student", studentId: id.data } as const;
  const [canView, canEdit, journalAll, journalOwn] = await Promise.all([
    authorize(user, "movement.view", target),
    authorize(user, "movement.edit", target),
    authorize(user, "journal.viewAll", target),
    authorize(user, "journal.viewOwn", target),
  ]);
  // DAY-5: the pictures for whoever may read the student's journal.
  const marks = journalAll.allowed || journalOwn.allowed ? await loadStudentMarks(user, id.data, null) : null;
  const charts = marks ? await loadStudentCharts(user, id.data, marks, todayIn(user.timeZone)) : null;
  const movements = canView.allowed || canEdit.allowed ? await loadStudentMovements(user, id.data) : null;
  const classes = canEdit.allowed ? await loadOpenClasses(user) : [];
  return (
    <div className="space-y-3">
      <PageHeader
        title={fullName({
          lastName: String(card.lastName),
          firstName: String(card.firstName),
          middleName: card.middleName as string | null,
        })}
        subtitle={
          <>
            {card.className ?? `не зачислен в ${vocabulary(user.orgKind).class.acc}`} ·{" "}
            {view.access.full ? "полная карточка" : "краткие сведения"}
          </>
        }
      />
      <StudentCardViewer view={view} />
      {marks && charts && <StudentPictures view={marks} charts={charts} kind={user.orgKind} />}
      {movements && (
        <section className="space-y-2 rounded border border-slate-200 bg-white p-3">
          <h2 className="font-semibold">Книга движения</h2>
          <MovementTable rows={movements} showStudent={false} />
          {canEdit.allowed && (
            <details>
              <summary className="cursor-pointer text-sm text-blue-700">Новая запись</summary>
              <MovementForm
                studentId={id.data}
                classes={classes}
                today={isoDate(todayIn(user.timeZone))}
                kind={user.orgKind}
              />
            </details>
          )}
        </section>
      )}
    </div>
  );
}
