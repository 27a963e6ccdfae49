// Builds the XLSX of a class list or its medical list (PPL-5, seed 003).
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
    rows.map((r, i) => [i + 1, fmt.personName(r), fmt.formatDate(r.birthDate), fmt.formLabel(r.educationForm), fmt.formatDate(r.since)]),
  );
  return { buffer, fileName: `Список ${cls.name}.xlsx`, asciiName: `class-${classId}.xlsx` };
}
