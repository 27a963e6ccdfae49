// RPT-11: the journal checks (DUT-2) as a report model — the checks made in the chosen days with
// their result and remarks, then the checks due and overdue the viewer answers for or supervises.
import { formatDate } from "@/lib/org/time";
import { cap, vocabulary } from "@/lib/org/vocabulary";
import type { ReportModel } from "@/lib/reports/model";
import { columnsOf } from "@/lib/reports/rules";
import type { CheckRow } from "./data";
import type { DueRow } from "./loaders";
import { CHECK_RESULT_LABELS, checkLevelLabel, frequencyLabel, type CheckLevelName, type Frequency } from "./rules";

/** «просрочена на 12 дн.» / «до 28.11.2026». */
export function dueText(r: Pick<DueRow, "due" | "overdueDays">): string {
  return r.overdueDays > 0 ? `просрочена на ${r.overdueDays} дн.` : `до ${formatDate(r.due)}`;
}

export function buildChecksModel(input: {
  orgName: string;
  isCollege: boolean;
  from: Date;
  to: Date;
  checks: CheckRow[];
  due: DueRow[];
  every: Record<CheckLevelName, Frequency>;
  now: Date;
}): ReportModel {
  // DAY-6: the organisation's words.
  const v = vocabulary(input.isCollege);
  const overdue = input.due.filter((d) => d.overdueDays > 0);
  return {
    title: "Проверки электронного журнала",
    organisationName: input.orgName,
    parameters: [
      { label: "Период", value: `${formatDate(input.from)} — ${formatDate(input.to)}` },
      {
        label: "Периодичность",
        value: (Object.keys(input.every) as CheckLevelName[])
          .map((l) => `${checkLevelLabel(l, input.isCollege)} — ${frequencyLabel(input.every[l], input.isCollege)}`)
          .join("; "),
      },
    ],
    orientation: "landscape",
    header: [
      { label: "Дата" },
      { label: cap(v.class.nom) },
      { label: cap(v.subject.nom) },
      { label: "Учебный период" },
      { label: "Проверяющий" },
      { label: "Уровень" },
      { label: "Результат" },
      { label: "Итоги проверки" },
      { label: `Замечания ${v.teacher.datPl}` },
    ],
    columns: columnsOf("text", 9),
    rows: input.checks.map((c) => [
      formatDate(c.checkedOn),
      c.className,
      c.subject ?? `все ${v.subject.nomPl}`,
      c.period ?? "—",
      c.checker,
      checkLevelLabel(c.level, input.isCollege),
      CHECK_RESULT_LABELS[c.result],
      c.findings ?? "",
      c.remarks.map((m) => `${m.teacher}: ${m.text}`).join("; "),
    ]),
    totals: [],
    notes: [
      `Проверок за период: ${input.checks.length}; с замечаниями: ${input.checks.filter((c) => c.result === "REMARKS").length}.`,
      `Просроченных проверок на ${formatDate(input.to)}: ${overdue.length}.`,
    ],
    printedAt: input.now,
    sections: [
      {
        title: "Проверки к сроку и просроченные",
        sheetName: "Сроки проверок",
        header: [
          { label: cap(v.class.nom) },
          { label: "Уровень" },
          { label: "Ответственный" },
          { label: "Последняя проверка" },
          { label: "Следующая — срок" },
          { label: "Состояние" },
        ],
        columns: columnsOf("text", 6),
        rows: input.due.map((d) => [
          d.className,
          checkLevelLabel(d.level, input.isCollege),
          d.responsible,
          d.lastCheck ? formatDate(d.lastCheck) : "не проверялся",
          formatDate(d.due),
          dueText(d),
        ]),
      },
    ],
  };
}
