// Session-bound reads of portfolios (LRN-5) shaped for the pages and the printed form. The callers
// have decided access (access.ts); a holder of portfolio.edit without portfolio.view (a teacher of
// the student) sees only the entries they added themselves.
import type { Scope } from "@/lib/access/matrix";
import { classesToList, listScope } from "@/lib/access/scope";
import { issuesText } from "@/lib/schema";
import type { CurrentUser } from "@/lib/auth/session";
import { formatDate, isoDate, todayIn } from "@/lib/org/time";
import { fullName, shortName } from "@/lib/people/names";
import { studentHeader } from "@/lib/people/data";
import type { ReportModel } from "@/lib/reports/model";
import { columnsOf } from "@/lib/reports/rules";
import { cap, vocabulary } from "@/lib/org/vocabulary";
import type { StaffPortfolioRights, StudentPortfolioRights } from "./access";
import { achievementsOf, currentClasses, portfolioPupils, staffAchievementsOf, staffMember, teachers } from "./data";
import { portfolioIndexQuery, type PortfolioIndexQuery } from "./schema";
import {
  KIND_LABELS,
  LEVEL_LABELS,
  STAFF_KIND_LABELS,
  STATUS_LABELS,
  mayRemove,
  statusLine,
  type AchievementKindName,
  type AchievementLevelName,
  type AchievementStatusName,
  type StaffKindName,
} from "./rules";

export type AchievementView = {
  id: number;
  date: string;
  kind: string;
  level: string;
  title: string;
  result: string | null;
  subject: string | null;
  status: AchievementStatusName;
  statusLabel: string;
  statusLine: string;
  addedBy: string;
  rejectReason: string | null;
  file: { name: string; url: string } | null;
  removable: boolean;
  decidable: boolean;
};

export async function loadStudentPortfolio(user: CurrentUser, studentId: number, rights: StudentPortfolioRights) {
  const [student, rows] = await Promise.all([
    studentHeader(user.organisationId, studentId, todayIn(user.timeZone)),
    achievementsOf(user.organisationId, studentId),
  ]);
  if (!student) return null;
  const visible = rights.view ? rows : rows.filter((r) => r.addedById === user.id);
  const entries: AchievementView[] = visible.map((r) => {
    const status = r.status as AchievementStatusName;
    return {
      id: r.id,
      date: formatDate(r.date),
      kind: KIND_LABELS[r.kind as AchievementKindName],
      level: LEVEL_LABELS[r.level as AchievementLevelName],
      title: r.title,
      result: r.result,
      subject: r.subject,
      status,
      statusLabel: STATUS_LABELS[status],
      statusLine: statusLine(
        status,
        r.confirmedBy ? shortName(r.confirmedBy) : null,
        r.confirmedAt ? formatDate(new Date(`${isoDate(r.confirmedAt)}T00:00:00Z`)) : null,
      ),
      addedBy: r.addedBy ? shortName(r.addedBy) : "",
      rejectReason: r.rejectReason,
      file: r.fileName ? { name: r.fileName, url: `/api/portfolio/files/${r.id}` } : null,
      removable: mayRemove(
        { addedById: r.addedById, status },
        { userId: user.id, canConfirm: rights.confirm, family: rights.family },
      ),
      decidable: rights.confirm && status === "PENDING",
    };
  });
  // DAY-6: the organisation's kind names the class and the class teacher in the printed form.
  return { student, entries, seesAll: rights.view, kind: user.orgKind };
}

/** The printed portfolio of a student (LRN-5): every entry but the rejected, each with its status. */
export function studentPortfolioModel(
  orgName: string,
  view: NonNullable<Awaited<ReturnType<typeof loadStudentPortfolio>>>,
  now: Date,
): ReportModel {
  const v = vocabulary(view.kind);
  const rows = view.entries
    .filter((e) => e.status !== "REJECTED")
    .map((e, i) => [i + 1, e.date, e.kind, e.level, e.title, e.result ?? "", e.subject ?? "", e.statusLine]);
  return {
    title: "Портфолио обучающегося",
    organisationName: orgName,
    parameters: [
      { label: "Обучающийся", value: view.student.fullName },
      { label: cap(v.class.nom), value: view.student.className ?? "—" },
    ],
    orientation: "landscape",
    header: [
      { label: "№" },
      { label: "Дата" },
      { label: "Вид" },
      { label: "Уровень" },
      { label: "Достижение" },
      { label: "Результат" },
      { label: "Предмет, направление" },
      { label: "Подтверждение" },
    ],
    columns: [{ kind: "number" }, ...columnsOf("text", 7)],
    rows,
    totals: [],
    notes: [
      rows.length === 0 ? "Достижений нет." : `Достижений: ${rows.length}.`,
      `Записи, добавленные ${v.student.ins} или родителем, считаются подтверждёнными после проверки ${v.classTeacher.ins}.`,
    ],
    printedAt: now,
  };
}

export async function loadStaffPortfolio(user: CurrentUser, userId: number, rights: StaffPortfolioRights) {
  const [member, rows] = await Promise.all([
    staffMember(user.organisationId, userId),
    staffAchievementsOf(user.organisationId, userId),
  ]);
  if (!member) return null;
  return {
    userId,
    fullName: fullName(member),
    position: member.staff?.position ?? null,
    category: member.staff?.category ?? null,
    education: member.staff?.education ?? null,
    canEdit: rights.edit,
    entries: rows.map((r) => ({
      id: r.id,
      kind: STAFF_KIND_LABELS[r.kind as StaffKindName],
      title: r.title,
      issuer: r.issuer,
      date: formatDate(r.date),
      hours: r.hours,
      documentNumber: r.documentNumber,
      file: r.fileName ? { name: r.fileName, url: `/api/portfolio/files/${r.id}?kind=staff` } : null,
    })),
  };
}

export function staffPortfolioModel(
  orgName: string,
  view: NonNullable<Awaited<ReturnType<typeof loadStaffPortfolio>>>,
  now: Date,
): ReportModel {
  return {
    title: "Портфолио педагога",
    organisationName: orgName,
    parameters: [
      { label: "Педагог", value: view.fullName },
      ...(view.position ? [{ label: "Должность", value: view.position }] : []),
      ...(view.category ? [{ label: "Квалификационная категория", value: view.category }] : []),
      ...(view.education ? [{ label: "Образование", value: view.education }] : []),
    ],
    orientation: "portrait",
    header: [
      { label: "№" },
      { label: "Дата" },
      { label: "Вид" },
      { label: "Содержание" },
      { label: "Кем выдано" },
      { label: "Часов" },
      { label: "Документ" },
    ],
    columns: [{ kind: "number" }, ...columnsOf("text", 4), { kind: "number" }, { kind: "text" }],
    rows: view.entries.map((e, i) => [i + 1, e.date, e.kind, e.title, e.issuer ?? "", e.hours, e.documentNumber ?? ""]),
    totals: [],
    notes: [view.entries.length === 0 ? "Записей нет." : `Записей: ${view.entries.length}.`],
    printedAt: now,
  };
}

/** How many pupils the portfolio index shows at most (issue 22 item 7; the filter narrows the rest). */
export const INDEX_PUPILS = 200;

type IndexRaw = Record<string, string | string[] | undefined>;

/**
 * The portfolio index: the family's children; the pupils of the classes the reader's portfolio scopes
 * cover (with entries waiting for confirmation), filtered by class, name and «waiting» and cut to
 * `limit` with the count of all that match (issue 22 item 7); teachers' portfolios for the
 * administration (by the same name filter); one's own teacher portfolio. A bad filter value gives its
 * Russian message and no pupils.
 */
export async function loadPortfolioIndex(
  user: CurrentUser,
  scopes: { view: readonly Scope[]; edit: readonly Scope[] },
  children: { studentId: number; name: string }[],
  raw: IndexRaw = {},
  limit = INDEX_PUPILS,
) {
  const one = (k: string) => (typeof raw[k] === "string" && raw[k] !== "" ? (raw[k] as string) : undefined);
  const parsed = portfolioIndexQuery.safeParse({ classId: one("classId"), q: one("q"), pending: one("pending") });
  const query: PortfolioIndexQuery = parsed.success ? parsed.data : { q: undefined };
  const staffScopes = [...new Set([...scopes.view, ...scopes.edit].filter((s) => s !== "self"))];
  const classIds = staffScopes.length
    ? classesToList(await listScope(user, { scopes: staffScopes }))
    : new Set<number>();
  const inScope = classIds === null ? null : [...classIds];
  const wide = scopes.view.includes("all") || scopes.view.includes("dept") || scopes.edit.includes("all");
  const hasClasses = inScope === null || inScope.length > 0;
  let error = parsed.success ? null : issuesText(parsed.error);
  const [classes, pupils, teacherList] = await Promise.all([
    hasClasses ? currentClasses(user.organisationId, inScope) : Promise.resolve([]),
    hasClasses && !error
      ? portfolioPupils(
          user.organisationId,
          inScope,
          todayIn(user.timeZone),
          { classId: query.classId, q: query.q, pending: query.pending === "1" },
          limit,
        )
      : Promise.resolve({ rows: [], total: 0 }),
    wide && !error && query.classId === undefined && !query.pending
      ? teachers(user.organisationId)
      : Promise.resolve([]),
  ]);
  // A class outside the reader's scope or not of the current year: the statement found nobody; say why.
  if (!error && query.classId !== undefined && !classes.some((c) => c.id === query.classId))
    error = `${cap(vocabulary(user.orgKind).classNotFound)} среди доступных вам ${vocabulary(user.orgKind).class.genPl} текущего года`;
  const groups: { id: number; name: string; pupils: number; pending: number; students: IndexPupil[] }[] = [];
  for (const r of pupils.rows) {
    let g = groups.at(-1);
    if (!g || g.id !== r.classId) {
      g = { id: r.classId, name: r.className, pupils: r.classPupils, pending: r.classPending, students: [] };
      groups.push(g);
    }
    g.students.push({ id: r.id, name: fullName(r), pending: r.pending });
  }
  const q = query.q?.toLocaleLowerCase("ru");
  const staff = user.roles.some((r) => r !== "STUDENT" && r !== "PARENT");
  return {
    children,
    query,
    error,
    classChoices: classes,
    classes: groups,
    shown: pupils.rows.length,
    total: pupils.total,
    limit,
    teachers: teacherList
      .map((t) => ({ id: t.id, name: fullName(t) }))
      .filter((t) => !q || t.name.toLocaleLowerCase("ru").startsWith(q)),
    ownStaffPortfolio: staff && scopes.edit.length > 0,
  };
}

export type IndexPupil = { id: number; name: string; pending: number };
