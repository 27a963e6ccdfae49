// «Закрытие периодов» (REC-1): DEPUTY, HEAD_OF_DEPT (their department's groups) and ADMIN close a
// period for a class, a parallel, a department or the organisation once every student has the
// period's finals; the table shows what is closed, when, by whom and on what basis.
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { classesToList, listScope } from "@/lib/access/scope";
import { closingYear } from "@/lib/journal/closing/data";
import { formatDate, formatDateTime, todayIn } from "@/lib/org/time";
import { ClosePeriodForm } from "@/components/journal/close-period-form";
import { PageHeader } from "@/components/ui/page-header";
import { RowTh, Table, Td, THead, Tr } from "@/components/ui/table";

export const metadata: Metadata = { title: "Закрытие периодов" };

export default async function ClosingPage() {
  const { user, scopes } = await requireAccess("period.close");
  const [year, admitted] = await Promise.all([
    closingYear(user.organisationId),
    listScope(user, { scopes }).then(classesToList),
  ]);
  const college = user.orgKind === "COLLEGE";
  if (!year)
    return (
      <div className="space-y-3">
        <PageHeader title="Закрытие периодов" />
        <p className="text-sm text-slate-600">Текущий учебный год не задан.</p>
      </div>
    );
  const classes = year.classes.filter((c) => admitted === null || admitted.has(c.id));
  const kinds = new Set(classes.map((c) => c.periodKind));
  const periods = year.periods.filter((p) => kinds.has(p.kind));
  const grades = [...new Set(classes.map((c) => c.grade))].sort((a, b) => a - b);
  const departments = year.departments.filter((d) => classes.some((c) => c.departmentId === d.id));
  const targets = [
    ...(admitted === null
      ? [{ value: "all", label: college ? "Все группы организации" : "Все классы организации" }]
      : []),
    ...grades.map((g) => ({ value: `grade:${g}`, label: college ? `${g} курс` : `Параллель ${g}-х классов` })),
    ...departments.map((d) => ({ value: `dept:${d.id}`, label: `Отделение «${d.name}»` })),
    ...classes.map((c) => ({ value: `class:${c.id}`, label: c.name })),
  ];
  const closingOf = new Map(year.closings.map((c) => [`${c.classId}:${c.periodId}`, c]));
  return (
    <div className="space-y-4">
      <PageHeader title={<>Закрытие периодов · {year.name}</>} />
      <p className="max-w-3xl text-sm text-slate-600">
        Период закрывается, когда у каждого {college ? "студента" : "ученика"} есть итоговая отметка за период по
        каждому предмету. После закрытия отметки, посещаемость, темы, домашние задания, задания уроков и итоговые
        отметки периода не меняются ни для кого; исправление возможно только через открытие дат администратором (на 12
        часов, с указанием причины).
      </p>
      {year.closed ? (
        <p className="text-sm text-slate-600">Учебный год закрыт.</p>
      ) : (
        <ClosePeriodForm
          periods={periods.map((p) => ({
            value: String(p.id),
            label: `${p.name} (${formatDate(p.start)}–${formatDate(p.end)})`,
          }))}
          targets={targets}
        />
      )}
      <Table label="Закрытие периодов по классам" data-testid="closing-table" className="w-fit max-w-full">
        <THead headers={[college ? "Группа" : "Класс", ...periods.map((p) => p.name)]} />
        <tbody>
          {classes.map((c) => (
            <Tr key={c.id}>
              <RowTh>{c.name}</RowTh>
              {periods.map((p) => {
                if (p.kind !== c.periodKind) return <Td key={p.id} className="text-slate-300" />;
                const closed = closingOf.get(`${c.id}:${p.id}`);
                return (
                  <Td key={p.id}>
                    {closed ? (
                      <span
                        title={`${closed.basis}; ${closed.closedBy}, ${formatDateTime(closed.closedAt, user.timeZone)}`}
                      >
                        закрыт {formatDate(todayIn(user.timeZone, closed.closedAt))}
                        <span className="block text-xs text-slate-500">{closed.basis}</span>
                      </span>
                    ) : (
                      <span className="text-slate-400">открыт</span>
                    )}
                  </Td>
                );
              })}
            </Tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
