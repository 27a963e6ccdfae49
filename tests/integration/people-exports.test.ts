// XLSX exports of the movement book and the staff list against PostgreSQL (PPL-3, PPL-5): the
// files carry what the lists show, a class teacher's book holds only own class's movements.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/org/time";
import { exportMovementBook, exportStaffList, exportVisits } from "@/lib/people/lists/export";
import { visitStats } from "@/lib/people/logins/data";
import { loadMovementBook } from "@/lib/people/movement/loaders";
import { movementFilterSchema } from "@/lib/people/movement/schema";
import { staffBrief } from "@/lib/people/staff/data";
import { createAccessFixture, fixtureUser, type AccessFixture } from "../support/access-fixture";

let f: AccessFixture;
const d = (s: string) => new Date(`${s}T00:00:00.000Z`);
const fmt = { formatDate, formLabel: (x: string) => (x === "HOME" ? "на дому" : x) };

const asUser = (column: keyof AccessFixture["users"]) => fixtureUser(f, column);

async function rowsOf(buffer: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const out: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

beforeAll(async () => {
  f = await createAccessFixture();
  const o = f.organisationId;
  await db.movement.createMany({
    data: [
      {
        organisationId: o,
        studentId: f.studentA,
        kind: "ADMISSION",
        date: d("2026-09-01"),
        orderNumber: "12-у",
        orderDate: d("2026-08-28"),
        toClassId: f.classA,
      },
      {
        organisationId: o,
        studentId: f.studentA,
        kind: "FORM_CHANGE",
        date: d("2026-10-05"),
        orderNumber: "40-у",
        orderDate: d("2026-10-01"),
        educationForm: "HOME",
        note: "по справке",
      },
      {
        organisationId: o,
        studentId: f.studentB,
        kind: "ADMISSION",
        date: d("2026-09-02"),
        orderNumber: "13-у",
        orderDate: d("2026-08-29"),
        toClassId: f.classB,
      },
    ],
  });
  await db.staff.create({
    data: {
      organisationId: o,
      lastName: "Новикова",
      firstName: "Анна",
      middleName: "Петровна",
      position: "учитель химии",
      phone: "+7 846 000-00-01",
    },
  });
});

describe("movement book to XLSX (PPL-3, PPL-5)", () => {
  it("writes every entry oldest first with kind, classes, order number and date", async () => {
    const all = await loadMovementBook(asUser("ADMIN"), ["all"], 100_000);
    const file = await exportMovementBook(all, fmt, d("2026-11-23"));
    expect(file.asciiName).toBe("movement-book.xlsx");
    const rows = await rowsOf(file.buffer);
    expect(rows[0]).toEqual(["Книга движения учащихся на 23.11.2026"]);
    expect(rows[1]).toEqual([
      "№",
      "Дата",
      "ФИО ученика",
      "Движение",
      "Из класса",
      "В класс",
      "Приказ №",
      "Дата приказа",
      "Примечание",
    ]);
    expect(rows.slice(2)).toEqual([
      [1, "01.09.2026", "Свой Ученик", "Зачисление", "", "5А", "12-у", "28.08.2026", ""],
      [2, "02.09.2026", "Чужой Ученик", "Зачисление", "", "5Б", "13-у", "29.08.2026", ""],
      [3, "05.10.2026", "Свой Ученик", "Смена формы обучения: на дому", "", "", "40-у", "01.10.2026", "по справке"],
    ]);
  });

  it("gives a class teacher only the movements into or out of own class", async () => {
    const own = await loadMovementBook(asUser("CLASS_TEACHER"), ["class"], 100_000);
    const rows = await rowsOf((await exportMovementBook(own, fmt, d("2026-11-23"))).buffer);
    expect(rows.slice(2).map((r) => r[2])).toEqual(["Свой Ученик"]);
  });
});

describe("movement book filters (PPL-3)", () => {
  const names = (rows: { studentName: string; kind: string }[]) => rows.map((r) => `${r.studentName}:${r.kind}`);

  it("filters by kind, class and dates; malformed parameters are not applied", async () => {
    const admin = asUser("ADMIN");
    expect(
      names(await loadMovementBook(admin, ["all"], 300, movementFilterSchema.parse({ kind: "FORM_CHANGE" }))),
    ).toEqual(["Свой Ученик:FORM_CHANGE"]);
    expect(
      names(await loadMovementBook(admin, ["all"], 300, movementFilterSchema.parse({ classId: String(f.classB) }))),
    ).toEqual(["Чужой Ученик:ADMISSION"]);
    expect(
      (
        await loadMovementBook(
          admin,
          ["all"],
          300,
          movementFilterSchema.parse({ from: "2026-09-02", to: "2026-09-30" }),
        )
      ).length,
    ).toBe(1);
    expect(
      (
        await loadMovementBook(
          admin,
          ["all"],
          300,
          movementFilterSchema.parse({ kind: "ВЗЛОМ", classId: "-1", from: "31.02.2026" }),
        )
      ).length,
    ).toBe(3);
  });

  it("gives a class teacher nothing for another class even when asked for it", async () => {
    expect(
      await loadMovementBook(
        asUser("CLASS_TEACHER"),
        ["class"],
        300,
        movementFilterSchema.parse({ classId: String(f.classB) }),
      ),
    ).toEqual([]);
  });
});

describe("staff list to XLSX (PPL-5)", () => {
  it("writes ФИО, position, phone and e-mail of the current staff", async () => {
    const file = await exportStaffList(await staffBrief(f.organisationId), formatDate, d("2026-11-23"));
    const rows = await rowsOf(file.buffer);
    expect(rows[1]).toEqual(["№", "ФИО", "Должность", "Телефон", "E-mail"]);
    expect(rows.slice(2)).toEqual([[1, "Новикова Анна Петровна", "учитель химии", "+7 846 000-00-01", ""]]);
  });
});

describe("visit statistics to XLSX (AUTH-5, PPL-5)", () => {
  it("writes each user's role, login, last visit, visits per week and whether the login is closed", async () => {
    const o = f.organisationId;
    await db.user.update({
      where: { organisationId_id: { organisationId: o, id: f.users.STAFF } },
      data: { isActive: false },
    });
    await db.visit.create({
      data: {
        organisationId: o,
        userId: f.users.PARENT,
        day: d("2026-11-20"),
        area: "web",
        count: 3,
        lastAt: new Date("2026-11-20T10:00:00Z"),
      },
    });
    const rows = await visitStats(o, [f.users.PARENT, f.users.STAFF], d("2026-11-23"));
    const file = await exportVisits(
      rows,
      { formatDateTime: (x) => x.toISOString(), roleLabel: (r) => r.toLowerCase() },
      "Статистика посещений",
    );
    const out = await rowsOf(file.buffer);
    expect(out[1]).toEqual([
      "№",
      "ФИО",
      "Роль",
      "Логин",
      "Последний вход",
      "Эта неделя",
      "−1 нед.",
      "−2 нед.",
      "−3 нед.",
      "Вход",
    ]);
    expect(out.slice(2)).toEqual([
      [1, "PARENT Тест", "parent", "parent", "не входил", 3, 0, 0, 0, "открыт"],
      [2, "STAFF Тест", "staff", "staff", "не входил", 0, 0, 0, 0, "закрыт"],
    ]);
  });
});
