// RPT-8 «Отчёт об успеваемости и посещаемости ученика» (DRY-6): one student, one period — per
// subject the marks of the period, the average, the forecast (the same periodOutlook the diary and
// the finals page show), the period's final and the lessons missed. Built from the diary's marks
// view, so the printout and the screen agree.
import { finalWord } from "@/lib/journal/marks";
import { studentHeader } from "@/lib/people/data";
import { finalInputText } from "@/lib/finals/rules";
import { markLabel } from "@/lib/diary/rules";
import { studentMarksView } from "@/lib/diary/marks/loaders";
import { formatDate } from "@/lib/org/time";
import { cap, subjectTitle, vocabulary } from "@/lib/org/vocabulary";
import type { ReportModel } from "./model";
import { studentClassOn } from "@/lib/people/data";
import { isCollegeOrg, signatoryFacts } from "./data";
import { printingDay } from "./scope-rules";
import { reportFileName } from "./rules";
import { signaturesFor } from "./signatures";

export async function buildStudentPeriodReport(input: {
  organisationId: number;
  studentId: number;
  periodId: number;
  /** The organisation's time zone, read once per build (buildModel; issue 22). */
  timeZone: string;
  now: Date;
}): Promise<ReportModel | null> {
  const today = printingDay(input);
  const [student, view, isCollege, classId] = await Promise.all([
    studentHeader(input.organisationId, input.studentId, today),
    studentMarksView(input.organisationId, input.studentId, today, input.periodId),
    isCollegeOrg(input.organisationId),
    studentClassOn(input.organisationId, input.studentId, today),
  ]);
  const place = { isCollege, classId };
  if (!student || !view.period || view.period.id !== input.periodId) return null;
  const v = vocabulary(place.isCollege);
  const signers = await signatoryFacts(input.organisationId, place.classId ? [place.classId] : []);
  // A college counts absences in academic hours (JRN-4), as RPT-1 and RPT-3 do; a school in lessons.
  const missed = (s: (typeof view.subjects)[number]) => (place.isCollege ? s.absentHours : s.outlook.absences);
  const rows = view.subjects.map((s) => {
    const o = s.outlook;
    const special = o.proposal?.special;
    const forecast =
      special === "PASS" || special === "FAIL"
        ? finalWord(special, "page")
        : o.proposal
          ? finalInputText(o.proposal)
          : "";
    const risk = [o.riskFail ? "риск «2»" : "", o.riskNotAttested ? "риск н/а" : ""].filter(Boolean).join(", ");
    return [
      subjectTitle(v, { name: s.subjectName }),
      s.marks.map((m) => markLabel(m.kind, m.value)).join(" "),
      o.average === null ? null : Math.round(o.average * 100) / 100,
      risk ? `${forecast} (${risk})` : forecast,
      s.periodFinal ?? "",
      missed(s),
    ];
  });
  return {
    title: "Отчёт об успеваемости и посещаемости ученика",
    organisationName: view.orgName,
    parameters: [
      { label: cap(v.student.nom), value: student.fullName },
      { label: cap(v.class.nom), value: view.className ?? "—" },
      {
        label: "Период",
        value: `${view.period.name} (${formatDate(view.period.start)} — ${formatDate(view.period.end)})`,
      },
    ],
    orientation: "portrait",
    header: [
      { label: cap(v.subject.nom) },
      { label: "Отметки за период" },
      { label: "Средний балл" },
      { label: "Прогноз" },
      { label: "Итоговая за период" },
      { label: `Пропущено ${v.unit.genPl}` },
    ],
    columns: [
      { kind: "text", key: true },
      { kind: "text" },
      { kind: "decimal" },
      { kind: "text" },
      { kind: "mark" },
      { kind: "number" },
    ],
    rows,
    totals: [["Всего", "", null, "", "", place.isCollege ? view.totalAbsentHours : view.totalAbsences]],
    notes: [
      "Средний балл — по способу усреднения организации; прогноз — рекомендуемая отметка по среднему баллу (как на странице итоговых отметок).",
      `Пропуски — ${v.unit.nomPl} с отметками Н, УП, НП, Б, ОТ; опоздание не считается пропуском.`,
    ],
    printedAt: input.now,
    signatures: [
      ...signaturesFor(v, signers, { classId: place.classId ?? undefined }),
      { role: "Ознакомлен(а), родитель (законный представитель)", name: "" },
    ],
    fileName: reportFileName(["Успеваемость и посещаемость", student.fullName, view.period.name]),
  };
}
