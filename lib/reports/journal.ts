// RPT-12 «Печатная версия электронного журнала» of a class for a year or a period, bound (PRN-9):
// a title page, the contents (subjects, teachers, lessons and hours given) with the page number of
// each subject, per subject the pages of the paper journal with the finals at their period's end,
// and the closing sheet «В журнале пронумеровано и прошито N листов» with the director's signature
// and М.П. — to be bound, signed and archived. The year archive calls it through buildReport.
import { formatDate } from "@/lib/org/time";
import { cap, vocabulary } from "@/lib/org/vocabulary";
import type { ReportModel } from "./model";
import { signatoryFacts } from "./data";
import { journalFacts } from "./journal/data";
import { journalParts, partSections } from "./journal-rules";
import { periodText, reportFileName, yearShort } from "./rules";
import { shortOfFull } from "./signatures";
import { printingDay, specialtyLabel, type ClassSpanInput } from "./scope-rules";

export async function buildJournalReport(input: ClassSpanInput & { subjectId?: number }): Promise<ReportModel> {
  const v = vocabulary(input.isCollege);
  const span = input.period ?? input.year;
  // Lessons held up to the day of printing (the organisation's own day): lessons planned ahead carry nothing yet.
  const printed = printingDay(input);
  const until = span.endDate < printed ? span.endDate : printed;
  const [facts, signers] = await Promise.all([
    journalFacts(input.organisationId, input.cls.id, span.startDate, until, input.subjectId, input.period === null),
    signatoryFacts(input.organisationId, [input.cls.id], input.signatories),
  ]);
  const parts = journalParts(facts);
  const classTeacher = signers.classTeachers.get(input.cls.id) ?? "—";
  const yearText = `${input.year.name} учебный год`;
  return {
    // DAY-6 (issue 22 round 24): a college's document is the «Журнал учебных занятий» (PRN-3).
    title: `${cap(v.journal.nom)} (печатная версия)`,
    organisationName: input.orgName,
    parameters: [
      { label: cap(v.class.nom), value: input.cls.name },
      { label: cap(v.classTeacher.nom), value: classTeacher },
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
      { label: cap(v.subject.nom) },
      { label: cap(v.teacher.nom) },
      { label: cap(v.lesson.genPl) },
      { label: "Часов" },
    ],
    columns: [
      { kind: "number", key: true },
      { kind: "text", key: true },
      { kind: "text" },
      { kind: "number" },
      { kind: "number" },
    ],
    rows: parts.map((p, i) => [i + 1, p.title, p.teachers, p.lessons.length, p.hours]),
    totals: parts.length
      ? [["", "Итого", "", parts.reduce((n, p) => n + p.lessons.length, 0), parts.reduce((n, p) => n + p.hours, 0)]]
      : [],
    notes: [
      "Обозначения: н — отсутствовал, уп — по уважительной причине, нп — по неуважительной, б — по болезни, от — причина неизвестна, оп — опоздал; 5б — отметка, полученная в больнице; зач / нз — зачёт / незачёт; д — долг; н/а — не аттестован.",
      `«—» — обучающийся в этот день не числился в ${v.class.prep} (подгруппе). Итоговые отметки стоят после последнего ${v.lesson.gen} своего периода.`,
    ],
    printedAt: input.now,
    sections: parts.flatMap((p, i) => partSections(p, facts, i, undefined, v)),
    bound: {
      heading: cap(v.journal.nom),
      titleLines: [
        input.isCollege ? `группы ${input.cls.name}` : `${input.cls.name} класса`,
        ...(input.isCollege && (input.cls.specialty || input.cls.specialtyCode)
          ? [`специальность ${specialtyLabel(input.cls)}`]
          : []),
        input.period ? `${periodText(input.period)}, ${yearText}` : yearText,
        `${cap(v.classTeacher.nom)}: ${classTeacher}`,
      ],
      director: { role: "Директор", name: signers.director ? shortOfFull(signers.director) : "" },
    },
    fileName: reportFileName(["Журнал", input.cls.name, input.period?.name ?? "год", yearShort(input.year.name)]),
  };
}
