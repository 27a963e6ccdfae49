// RPT-8 «Отчёт об успеваемости и посещаемости ученика» (DRY-6): one student, one period — per
// subject the marks of the period, the average, the forecast (the same periodOutlook the diary and
// the finals page show), the period's final and the lessons missed. Built from the diary's marks
// view, so the printout and the screen agree.
import { studentHeader } from "@/lib/people/data";
import { formatAverage } from "@/lib/journal/averages";
import { finalInputText } from "@/lib/finals/rules";
import { markLabel } from "@/lib/diary/rules";
import { studentMarksView } from "@/lib/diary/marks/loaders";
import { orgTimeZone } from "@/lib/diary/marks/data";
import { formatDate, todayIn } from "@/lib/org/time";
import type { ReportModel } from "./model";

export async function buildStudentPeriodReport(input: {
  organisationId: number;
  studentId: number;
  periodId: number;
  now: Date;
}): Promise<ReportModel | null> {
  const today = todayIn(await orgTimeZone(input.organisationId), input.now);
  const [student, view] = await Promise.all([
    studentHeader(input.organisationId, input.studentId, today),
    studentMarksView(input.organisationId, input.studentId, today, input.periodId),
  ]);
  if (!student || !view.period || view.period.id !== input.periodId) return null;
  const rows = view.subjects.map((s) => {
    const o = s.outlook;
    const forecast = o.proposal ? finalInputText(o.proposal).replace(/^з$/, "зачёт").replace(/^нз$/, "незачёт") : "";
    const risk = [o.riskFail ? "риск «2»" : "", o.riskNotAttested ? "риск н/а" : ""].filter(Boolean).join(", ");
    return [
      s.subjectName,
      s.marks.map((m) => markLabel(m.kind, m.value)).join(" "),
      o.average === null ? null : formatAverage(o.average),
      risk ? `${forecast} (${risk})` : forecast,
      s.periodFinal ?? "",
      o.absences,
    ];
  });
  return {
    title: "Отчёт об успеваемости и посещаемости ученика",
    organisationName: view.orgName,
    parameters: [
      { label: "Обучающийся", value: student.fullName },
      { label: "Класс", value: view.className ?? "—" },
      {
        label: "Период",
        value: `${view.period.name} (${formatDate(view.period.start)} — ${formatDate(view.period.end)})`,
      },
    ],
    orientation: "portrait",
    header: [
      { label: "Предмет" },
      { label: "Отметки за период" },
      { label: "Средний балл" },
      { label: "Прогноз" },
      { label: "Итоговая за период" },
      { label: "Пропущено уроков" },
    ],
    columns: [
      { kind: "text" },
      { kind: "text" },
      { kind: "text" },
      { kind: "text" },
      { kind: "text" },
      { kind: "number" },
    ],
    rows,
    totals: [["Всего", "", "", "", "", view.totalAbsences]],
    notes: [
      "Средний балл — по способу усреднения организации; прогноз — рекомендуемая отметка по среднему баллу (как на странице итоговых отметок).",
      "Пропуски — уроки с отметками Н, УП, НП, Б, ОТ; опоздание не считается пропуском.",
    ],
    printedAt: input.now,
  };
}
