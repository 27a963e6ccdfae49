// «Закрытие периодов» (REC-1): DEPUTY, HEAD_OF_DEPT (their department's groups) and ADMIN close a
// period for a class, a parallel, a department or the organisation once every student has the
// period's finals (before the period's last day only with a confirmation); the table shows what is
// closed, when, by whom and on what basis.
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { classesToList, listScope } from "@/lib/access/scope";
import { closingYear, lessonsAhead } from "@/lib/journal/closing/data";
import { closesEarly, EARLY_LABEL, namesClass, parseTarget } from "@/lib/journal/closing/rules";
import { serverNow } from "@/lib/org/clock";
import { formatDate, formatDateTime, isoDate, todayIn } from "@/lib/org/time";
import { cap, parallelName, vocabulary } from "@/lib/org/vocabulary";
import { ClosePeriodForm, type EarlyPeriod } from "@/components/journal/close-period-form";
import { PageHeader } from "@/components/ui/page-header";
import { RowTh, Table, Td, THead, Tr } from "@/components/ui/table";

export const metadata: Metadata = { title: "Закрытие периодов" };

export default async function ClosingPage() {
  const { user, scopes } = await requireAccess("period.close");
  const [year, admitted] = await Promise.all([
    closingYear(user.organisationId),
    listScope(user, { scopes }).then(classesToList),
  ]);
  const v = vocabulary(user.orgKind);
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
    ...(admitted === null ? [{ value: "all", label: `Все ${v.class.nomPl} организации` }] : []),
    ...grades.map((g) => ({ value: `grade:${g}`, label: cap(parallelName(v, g)) })),
    ...departments.map((d) => ({ value: `dept:${d.id}`, label: `Отделение «${d.name}»` })),
    ...classes.map((c) => ({ value: `class:${c.id}`, label: c.name })),
  ].map((t) => {
    const target = parseTarget(t.value);
    return { ...t, classIds: target ? classes.filter((c) => namesClass(target, c)).map((c) => c.id) : [] };
  });
  const closingOf = new Map(year.closings.map((c) => [`${c.classId}:${c.periodId}`, c]));
  // Periods not over yet (REC-1): per open class of the period's kind, the lessons after today.
  const today = todayIn(user.timeZone, serverNow());
  const early: Record<string, EarlyPeriod> = Object.fromEntries(
    await Promise.all(
      periods
        .filter((p) => closesEarly(p.end, today))
        .map(async (p) => {
          const open = classes.filter((c) => c.periodKind === p.kind && !closingOf.has(`${c.id}:${p.id}`));
          const ahead = await lessonsAhead(
            user.organisationId,
            open.map((c) => c.id),
            today,
            p.end,
          );
          const entry: EarlyPeriod = {
            end: isoDate(p.end),
            classes: open.map((c) => ({ id: c.id, name: c.name, count: ahead.get(c.id) ?? 0 })),
          };
          return [String(p.id), entry] as const;
        }),
    ),
  );
  return (
    <div className="space-y-4">
      <PageHeader title={<>Закрытие периодов · {year.name}</>} />
      <p className="max-w-3xl text-sm text-slate-600">
        Период закрывается, когда у каждого {v.student.gen} есть итоговая отметка за период по {v.eachSubject}. После
        закрытия отметки, посещаемость, темы, домашние задания, задания {v.lesson.genPl} и итоговые отметки периода не
        меняются ни для кого; исправление возможно только через открытие дат администратором (на 12 часов, с указанием
        причины). До последнего дня периода его закрывают только с отметкой «{EARLY_LABEL}»: {v.lesson.nomPl}, которые
        ещё не прошли, закроются вместе с ним.
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
          early={early}
          orgKind={user.orgKind}
        />
      )}
      <Table label={`Закрытие периодов по ${v.class.datPl}`} data-testid="closing-table" className="w-fit max-w-full">
        <THead headers={[cap(v.class.nom), ...periods.map((p) => p.name)]} />
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
