// REG-3 against PostgreSQL: a ВПР file of 30 rows with 3 bad ones — preview lists every row with its
// errors and writes nothing; «Импортировать» writes the 27 valid rows; the comparison with the year
// marks equals the figures computed by hand below; only results.import may import.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { importResultsAction } from "@/lib/external/actions";
import { loadExternalResults } from "@/lib/external/loaders";
import { signInAs, signOut } from "../support/session-harness";
import { addFinal, createJournalFixture, currentUser, type JournalFixture } from "./journal-fixture";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

let f: JournalFixture;

beforeAll(async () => {
  f = await createJournalFixture({ students: 30 });
  // Year marks of the first twelve students in algebra: 4.
  for (const studentId of f.students.slice(0, 12)) await addFinal(f, studentId, "YEAR");
}, 120_000);

afterEach(() => signOut());

/** Student i (0…26) is valid: tasks i%2, i%3, 2 or 0; mark 5, 4, 3 by nines. Rows 27–29 are bad. */
function vprFile(): File {
  const lines = ["Фамилия;Имя;Отчество;Класс;Предмет;Форма;Первичный балл;Отметка;З1 (1);З2 (2);З3 (2)"];
  for (let i = 0; i < 30; i++) {
    const tasks = [i % 2, i % 3, i < 9 ? 2 : 0];
    const primary = tasks.reduce((a, b) => a + b, 0);
    const mark = i < 9 ? 5 : i < 18 ? 4 : 3;
    const name = `Ученик${String(i).padStart(3, "0")}`;
    if (i === 27) lines.push(`${name};Иван;;7А;Алгебра;ВПР;${primary};7;${tasks.join(";")}`);
    else if (i === 28) lines.push(`${name};Иван;;9Я;Алгебра;ВПР;${primary};${mark};${tasks.join(";")}`);
    else if (i === 29) lines.push(`${name};Иван;;7А;Алгебра;ВПР;${primary + 1};${mark};${tasks.join(";")}`);
    else lines.push(`${name};Иван;;7а;алгебра;ВПР;${primary};${mark};${tasks.join(";")}`);
  }
  return new File([lines.join("\r\n")], "впр-алгебра.csv", { type: "text/csv" });
}

const form = (intent: "preview" | "confirm") => {
  const data = new FormData();
  data.set("file", vprFile());
  data.set("intent", intent);
  return data;
};

describe("import of ВПР results (REG-3)", () => {
  it("previews 30 rows with 3 errors and writes nothing, then imports the 27 valid ones", async () => {
    await signInAs(f.organisationId, f.users.deputy);
    const preview = await importResultsAction(null, form("preview"));
    if (!preview.ok || preview.data.stage !== "preview") throw new Error(JSON.stringify(preview));
    expect(preview.data).toMatchObject({ valid: 27, invalid: 3 });
    expect(preview.data.rows.filter((r) => r.errors.length).map((r) => [r.line, r.errors])).toEqual([
      [29, ["Отметка — от 2 до 5"]],
      [30, ["Класс «9Я» не найден в текущем учебном году"]],
      [31, ["Первичный балл не равен сумме баллов за задания"]],
    ]);
    expect(await db.externalResult.count({ where: { organisationId: f.organisationId } })).toBe(0);

    const done = await importResultsAction(null, form("confirm"));
    expect(done).toMatchObject({ ok: true, data: { stage: "done", count: 27 } });
    expect(await db.externalResult.count({ where: { organisationId: f.organisationId } })).toBe(27);
    // The same file again replaces, never doubles.
    await importResultsAction(null, form("confirm"));
    expect(await db.externalResult.count({ where: { organisationId: f.organisationId } })).toBe(27);
  });

  it("compares with the year marks as computed by hand", async () => {
    const page = await loadExternalResults(currentUser(f, f.users.deputy, ["DEPUTY"]), {});
    expect(page.comparison?.set).toMatchObject({ exam: "VPR", subjectId: f.subjectId, count: 27 });
    const [cls, total] = page.comparison!.rows;
    // 12 have a year mark (4): students 0–8 wrote 5 (higher), 9–11 wrote 4 (the same).
    expect(cls).toMatchObject({ classId: f.classId, results: 27, compared: 12, lower: 0, same: 3, higher: 9 });
    expect(cls.differing).toBeCloseTo(9 / 12, 10);
    expect(cls.examAverage).toBeCloseTo(57 / 12, 10);
    expect(cls.yearAverage).toBe(4);
    // Task 1: 13 of 27 points; task 2: 27 of 54; task 3: 18 of 54.
    expect(cls.taskSuccess.map((x) => Math.round(x * 1e6) / 1e6)).toEqual([
      Math.round((13 / 27) * 1e6) / 1e6,
      0.5,
      Math.round((1 / 3) * 1e6) / 1e6,
    ]);
    expect(total).toMatchObject({ ...cls, classId: null });
  });

  it("refuses a teacher (no results.import) and writes nothing; a bad file gets a Russian message", async () => {
    const before = await db.externalResult.count({ where: { organisationId: f.organisationId } });
    await signInAs(f.organisationId, f.users.teacher);
    expect(await importResultsAction(null, form("confirm"))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await signInAs(f.organisationId, f.users.deputy);
    const bad = new FormData();
    bad.set("file", new File(["Фамилия;Имя\nА;Б"], "x.csv"));
    const refused = await importResultsAction(null, bad);
    expect(refused).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    if (!refused.ok) expect(refused.message).toMatch(/^В первой строке нет столбцов: «Класс»/);
    expect(await db.externalResult.count({ where: { organisationId: f.organisationId } })).toBe(before);
  });
});
