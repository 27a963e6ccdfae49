// RPT-11: the journal-fill report (CTL-1), the list of remarks (CTL-2) and the weekly activity
// report (CTL-3) as neutral report models, rendered by lib/reports/render-pdf.ts / render-xlsx.ts.
import type { CellValue, ReportModel } from "@/lib/reports/model";
import { columnsOf } from "@/lib/reports/rules";
import { formatDate, formatDateTime, wallTimeToInstant } from "@/lib/org/time";
import { cap, pluralOf, vocabulary } from "@/lib/org/vocabulary";
import { isRole, roleLabel } from "@/lib/access/roles";
import { loadActivityFacts, loadFillFacts, orgFacts } from "./data";
import { listRemarks, type RemarkRow } from "./remarks/data";
import {
  DENSITY_LESSONS,
  activityRows,
  fillTotals,
  listRange,
  remarkStatusLabel,
  weekStart,
  type FillRow,
} from "./rules";
import type { ActivityParams, FillParams, RemarksParams } from "./schema";
import { compareRu, compareRuNumeric } from "@/lib/org/collation";

/** The class scope of the caller: null = all classes (the gate's «all»), else the admitted ids. */
export type ScopeParam = { scopeClassIds?: number[] | null };

export type FillReport = {
  rows: (FillRow & { teacher: string; className: string; subject: string })[];
  totals: ReturnType<typeof fillTotals>;
  timeZone: string;
  lockDays: number;
  orgName: string;
  isCollege: boolean;
};

/** The figures of CTL-1 for the page and the file, sorted by teacher, class, subject. */
export async function journalFill(
  organisationId: number,
  params: FillParams & ScopeParam,
  now: Date,
): Promise<FillReport> {
  let classIds = params.scopeClassIds ? new Set(params.scopeClassIds) : null;
  if (params.classId) classIds = classIds && !classIds.has(params.classId) ? new Set() : new Set([params.classId]);
  const facts = await loadFillFacts(
    organisationId,
    { from: params.from, to: params.to, classIds, teacherId: params.teacherId, subjectId: params.subjectId },
    now,
  );
  const rows = facts.rows.sort(
    (a, b) =>
      compareRu(a.teacher, b.teacher) || compareRuNumeric(a.className, b.className) || compareRu(a.subject, b.subject),
  );
  return {
    rows,
    totals: fillTotals(rows),
    timeZone: facts.timeZone,
    lockDays: facts.lockDays,
    orgName: facts.orgName,
    isCollege: facts.isCollege,
  };
}

export async function buildJournalFillModel(
  organisationId: number,
  params: FillParams & ScopeParam,
  now: Date,
): Promise<ReportModel> {
  return fillModel(await journalFill(organisationId, params, now), params, now);
}

/** CTL-1's file from its figures (pure: the unit tests read a college's words in it). */
export function fillModel(r: FillReport, params: FillParams, now: Date): ReportModel {
  // DAY-6: the organisation's words — the title, heads, parameters and notes (issue 22 round 24: the
  // page had them since round 23, the file still read «классный журнал», «Учитель», «уроков», «ученика»).
  const v = vocabulary(r.isCollege);
  const density = `${DENSITY_LESSONS} ${pluralOf(DENSITY_LESSONS, v.lesson)}`;
  const rows: CellValue[][] = r.rows.map((row) => [
    row.teacher,
    row.className,
    row.subject,
    row.lessons,
    row.noTopic,
    row.noHomework,
    row.noAttendance,
    row.lateMarks,
    row.marks,
    row.density,
    row.lastFilledAt ? formatDateTime(row.lastFilledAt, r.timeZone) : "не заполнялся",
  ]);
  const t = r.totals;
  return {
    title: `Отчёт о доступе к ${v.journal.dat}`,
    organisationName: r.orgName,
    parameters: [
      { label: "Период", value: `${formatDate(params.from)} — ${formatDate(params.to)}` },
      ...(params.classId ? [{ label: cap(v.class.nom), value: r.rows[0]?.className ?? "—" }] : []),
      ...(params.teacherId ? [{ label: cap(v.teacher.nom), value: r.rows[0]?.teacher ?? "—" }] : []),
      ...(params.subjectId ? [{ label: cap(v.subject.nom), value: r.rows[0]?.subject ?? "—" }] : []),
    ],
    orientation: "landscape",
    header: [
      { label: cap(v.teacher.nom) },
      { label: cap(v.class.nom) },
      { label: cap(v.subject.nom) },
      { label: `Проведено ${v.lesson.genPl}` },
      {
        label: `${cap(v.lesson.genPl)} без записи`,
        children: [{ label: "темы" }, { label: "дом. задания" }, { label: "посещаемости" }],
      },
      { label: `Отметок позже ${r.lockDays} дн.` },
      { label: "Отметок всего" },
      { label: `Накопляемость (на ${v.student.acc} за ${density})` },
      { label: "Последнее заполнение" },
    ],
    columns: [...columnsOf("text", 3), ...columnsOf("number", 6), { kind: "decimal" }, { kind: "text" }],
    rows,
    totals: rows.length
      ? [
          [
            "Итого",
            null,
            null,
            t.lessons,
            t.noTopic,
            t.noHomework,
            t.noAttendance,
            t.lateMarks,
            t.marks,
            t.density,
            null,
          ],
        ]
      : [],
    notes: [
      `Учитываются проведённые ${v.lesson.nomPl} (не отменённые и не позже даты печати); ${v.lesson.nom} замены — за заменявшим ${v.teacher.ins}.`,
      `Посещаемость отмечена, если на ${v.lesson.prep} есть пропуск или отметка «все присутствуют».`,
      `Отметки позже ${r.lockDays} дн. — отметки, выставленные позже срока редактирования ${v.lesson.gen} (по времени создания отметки); последнее заполнение — самое позднее из времени записи темы, отметок, посещаемости, домашнего задания и истории изменений.`,
      `Накопляемость — отметок на одного ${v.student.acc} за ${density} (отметки ÷ ${v.student.nomPl} ÷ ${v.lesson.nomPl} × ${DENSITY_LESSONS}).`,
    ],
    printedAt: now,
  };
}

/** Remarks of a week or a month (CTL-2), filtered by status and teacher. */
export async function remarksList(
  organisationId: number,
  params: RemarksParams & ScopeParam & { authorId?: number },
  timeZone: string,
) {
  const range = listRange(params.kind, params.date);
  const fromAt = wallTimeToInstant(range.from.getTime(), timeZone);
  const toAt = wallTimeToInstant(range.to.getTime() + 86_400_000, timeZone);
  const rows = await listRemarks(organisationId, {
    fromAt,
    toAt,
    status: params.status,
    teacherId: params.teacherId,
    classIds: params.scopeClassIds ? new Set(params.scopeClassIds) : null,
    authorId: params.authorId ?? 0,
  });
  return { range, rows };
}

export async function buildRemarksModel(
  organisationId: number,
  params: RemarksParams & ScopeParam & { authorId?: number },
  now: Date,
): Promise<ReportModel> {
  const org = await orgFacts(organisationId);
  const { range, rows } = await remarksList(organisationId, params, org.timeZone);
  return remarksModel(org, range, rows, params, now);
}

/** CTL-2's file from its rows (pure: the unit tests read a college's words in it). */
export function remarksModel(
  org: { name: string; timeZone: string; isCollege: boolean },
  range: { from: Date; to: Date },
  rows: readonly RemarkRow[],
  params: Pick<RemarksParams, "kind" | "status">,
  now: Date,
): ReportModel {
  // DAY-6 (issue 22 round 24): «Преподаватель», «Группа, дисциплина, занятие», «Комментарий преподавателя».
  const v = vocabulary(org.isCollege);
  const where = (r: RemarkRow) =>
    [r.className, r.subjectName, r.lessonDate ? `${v.lesson.nom} ${formatDate(r.lessonDate)}` : null]
      .filter(Boolean)
      .join(", ");
  return {
    title: "Замечания по ведению электронного журнала",
    organisationName: org.name,
    parameters: [
      {
        label: params.kind === "week" ? "Неделя" : "Месяц",
        value: `${formatDate(range.from)} — ${formatDate(range.to)}`,
      },
      ...(params.status ? [{ label: "Состояние", value: remarkStatusLabel(params.status, v.kind) }] : []),
    ],
    orientation: "landscape",
    header: [
      { label: "№" },
      { label: "Дата" },
      { label: cap(v.teacher.nom) },
      { label: `${cap(v.class.nom)}, ${v.subject.nom}, ${v.lesson.nom}` },
      { label: "Замечание" },
      { label: "Автор" },
      { label: "Состояние" },
      { label: `Комментарий ${v.teacher.gen}` },
      { label: "Устранено" },
      { label: "Закрыто" },
    ],
    columns: [{ kind: "number" }, ...columnsOf("text", 9)],
    rows: rows.map((r, i) => [
      i + 1,
      formatDateTime(r.createdAt, org.timeZone),
      r.teacher,
      where(r) || "—",
      r.text,
      r.author,
      remarkStatusLabel(r.status, v.kind),
      r.teacherNote ?? "",
      r.doneAt ? formatDateTime(r.doneAt, org.timeZone) : "",
      r.closedAt ? formatDateTime(r.closedAt, org.timeZone) : "",
    ]),
    totals: [],
    notes: [`Всего замечаний: ${rows.length}; открыто: ${rows.filter((r) => r.status === "OPEN").length}.`],
    printedAt: now,
  };
}

/** CTL-3: the week (Monday–Sunday) holding `date`. */
export async function weeklyActivity(
  organisationId: number,
  params: ActivityParams,
  timeZone: string,
  kind: "SCHOOL" | "COLLEGE",
) {
  const from = weekStart(params.date);
  const toExclusive = new Date(from.getTime() + 7 * 86_400_000);
  const facts = await loadActivityFacts(organisationId, from, toExclusive, timeZone);
  const rows = activityRows(facts)
    .map((r) => {
      const u = facts.users.get(r.userId);
      return {
        ...r,
        name: u?.name ?? "—",
        // DAY-6: «Преподаватель», «Студент» at a college.
        roles: (u?.roles ?? []).map((x) => (isRole(x) ? roleLabel(x, kind) : x)).join(", "),
      };
    })
    .sort((a, b) => compareRu(a.roles, b.roles) || compareRu(a.name, b.name));
  return { from, to: new Date(toExclusive.getTime() - 86_400_000), rows, orgName: facts.orgName };
}

export async function buildActivityModel(
  organisationId: number,
  params: ActivityParams,
  now: Date,
): Promise<ReportModel> {
  const org = await orgFacts(organisationId);
  const a = await weeklyActivity(organisationId, params, org.timeZone, org.isCollege ? "COLLEGE" : "SCHOOL");
  const sum = (f: (r: (typeof a.rows)[number]) => number) => a.rows.reduce((n, r) => n + f(r), 0);
  return {
    title: "Активность пользователей за неделю",
    organisationName: a.orgName,
    parameters: [{ label: "Неделя", value: `${formatDate(a.from)} — ${formatDate(a.to)}` }],
    orientation: "portrait",
    header: [
      { label: "Пользователь" },
      { label: "Роли" },
      { label: "Входов" },
      { label: "Изменений в журнале" },
      { label: "Сообщений" },
      { label: "Просмотров страниц" },
    ],
    columns: [{ kind: "text" }, { kind: "text" }, ...columnsOf("number", 4)],
    rows: a.rows.map((r) => [r.name, r.roles, r.signIns, r.journalEdits, r.messages, r.pageViews]),
    totals: a.rows.length
      ? [
          [
            "Итого",
            `${a.rows.length} польз.`,
            sum((r) => r.signIns),
            sum((r) => r.journalEdits),
            sum((r) => r.messages),
            sum((r) => r.pageViews),
          ],
        ]
      : [],
    notes: [
      "Входы — из журнала аудита, изменения — из истории журнала, сообщения — отправленные письма, просмотры — по разделам за день.",
    ],
    printedAt: now,
  };
}
