// «Проверки журнала» (DUT-2, seeds 000 §3.4, 002 §3.6, 003 §7.1): the class teacher, the head of
// department and the administration record their checks of a class journal; the checks due and
// overdue for the checker and their superiors; the checks made in the chosen days, as a file (RPT-11).
import { issuesText } from "@/lib/schema";
import { cap, vocabulary } from "@/lib/org/vocabulary";
import type { Metadata } from "next";
import { authorize } from "@/lib/access/authorize";
import { requireAccess } from "@/lib/access/guard";
import { loadCheckChoices, loadChecksMade, loadDueChecks } from "@/lib/control/checks/loaders";
import { dueText } from "@/lib/control/checks/report";
import { CHECK_LEVELS, CHECK_RESULT_LABELS, checkLevelLabel, frequencyLabel } from "@/lib/control/checks/rules";
import { checksQuery } from "@/lib/control/checks/schema";
import { serverNow } from "@/lib/org/clock";
import { formatDate, isoDate } from "@/lib/org/time";
import { Choice, DateChoice, Downloads, FilterForm, ListTable } from "@/components/control/filter-bits";
import { CheckForm } from "@/components/control/check-form";
import { PageHeader } from "@/components/ui/page-header";
import { Td, Tr } from "@/components/ui/table";

export const metadata: Metadata = { title: "Проверки журнала" };

export default async function ChecksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, scopes } = await requireAccess(["control.check", "control.view"]);
  const v = vocabulary(user.orgKind);
  const now = serverNow();
  const search = await searchParams;
  const due = await loadDueChecks(user, scopes, now);
  const raw: Record<string, string> = {
    from: isoDate(new Date(Date.UTC(due.today.getUTCFullYear(), due.today.getUTCMonth(), 1))),
    to: isoDate(due.today),
  };
  for (const [k, v] of Object.entries(search)) if (typeof v === "string" && v !== "") raw[k] = v;
  const parsed = checksQuery.safeParse(raw);
  const [made, choices, canRemark] = await Promise.all([
    parsed.success ? loadChecksMade(user, scopes, parsed.data) : null,
    loadCheckChoices(
      user,
      due.recordable.map((c) => c.id),
    ),
    authorize(user, "remarks.write").then((d) => d.allowed),
  ]);
  const classWord = cap(v.class.nom);
  const overdue = due.due.filter((d) => d.overdueDays > 0);
  return (
    <div className="space-y-4">
      <PageHeader title="Проверки электронного журнала" />
      {due.every && (
        <p className="text-sm text-slate-600">
          Периодичность: {v.classTeacher.nom} — {frequencyLabel(due.every.CLASS_TEACHER, v.kind)}, заведующий отделением
          — {frequencyLabel(due.every.HEAD_OF_DEPT, v.kind)}, администрация — {frequencyLabel(due.every.DEPUTY, v.kind)}
          .
        </p>
      )}
      {due.recordable.length > 0 && (
        <CheckForm
          classes={due.recordable}
          subjects={choices.subjects}
          periods={choices.periods}
          teachers={choices.teachers}
          kind={user.orgKind}
          canRemark={canRemark}
        />
      )}
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">
          Сроки проверок{overdue.length > 0 ? ` · просрочено: ${overdue.length}` : ""}
        </h2>
        {due.due.length === 0 ? (
          <p className="text-sm text-slate-600">Проверок, за которые вы отвечаете или которые контролируете, нет.</p>
        ) : (
          <ListTable
            label="Сроки проверок"
            headers={[classWord, "Уровень", "Ответственный", "Последняя проверка", "Состояние"]}
          >
            {due.due.map((d) => (
              <Tr key={`${d.level}:${d.classId}`} data-overdue={d.overdueDays > 0 ? "true" : undefined}>
                <Td>{d.className}</Td>
                <Td>{checkLevelLabel(d.level, v.kind)}</Td>
                <Td>{d.responsible}</Td>
                <Td>{d.lastCheck ? formatDate(d.lastCheck) : "не проверялся"}</Td>
                <Td className={d.overdueDays > 0 ? "font-medium text-red-700" : undefined}>{dueText(d)}</Td>
              </Tr>
            ))}
          </ListTable>
        )}
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Проведённые проверки</h2>
        <FilterForm grid>
          <DateChoice name="from" label="С" value={raw.from} />
          <DateChoice name="to" label="По" value={raw.to} />
          <Choice
            name="classId"
            label={classWord}
            value={raw.classId}
            options={[...new Map(due.due.map((d) => [d.classId, { id: d.classId, name: d.className }])).values()]}
            empty="Все"
          />
          <Choice
            name="level"
            label="Уровень"
            value={raw.level}
            options={CHECK_LEVELS.map((l) => ({ id: l, name: checkLevelLabel(l, v.kind) }))}
            empty="Все"
          />
        </FilterForm>
        {!parsed.success ? (
          <p role="alert" className="text-sm text-red-700">
            {issuesText(parsed.error)}
          </p>
        ) : (
          <>
            <Downloads report="checks" query={raw} />
            {made && made.length === 0 ? (
              <p className="text-sm text-slate-600">За эти дни проверок нет.</p>
            ) : (
              <ListTable
                label="Проведённые проверки"
                headers={[
                  "Дата",
                  classWord,
                  `${cap(v.subject.nom)}, период`,
                  "Проверяющий",
                  "Результат",
                  "Итоги",
                  "Замечания",
                ]}
              >
                {made?.map((c) => (
                  <Tr key={c.id}>
                    <Td>{formatDate(c.checkedOn)}</Td>
                    <Td>{c.className}</Td>
                    <Td>{[c.subject ?? `все ${v.subject.nomPl}`, c.period].filter(Boolean).join(", ")}</Td>
                    <Td>
                      {c.checker}
                      <span className="block text-xs text-slate-500">{checkLevelLabel(c.level, v.kind)}</span>
                    </Td>
                    <Td className={c.result === "REMARKS" ? "text-red-700" : "text-emerald-700"}>
                      {CHECK_RESULT_LABELS[c.result]}
                    </Td>
                    <Td>{c.findings ?? ""}</Td>
                    <Td>
                      {c.remarks.map((m) => (
                        <p key={m.id}>
                          {m.teacher}: {m.text}
                        </p>
                      ))}
                    </Td>
                  </Tr>
                ))}
              </ListTable>
            )}
          </>
        )}
      </section>
    </div>
  );
}
