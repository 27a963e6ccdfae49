// Session-bound reads of portfolios (LRN-5) shaped for the pages and the printed form. The callers
// have decided access (access.ts); a holder of portfolio.edit without portfolio.view (a teacher of
// the student) sees only the entries they added themselves.
import type { Scope } from "@/lib/access/matrix";
import { classesToList, listScope } from "@/lib/access/scope";
import type { CurrentUser } from "@/lib/auth/session";
import { formatDate, isoDate, todayIn } from "@/lib/org/time";
import { fullName, shortName } from "@/lib/people/names";
import { studentHeader } from "@/lib/people/data";
import type { ReportModel } from "@/lib/reports/model";
import { columnsOf } from "@/lib/reports/rules";
import type { StaffPortfolioRights, StudentPortfolioRights } from "./access";
import { achievementsOf, classesWithPupils, staffAchievementsOf, staffMember, teachers } from "./data";
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
  return { student, entries, seesAll: rights.view };
}

/** The printed portfolio of a student (LRN-5): every entry but the rejected, each with its status. */
export function studentPortfolioModel(
  orgName: string,
  view: NonNullable<Awaited<ReturnType<typeof loadStudentPortfolio>>>,
  now: Date,
): ReportModel {
  const rows = view.entries
    .filter((e) => e.status !== "REJECTED")
    .map((e, i) => [i + 1, e.date, e.kind, e.level, e.title, e.result ?? "", e.subject ?? "", e.statusLine]);
  return {
    title: "Портфолио обучающегося",
    organisationName: orgName,
    parameters: [
      { label: "Обучающийся", value: view.student.fullName },
      { label: "Класс", value: view.student.className ?? "—" },
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
      "Записи, добавленные учеником или родителем, считаются подтверждёнными после проверки классным руководителем.",
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

/**
 * The portfolio index: the family's children; the classes (with pupils and entries waiting for
 * confirmation) the reader's portfolio scopes cover; teachers' portfolios for the administration;
 * one's own teacher portfolio.
 */
export async function loadPortfolioIndex(
  user: CurrentUser,
  scopes: { view: readonly Scope[]; edit: readonly Scope[] },
  children: { studentId: number; name: string }[],
) {
  const staffScopes = [...new Set([...scopes.view, ...scopes.edit].filter((s) => s !== "self"))];
  const classIds = staffScopes.length
    ? classesToList(await listScope(user, { scopes: staffScopes }))
    : new Set<number>();
  const wide = scopes.view.includes("all") || scopes.view.includes("dept") || scopes.edit.includes("all");
  const [classes, teacherList] = await Promise.all([
    classIds === null || classIds.size > 0
      ? classesWithPupils(user.organisationId, classIds === null ? null : [...classIds], todayIn(user.timeZone))
      : Promise.resolve([]),
    wide ? teachers(user.organisationId) : Promise.resolve([]),
  ]);
  const staff = user.roles.some((r) => r !== "STUDENT" && r !== "PARENT");
  return {
    children,
    classes: classes.map((c) => ({
      ...c,
      students: c.students.map((s) => ({ id: s.id, name: fullName(s), pending: s.pending })),
    })),
    teachers: teacherList.map((t) => ({ id: t.id, name: fullName(t) })),
    ownStaffPortfolio: staff && scopes.edit.length > 0,
  };
}
