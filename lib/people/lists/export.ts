// Builds the XLSX of the people lists (PPL-5): a class list or its medical list (seed 003), the
// movement book (PPL-3) and the staff list — all through the one listToXlsx.
import type { VisitRow } from "../logins/data";
import type { MovementRow } from "../movement/data";
import { MOVEMENT_LABELS, type MovementKind } from "../movement/rules";
import type { StaffBrief } from "../staff/data";
import { classListOn, classRef, medicalListOn } from "./data";
import { listToXlsx } from "./xlsx";

type Fmt = {
  formatDate: (d: Date) => string;
  personName: (p: { lastName: string; firstName: string; middleName: string | null }) => string;
  formLabel: (f: string) => string;
};

export async function exportClassList(
  organisationId: number,
  classId: number,
  list: "students" | "medical",
  date: Date,
  fmt: Fmt,
): Promise<{ buffer: Buffer; fileName: string; asciiName: string } | null> {
  const cls = await classRef(organisationId, classId);
  if (!cls) return null;
  const on = fmt.formatDate(date);
  if (list === "medical") {
    const rows = await medicalListOn(organisationId, classId, date);
    const buffer = await listToXlsx(
      `Медицинский список класса ${cls.name} на ${on}`,
      ["№", "ФИО", "Группа здоровья", "Физ. группа"],
      rows.map((r, i) => [i + 1, r.fullName, r.healthGroup, r.physicalGroup]),
    );
    return { buffer, fileName: `Мед. список ${cls.name}.xlsx`, asciiName: `medical-${classId}.xlsx` };
  }
  const rows = await classListOn(organisationId, classId, date);
  const buffer = await listToXlsx(
    `Список класса ${cls.name} на ${on}`,
    ["№", "ФИО", "Дата рождения", "Форма обучения", "В классе с"],
    rows.map((r, i) => [
      i + 1,
      fmt.personName(r),
      fmt.formatDate(r.birthDate),
      fmt.formLabel(r.educationForm),
      fmt.formatDate(r.since),
    ]),
  );
  return { buffer, fileName: `Список ${cls.name}.xlsx`, asciiName: `class-${classId}.xlsx` };
}

type XlsxFile = { buffer: Buffer; fileName: string; asciiName: string };

/** The movement book as read on the page (already limited to the reader's classes), oldest first. */
export async function exportMovementBook(
  rows: readonly MovementRow[],
  fmt: Pick<Fmt, "formatDate" | "formLabel">,
  today: Date,
): Promise<XlsxFile> {
  const ordered = [...rows].sort((a, b) => a.date.getTime() - b.date.getTime() || a.id - b.id);
  const buffer = await listToXlsx(
    `Книга движения учащихся на ${fmt.formatDate(today)}`,
    ["№", "Дата", "ФИО ученика", "Движение", "Из класса", "В класс", "Приказ №", "Дата приказа", "Примечание"],
    ordered.map((r, i) => [
      i + 1,
      fmt.formatDate(r.date),
      r.studentName,
      (MOVEMENT_LABELS[r.kind as MovementKind] ?? r.kind) +
        (r.kind === "FORM_CHANGE" && r.educationForm ? `: ${fmt.formLabel(r.educationForm)}` : ""),
      r.fromClass,
      r.toClass,
      r.orderNumber,
      fmt.formatDate(r.orderDate),
      r.note,
    ]),
  );
  return { buffer, fileName: "Книга движения.xlsx", asciiName: "movement-book.xlsx" };
}

/** «Краткие сведения» of the staff (what the staff list shows). */
export async function exportStaffList(
  rows: readonly StaffBrief[],
  formatDate: (d: Date) => string,
  today: Date,
): Promise<XlsxFile> {
  const buffer = await listToXlsx(
    `Список сотрудников на ${formatDate(today)}`,
    ["№", "ФИО", "Должность", "Телефон", "E-mail"],
    rows.map((r, i) => [i + 1, r.fullName, r.position, r.phone, r.email]),
  );
  return { buffer, fileName: "Сотрудники.xlsx", asciiName: "staff.xlsx" };
}

/** Visit statistics (AUTH-5) as shown on «Статистика посещений». */
export async function exportVisits(
  rows: readonly VisitRow[],
  fmt: { formatDateTime: (d: Date) => string; roleLabel: (r: string) => string | null },
  title: string,
): Promise<XlsxFile> {
  const buffer = await listToXlsx(
    title,
    ["№", "ФИО", "Роль", "Логин", "Последний вход", "Эта неделя", "−1 нед.", "−2 нед.", "−3 нед.", "Вход"],
    rows.map((r, i) => [
      i + 1,
      r.fullName,
      r.roles.map(fmt.roleLabel).filter(Boolean).join(", "),
      r.login,
      r.lastVisit ? fmt.formatDateTime(r.lastVisit) : "не входил",
      ...r.weeks.slice(0, 4),
      r.isActive ? "открыт" : "закрыт",
    ]),
  );
  return { buffer, fileName: "Посещения.xlsx", asciiName: "visits.xlsx" };
}
