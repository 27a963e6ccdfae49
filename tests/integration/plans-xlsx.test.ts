// PLAN-4: a 68-topic plan exported to XLSX and imported again equals the original field for
// field; a bad file or bad rows give Russian per-row errors and write nothing.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";
import { lastAudit } from "../support/audit";
import { db } from "@/lib/db";
import { planDetail } from "@/lib/plans/data";
import { copyPlan, createPlan, saveTopics } from "@/lib/plans/mutations";
import type { TopicRow } from "@/lib/plans/schema";
import { planToXlsx, xlsxToTopics, XLSX_HEADERS } from "@/lib/plans/xlsx";

let f: AccessFixture;
let yearId: number;

const LESSON_TYPES = [
  "урок открытия нового знания",
  "урок закрепления",
  "комбинированный урок",
  "урок контроля знаний",
];

/** 68 topics that exercise every field: empty ones, half hours, number-like codes, commas, quotes, line breaks, long text. */
function topics68(): TopicRow[] {
  return Array.from({ length: 68 }, (_, i) => ({
    title:
      i === 5
        ? "Формулы «сокращённого» умножения: (a + b)² = a² + 2ab + b²"
        : `Тема ${i + 1}. Линейная функция, её график; задачи № ${i * 3}–${i * 3 + 2}`,
    hours: i % 10 === 9 ? 2 : i % 17 === 3 ? 0.5 : 1,
    kesCodes: i % 7 === 0 ? null : i % 5 === 0 ? "1.10" : `${1 + (i % 6)}.${1 + (i % 4)}; 0${i % 3}`,
    lessonType: i % 11 === 0 ? null : LESSON_TYPES[i % 4],
    controlKind: i % 8 === 7 ? "Контрольная работа" : i % 4 === 1 ? "Тест" : null,
    homework:
      i % 9 === 0
        ? null
        : i === 12
          ? `Стр. 45, № 1, 2\nПовторить п. 3 — «правила»; ${"длинный текст ".repeat(40).trim()}`
          : `§ ${i + 1}, № ${i * 2 + 1}`,
  }));
}

const fields = (t: TopicRow) => ({
  title: t.title,
  hours: t.hours,
  kesCodes: t.kesCodes,
  lessonType: t.lessonType,
  controlKind: t.controlKind,
  homework: t.homework,
});

beforeAll(async () => {
  f = await createAccessFixture();
  const year = await db.academicYear.findFirstOrThrow({ where: { organisationId: f.organisationId } });
  yearId = year.id;
});

const newPlan = (classId: number) => ({
  yearId,
  teacherId: f.users.TEACHER,
  subjectId: f.subject,
  classId,
  grade: 5,
  title: "КТП",
});

describe("XLSX round trip (PLAN-4)", () => {
  it("a 68-topic plan exported and imported again equals the original in every field", async () => {
    const original = topics68();
    const sourceId = await createPlan(f.organisationId, f.users.TEACHER, newPlan(f.classA), original);
    const source = (await planDetail(f.organisationId, sourceId))!;
    expect(source.topics.map(fields)).toEqual(original);

    const file = await planToXlsx(
      { title: "КТП", teacher: source.teacherName, subject: source.subjectName, target: source.target },
      source.topics,
    );
    const read = await xlsxToTopics(file);
    if (!read.ok) throw new Error(read.message);
    expect(read.rows.every((r) => r.errors.length === 0)).toBe(true);

    const targetId = await createPlan(f.organisationId, f.users.TEACHER, newPlan(f.classA));
    const saved = await saveTopics(
      f.organisationId,
      f.users.TEACHER,
      targetId,
      read.rows.map((r) => r.data!),
      "xlsx",
    );
    expect(saved).toEqual({ ok: true, data: { count: 68 } });
    // An import is audited as one (AUTH-5), with the number of topics it wrote.
    expect(await lastAudit(f.organisationId, "plan.import")).toMatchObject({
      userId: f.users.TEACHER,
      entity: "LessonPlan",
      entityId: String(targetId),
      details: { topics: 68 },
    });
    const target = (await planDetail(f.organisationId, targetId))!;
    expect(target.topics).toHaveLength(68);
    target.topics.forEach((t, i) => {
      expect(t.position).toBe(source.topics[i].position);
      expect(fields(t)).toEqual(fields(source.topics[i]));
    });
  });

  it("copies a plan to another class as a new draft with the same topics", async () => {
    const sourceId = await createPlan(f.organisationId, f.users.TEACHER, newPlan(f.classA), topics68().slice(0, 10));
    const copied = await copyPlan(f.organisationId, f.users.TEACHER, sourceId, newPlan(f.classB));
    if (!copied.ok) throw new Error(copied.message);
    const copy = (await planDetail(f.organisationId, copied.data))!;
    expect(copy.status).toBe("DRAFT");
    expect(copy.classId).toBe(f.classB);
    expect(copy.topics.map(fields)).toEqual(topics68().slice(0, 10));
  });
});

async function sheet(rows: unknown[][], header: readonly string[] = XLSX_HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("КТП");
  ws.addRow([...header]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("XLSX import errors (PLAN-4, NFR-4)", () => {
  it("reports each bad row in Russian and accepts Excel numbers and decimal commas", async () => {
    const read = await xlsxToTopics(
      await sheet([
        [1, "Хорошая тема", 1, 1.1, "", "", ""],
        [2, "", 1, "", "", "", ""],
        [3, "Тема без часов", "", "", "", "", ""],
        [4, "Тема", "полтора", "", "", "", ""],
        [5, "Тема", 0.3, "", "", "", ""],
        [6, "Полчаса", "0,5", "", "", "", ""],
        [],
      ]),
    );
    if (!read.ok) throw new Error(read.message);
    expect(read.rows.map((r) => [r.row, r.errors])).toEqual([
      [2, []],
      [3, ["Тема: обязательна"]],
      [4, ["Часы: обязательны"]],
      [5, ["Часы: ожидается число"]],
      [6, ["Часы: кратно 0,5 (например 1 или 1,5)"]],
      [7, []],
    ]);
    expect(read.rows[0].data?.kesCodes).toBe("1.1");
    expect(read.rows[5].data?.hours).toBe(0.5);
  });

  it("refuses a file that is not XLSX, an empty file and a sheet without the header", async () => {
    expect(await xlsxToTopics(Buffer.from("это не Excel"))).toEqual({
      ok: false,
      message: "Не удалось прочитать файл: нужен файл Excel (.xlsx)",
    });
    expect(await xlsxToTopics(Buffer.alloc(0))).toEqual({ ok: false, message: "Файл пуст" });
    const noHeader = await xlsxToTopics(await sheet([[1, "Тема", 1]], ["Номер", "Название"]));
    expect(noHeader.ok).toBe(false);
    expect(await xlsxToTopics(await sheet([]))).toEqual({ ok: false, message: "В файле нет ни одной темы" });
  });
});
