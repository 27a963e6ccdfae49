// RPT-12 «Печатная версия электронного журнала» of a class for a year or a period: the contents
// (subjects, teachers, lessons and hours given), then per subject the pages of the paper journal.
// A4 landscape, «стр. N из M» on every page, the signature line at the end — to be bound,
// signed and archived. The year archive calls it through buildReport(…, { report: "journal" }).
import { formatDate } from "@/lib/org/time";
import type { ReportModel } from "./model";
import type { ReportClass, ReportPeriod, ReportYear } from "./data";
import { journalFacts } from "./journal/data";
import { journalParts, partSections } from "./journal-rules";
import { classTeachersOf } from "./data";
import { periodText } from "./rules";

export async function buildJournalReport(input: {
  organisationId: number;
  orgName: string;
  isCollege: boolean;
  cls: ReportClass;
  year: ReportYear;
  period: ReportPeriod | null;
  subjectId?: number;
  now: Date;
}): Promise<ReportModel> {
  const span = input.period ?? input.year;
  // Lessons held up to the day of printing: lessons planned ahead carry nothing yet.
  const printed = new Date(`${input.now.toISOString().slice(0, 10)}T00:00:00Z`);
  const until = span.endDate < printed ? span.endDate : printed;
  const [facts, teachers] = await Promise.all([
    journalFacts(input.organisationId, input.cls.id, span.startDate, until, input.subjectId, input.period === null),
    classTeachersOf(input.organisationId, [input.cls.id]),
  ]);
  const parts = journalParts(facts);
  return {
    title: "Классный журнал (печатная версия)",
    organisationName: input.orgName,
    parameters: [
      { label: input.isCollege ? "Группа" : "Класс", value: input.cls.name },
      { label: input.isCollege ? "Куратор" : "Классный руководитель", value: teachers.get(input.cls.id) ?? "—" },
      input.period
        ? { label: "Период", value: periodText(input.period) }
        : {
            label: "Учебный год",
            value: `${input.year.name} (${formatDate(input.year.startDate)} — ${formatDate(input.year.endDate)})`,
          },
    ],
    orientation: "landscape",
    header: [
      { label: "№" },
      { label: input.isCollege ? "Дисциплина" : "Предмет" },
      { label: "Учитель" },
      { label: "Уроков" },
      { label: "Часов" },
    ],
    columns: [{ kind: "number" }, { kind: "text" }, { kind: "text" }, { kind: "number" }, { kind: "number" }],
    rows: parts.map((p, i) => [i + 1, p.title, p.teachers, p.lessons.length, p.hours]),
    totals: parts.length
      ? [["", "Итого", "", parts.reduce((n, p) => n + p.lessons.length, 0), parts.reduce((n, p) => n + p.hours, 0)]]
      : [],
    notes: [
      "Обозначения: н — отсутствовал, уп — по уважительной причине, нп — по неуважительной, б — по болезни, от — причина неизвестна, оп — опоздал; 5б — отметка, полученная в больнице; зач / нз — зачёт / незачёт; д — долг; н/а — не аттестован.",
      "«—» — обучающийся в этот день не числился в классе (подгруппе).",
    ],
    printedAt: input.now,
    sections: parts.flatMap((p, i) => partSections(p, facts, i)),
  };
}
