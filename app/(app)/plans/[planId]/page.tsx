// One plan (PLAN-1…PLAN-4): its topics (editable while a draft or returned), the workflow, the
// XLSX export and import, copying, and — once approved — the binding view: lesson date ↔ topic.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { idSchema } from "@/lib/plans/schema";
import { decidePlan, planAccess } from "@/lib/plans/access";
import { requireAccess } from "@/lib/access/guard";
import { getCurrentUser } from "@/lib/auth/session";
import { loadBinding, loadCreateOptions, loadPlan, loadPlanFacts } from "@/lib/plans/loaders";
import { canTransition, hoursMessage } from "@/lib/plans/rules";
import { formatDate, formatDateTime } from "@/lib/org/time";
import { Panel } from "@/components/home/panel";
import { StatusBadge } from "@/components/plans/plan-list";
import { TopicEditor } from "@/components/plans/topic-editor";
import { TopicTable } from "@/components/plans/topic-table";
import { AutoHomeworkForm, ReviewForm, WorkflowButton } from "@/components/plans/workflow-forms";
import { ImportForm } from "@/components/plans/import-form";
import { BindingTable } from "@/components/plans/binding-table";
import { CopyForm } from "@/components/plans/copy-form";
import { loadPlanMaterials } from "@/lib/learning/materials/loaders";
import { TopicMaterials } from "@/components/learning/topic-materials";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "План (КТП)" };

export default async function PlanPage({ params }: { params: Promise<{ planId: string }> }) {
  const id = idSchema.safeParse((await params).planId);
  if (!id.success) notFound();
  const current = await getCurrentUser();
  const facts = current ? await loadPlanFacts(current, id.data) : null;
  if (current && !facts) notFound();
  const { user } = await requireAccess(planAccess("view", facts ?? { teacherId: -1, classId: null, subjectId: -1 }));
  const plan = (await loadPlan(user, id.data))!;
  const [edit, approve] = await Promise.all([decidePlan(user, "edit", plan), decidePlan(user, "approve", plan)]);
  const editable = edit.allowed && canTransition(plan.status, "edit");
  const binding = plan.status === "APPROVED" ? await loadBinding(user, plan.id) : [];
  const topicById = new Map(plan.topics.map((t) => [t.id, t]));
  // LRN-2: materials attached to the plan's topics (shown with every lesson of the topic in the diary).
  const materials = await loadPlanMaterials(user, plan);
  const copyTargets = edit.allowed
    ? (await loadCreateOptions(user, edit.scopes.includes("all"))).filter(
        (l) => l.subjectId === plan.subjectId && l.classId !== plan.classId,
      )
    : [];
  return (
    <div className="space-y-4">
      <PageHeader
        title={plan.title ?? "КТП"}
        subtitle={
          <>
            {plan.teacherName} · {plan.subjectName} · {plan.target} · <StatusBadge status={plan.status} />
            {plan.version > 1 && ` · редакция ${plan.version}`}
          </>
        }
      />
      <Panel title="Состояние">
        <div className="space-y-2 text-sm">
          <p className={plan.hoursCheck.matches ? "text-green-800" : "font-medium text-red-700"} role="note">
            {hoursMessage(plan.hoursCheck)}
          </p>
          {plan.warnings.map((w) => (
            <p key={w.kind} className={w.overdue ? "text-red-700" : "text-amber-800"}>
              ⚠ {w.text}
            </p>
          ))}
          {plan.submittedAt && <p>Сдан на утверждение: {formatDateTime(plan.submittedAt, user.timeZone)}</p>}
          {plan.reviewedAt && (
            <p>
              {plan.status === "RETURNED" ? "Возвращён" : "Рассмотрен"}:{" "}
              {formatDateTime(plan.reviewedAt, user.timeZone)}
              {plan.reviewerName && `, ${plan.reviewerName}`}
            </p>
          )}
          {plan.reviewComment && (
            <p className="rounded bg-slate-50 px-2 py-1">
              Комментарий: <span data-testid="review-comment">{plan.reviewComment}</span>
            </p>
          )}
          <div className="flex flex-wrap items-center gap-4 pt-1">
            <a href={`/api/plans/${plan.id}/xlsx`} className="text-blue-700 hover:underline">
              Скачать XLSX
            </a>
            {edit.allowed && canTransition(plan.status, "submit") && (
              <WorkflowButton planId={plan.id} step="submit" label="Сдать на утверждение" />
            )}
            {edit.allowed && canTransition(plan.status, "reopen") && (
              <WorkflowButton planId={plan.id} step="reopen" label="Изменить (новая редакция)" />
            )}
          </div>
          {edit.allowed && <AutoHomeworkForm planId={plan.id} value={plan.autoHomework} />}
        </div>
      </Panel>
      {approve.allowed && canTransition(plan.status, "approve") && (
        <Panel title="Утверждение">
          <ReviewForm planId={plan.id} />
        </Panel>
      )}
      {plan.status === "APPROVED" && (
        <Panel title="Темы в уроках журнала">
          <BindingTable
            planId={plan.id}
            canEdit={edit.allowed}
            topics={plan.topics.map((t) => ({ id: t.id, position: t.position, title: t.title }))}
            rows={binding.map((b) => ({
              lessonId: b.lessonId,
              className: b.className,
              date: formatDate(b.date),
              bellNumber: b.bellNumber,
              cancelled: b.cancelled,
              topic: b.topic,
              topicPosition: b.planTopicId ? (topicById.get(b.planTopicId)?.position ?? null) : null,
              homework: b.homework,
              typed:
                b.planTopicId !== null &&
                !!b.topic &&
                !b.topic.startsWith(topicById.get(b.planTopicId)?.title ?? "\u0000"),
            }))}
          />
        </Panel>
      )}
      <Panel title={`Темы (${plan.topics.length})`}>
        {editable ? (
          <TopicEditor planId={plan.id} topics={plan.topics} curriculumHours={plan.curriculumHours} />
        ) : (
          <TopicTable topics={plan.topics} />
        )}
      </Panel>
      <Panel title="Учебные материалы к темам">
        <TopicMaterials view={materials} canEdit={edit.allowed} />
      </Panel>
      {editable && (
        <Panel title="Загрузка из XLSX">
          <p className="mb-2 text-sm text-slate-600">
            Первая строка — заголовки: №, Тема, Часы, КЭС, Тип урока, Вид контроля, Домашнее задание; далее одна строка
            на тему. Загруженные темы заменят текущие.
          </p>
          <ImportForm planId={plan.id} />
        </Panel>
      )}
      {copyTargets.length > 0 && (
        <Panel title="Копирование">
          <CopyForm
            planId={plan.id}
            loads={copyTargets.map((l) => ({
              id: l.id,
              label: `${l.className}, ${l.subjectName}${edit.scopes.includes("all") ? ` — ${l.teacherName}` : ""}`,
            }))}
          />
        </Panel>
      )}
    </div>
  );
}
