// «Планы (КТП)» (PLAN-1, PLAN-2): the plans the user may see — all for the administration,
// own and own class's for a teacher — with status, hours against the curriculum and, on the
// deputy's list, the deadline warnings (26 June / 31 August).
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { forbidden } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { authorize } from "@/lib/access/authorize";
import { loadCreateChoice, loadCreateOptions, loadLaggingCount, loadPlanList } from "@/lib/plans/loaders";
import { createChoiceQuery } from "@/lib/plans/schema";
import { issuesText } from "@/lib/schema";
import { cap, vocabulary } from "@/lib/org/vocabulary";
import { PlanList } from "@/components/plans/plan-list";
import { CreatePlanForm, type LoadGroup } from "@/components/plans/create-plan-form";
import { Panel } from "@/components/home/panel";
import { Field, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { PickerForm } from "@/components/ui/picker-form";

export const metadata: Metadata = { title: "Планы (КТП)" };

export default async function PlansPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const [list, editAll, editOwn, viewAll] = await Promise.all([
    loadPlanList(user),
    authorize(user, "plans.editAll"),
    authorize(user, "plans.editOwn"),
    authorize(user, "plans.viewAll"),
  ]);
  if (!list) forbidden();
  const v = vocabulary(user.orgKind);
  const canCreate = editAll.allowed || editOwn.allowed;
  // The administration (every load) picks the class first: its loads only go to the form (issue 22 item 7).
  const everyone = editAll.allowed && editAll.scopes.includes("all");
  const search = await searchParams;
  const chosen = createChoiceQuery.safeParse({ class: typeof search.class === "string" ? search.class : undefined });
  const [loads, choice, lagging] = await Promise.all([
    canCreate && !everyone ? loadCreateOptions(user, false) : [],
    canCreate && everyone ? loadCreateChoice(user, chosen.success ? chosen.data.class : undefined) : null,
    // PLAN-5: the deputy sees at once how many subjects lag behind the curriculum.
    viewAll.allowed ? loadLaggingCount(user, viewAll.scopes.includes("all")) : null,
  ]);
  const label = (l: { className: string; subjectName: string }) => `${l.className}, ${l.subjectName}`;
  // Grouped under the teacher's name for the administration; a teacher's own loads as a plain list.
  const groups: LoadGroup[] | undefined =
    choice || editAll.allowed
      ? byTeacher(choice ? choice.loads : loads).map(([teacher, list]) => ({
          label: teacher,
          loads: list.map((l) => ({ id: l.id, label: label(l) })),
        }))
      : undefined;
  return (
    <div className="space-y-4">
      <PageHeader
        title="Планы (КТП)"
        subtitle={<>{list.yearName} учебный год</>}
        actions={
          lagging !== null && (
            <Link
              href={lagging ? "/plans/fulfilment?lagging=1" : "/plans/fulfilment"}
              className={`text-sm hover:underline ${lagging ? "font-medium text-red-700" : "text-blue-700"}`}
            >
              Выполнение программ{lagging ? ` — отстают: ${lagging}` : ""}
            </Link>
          )
        }
      />
      {list.missing !== null && list.missing.length > 0 && (
        <details className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <summary role="note" className="cursor-pointer">
            Без плана: {list.missing.length} сочетаний «{v.teacher.nom} — {v.class.nom} — {v.subject.nom}» по
            тарификации.
            {list.missingWarnings.map((w) => ` ${w.text}.`).join("")}
          </summary>
          {/* By teacher (whom the deputy reminds): one line each, not one per load (655 on a large school). */}
          <ul className="mt-2 space-y-0.5 text-slate-800">
            {byTeacher(list.missing).map(([teacher, loads]) => (
              <li key={teacher}>
                <span className="font-medium">{teacher}</span>:{" "}
                {loads.map((m) => `${m.className}, ${m.subjectName}`).join("; ")}
              </li>
            ))}
          </ul>
        </details>
      )}
      {canCreate && (
        <Panel title="Новый план">
          {choice ? (
            <div className="space-y-2">
              <PickerForm label={`${cap(v.class.nom)} нового плана`} submitLabel="Выбрать">
                <Field label={cap(v.class.nom)} name="class">
                  <Select
                    defaultValue={chosen.success ? (chosen.data.class ?? "") : ""}
                    placeholder={`выберите ${v.class.acc}`}
                    options={choice.classes.map((c) => ({ value: c.id, label: c.name }))}
                  />
                </Field>
              </PickerForm>
              {!chosen.success ? (
                <p role="alert" className="text-sm text-red-700">
                  {issuesText(chosen.error)}
                </p>
              ) : (
                chosen.data.class !== undefined && (
                  // The chosen class's loads, grouped under the teacher's name.
                  <CreatePlanForm loads={[]} groups={groups} kind={user.orgKind} />
                )
              )}
            </div>
          ) : (
            <CreatePlanForm
              loads={editAll.allowed ? [] : loads.map((l) => ({ id: l.id, label: label(l) }))}
              groups={groups}
              kind={user.orgKind}
            />
          )}
        </Panel>
      )}
      <PlanList rows={list.plans} kind={user.orgKind} />
    </div>
  );
}

/** Items by teacher name, in the list's order (loads come sorted by teacher). */
function byTeacher<T extends { teacherName: string }>(items: readonly T[]): [string, T[]][] {
  const out = new Map<string, T[]>();
  for (const i of items) out.set(i.teacherName, [...(out.get(i.teacherName) ?? []), i]);
  return [...out.entries()];
}
