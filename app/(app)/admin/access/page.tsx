import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { loadMatrixView } from "@/lib/access/loaders";
import { MatrixForm } from "@/components/access/matrix-form";
import { PageHeader } from "@/components/ui/page-header";
import { vocabulary } from "@/lib/org/vocabulary";
import { scopeLabel } from "@/lib/access/schema";

export const metadata: Metadata = { title: "Права доступа" };

export default async function AccessMatrixPage() {
  const { user } = await requireAccess("acl.edit");
  const view = await loadMatrixView(user.organisationId, user.id, user.orgKind);
  const v = vocabulary(user.orgKind);
  return (
    <div className="space-y-3">
      <PageHeader title="Права доступа" />
      <p className="max-w-3xl text-sm text-slate-600">
        Типовая матрица доступа (приложение № 1 к положению): «все» — для всех {v.class.genPl}, «отделение» — для групп
        своего отделения, «свои» — для своих {v.class.genPl} и {v.subject.genPl} по тарификации или замене, «
        {/* DAY-6 (issue 22 round 24): the legend's scope word — a college's «группа», a school's «свой класс» as before. */}
        {v.kind === "COLLEGE" ? scopeLabel("class", v.kind) : "свой класс"}» — для {v.class.gen}, где вы{" "}
        {v.classTeacher.nom}, «о себе» — о себе или своём ребёнке. Изменённые относительно умолчаний ячейки выделены.
      </p>
      <MatrixForm view={view} kind={user.orgKind} />
    </div>
  );
}
