// PRG-2 + RPT-3: the clubs' attendance report by reason, hand-computed. «Шахматы» (leader: the
// teacher) meets on Tuesdays; sessions 20.10 (1st quarter), 10.11 and 17.11 (2nd quarter):
//   Ученик000: 20.10 Н, 10.11 УП, 17.11 Б     Ученик001: 10.11 ОП     Ученик002: 10.11 НП, 17.11 ОТ, then leaves.
// 2nd quarter: 2 sessions — 000: missed 2 (УП 1, Б 1), 0,0 %; 001: missed 0, late 1, 100,0 %;
// 002 (former, kept through his last cell 17.11): 2 sessions, missed 2 (НП 1, Н/ОТ 1), 0,0 %;
// totals 6 sessions, missed 4 (УП 1, НП 1, Б 1, Н/ОТ 1), late 1, 33,3 %.
// 01.10–12.11: 2 sessions — 000: missed 2 (УП 1, Н/ОТ 1); 001: late 1; 002: missed 1 (НП), 50,0 %.
// Also: a former member's marks survive the leader re-saving a past session (the fix of PRG-2's journal).
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import {
  addClubMemberAction,
  removeClubMemberAction,
  saveClubAction,
  saveClubSessionAction,
  saveClubSlotAction,
} from "@/lib/clubs/actions";
import { GET as reportRoute } from "@/app/api/clubs/report/route";
import { addBells, createJournalFixture, formData, NOW, type JournalFixture } from "./journal-fixture";
import { signedInAs, signInAs, signOut } from "../support/session-harness";
import { lastAudit } from "../support/audit";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

let f: JournalFixture;
let chess = 0;
let choir = 0;
let q1 = 0;

const as = <T>(userId: number, call: () => Promise<T>) => signedInAs(f.organisationId, userId, call);

const get = (query: string) => reportRoute(new Request(`http://x/api/clubs/report?${query}`));

/** The XLSX's rows as arrays of cell values (1-based columns dropped). */
async function sheetRows(res: Response): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const rowOf = (rows: unknown[][], first: string) => rows.find((r) => r.some((c) => c === first)) ?? null;

async function session(date: string, cells: Record<number, string>, topic = "Дебюты") {
  const form: Record<string, string | number> = { clubId: chess, date, topic };
  for (const [id, code] of Object.entries(cells)) form[`a:${id}`] = code;
  return as(f.users.teacher, () => saveClubSessionAction(null, formData(form)));
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  f = await createJournalFixture();
  await addBells(f);
  q1 = (await db.period.findFirstOrThrow({ where: { organisationId: f.organisationId, number: 1 } })).id;
  await signInAs(f.organisationId, f.users.deputy);
  for (const [name, leaderId] of [
    ["Шахматы", f.users.teacher],
    ["Хор", f.users.classTeacher],
  ] as const)
    expect(await saveClubAction(null, formData({ name, leaderId }))).toMatchObject({ ok: true });
  chess = (await db.club.findFirstOrThrow({ where: { organisationId: f.organisationId, name: "Шахматы" } })).id;
  choir = (await db.club.findFirstOrThrow({ where: { organisationId: f.organisationId, name: "Хор" } })).id;
  expect(
    await saveClubSlotAction(null, formData({ clubId: chess, weekday: 2, start: "18:00", end: "18:45" })),
  ).toMatchObject({ ok: true });
  expect(
    await saveClubSlotAction(null, formData({ clubId: choir, weekday: 4, start: "18:00", end: "18:45" })),
  ).toMatchObject({ ok: true });
  for (const studentId of f.students.slice(0, 3))
    expect(await addClubMemberAction(null, formData({ clubId: chess, studentId }))).toMatchObject({ ok: true });
  expect(await addClubMemberAction(null, formData({ clubId: choir, studentId: f.students[3]! }))).toMatchObject({
    ok: true,
  });
  const [s0, s1, s2] = f.students;
  expect(await session("2026-10-20", { [s0!]: "N" })).toMatchObject({ ok: true });
  expect(await session("2026-11-10", { [s0!]: "UP", [s1!]: "OP", [s2!]: "NP" })).toMatchObject({ ok: true });
  expect(await session("2026-11-17", { [s0!]: "B", [s2!]: "OT" })).toMatchObject({ ok: true });
}, 90_000);

afterAll(async () => {
  vi.useRealTimers();
  await db.$disconnect();
});

describe("a member who left keeps their attendance (PRG-2)", () => {
  it("the leader re-saves a past session after Ученик002 left: his ОТ stays, the members' cells are rewritten", async () => {
    expect(
      await as(f.users.deputy, () =>
        removeClubMemberAction(null, formData({ clubId: chess, studentId: f.students[2]! })),
      ),
    ).toMatchObject({ ok: true });
    // Audited (AUTH-5): who took which student out of which club.
    expect(await lastAudit(f.organisationId, "club.member_remove")).toMatchObject({
      userId: f.users.deputy,
      entity: "Club",
      entityId: String(chess),
      details: { studentId: f.students[2] },
    });
    // The journal now posts only the current members: Ученик000 still Б, Ученик001 present.
    expect(await session("2026-11-17", { [f.students[0]!]: "B" }, "Миттельшпиль")).toMatchObject({ ok: true });
    const s = await db.clubSession.findFirstOrThrow({
      where: { organisationId: f.organisationId, clubId: chess, date: new Date("2026-11-17T00:00:00Z") },
      include: { attendance: { orderBy: { studentId: "asc" } } },
    });
    expect(s.topic).toBe("Миттельшпиль");
    expect(s.attendance.map((a) => [a.studentId, a.code])).toEqual([
      [f.students[0], "B"],
      [f.students[2], "OT"],
    ]);
  });
});

describe("the clubs' attendance report by reason (PRG-2, RPT-3)", () => {
  it("one club for the 2nd quarter: per member sessions, absences by reason, late, share; the totals row", async () => {
    const q2 = f.q2;
    const res = await as(f.users.teacher, () => get(`clubId=${chess}&periodId=${q2}&format=xlsx`));
    expect(res.status).toBe(200);
    expect(decodeURIComponent(res.headers.get("content-disposition")!)).toContain(
      "Посещаемость объединений Шахматы 2 четверть",
    );
    const rows = await sheetRows(res);
    // Ученик, класс, занятий, всего, УП, НП, Б, Н/ОТ, ОП, посещено %.
    expect(rowOf(rows, "Ученик000 Иван")).toEqual(["Ученик000 Иван", "7А", 2, 2, 1, 0, 1, 0, 0, 0]);
    expect(rowOf(rows, "Ученик001 Иван")).toEqual(["Ученик001 Иван", "7А", 2, 0, 0, 0, 0, 0, 1, 100]);
    expect(rowOf(rows, "Ученик002 Иван (выбыл из объединения)")).toEqual([
      "Ученик002 Иван (выбыл из объединения)",
      "7А",
      2,
      2,
      0,
      1,
      0,
      1,
      0,
      0,
    ]);
    expect(rowOf(rows, "Итого")).toEqual(["Итого", "", 6, 4, 1, 1, 1, 1, 1, 33.3]);
    // The choir's member is not in the chess report.
    expect(rowOf(rows, "Ученик003 Иван")).toBeNull();
  });

  it("a date range counts the sessions inside it (20.10 and 10.11); the PDF is a PDF", async () => {
    const rows = await sheetRows(
      await as(f.users.teacher, () => get(`clubId=${chess}&from=2026-10-01&to=2026-11-12&format=xlsx`)),
    );
    expect(rowOf(rows, "Ученик000 Иван")).toEqual(["Ученик000 Иван", "7А", 2, 2, 1, 0, 0, 1, 0, 0]);
    expect(rowOf(rows, "Ученик001 Иван")).toEqual(["Ученик001 Иван", "7А", 2, 0, 0, 0, 0, 0, 1, 100]);
    expect(rowOf(rows, "Ученик002 Иван (выбыл из объединения)")?.slice(2)).toEqual([2, 1, 0, 1, 0, 0, 0, 50]);
    // The 1st quarter holds only 20.10.
    const first = await sheetRows(await get(`clubId=${chess}&periodId=${q1}&format=xlsx`));
    expect(rowOf(first, "Итого")).toEqual(["Итого", "", 2, 1, 0, 0, 0, 1, 0, 50]);
    const pdf = await get(`clubId=${chess}&periodId=${f.q2}&format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });

  it("every club for the deputy (a subtotal per club); a leader's «all» is their own clubs only", async () => {
    const all = await sheetRows(await as(f.users.deputy, () => get(`periodId=${f.q2}&format=xlsx`)));
    expect(rowOf(all, "Итого по «Шахматы»")?.slice(3)).toEqual([6, 4, 1, 1, 1, 1, 1, 33.3]);
    expect(rowOf(all, "Итого по «Хор»")?.slice(3)).toEqual([0, 0, 0, 0, 0, 0, 0]); // no share without sessions (an empty cell)
    expect(rowOf(all, "Ученик003 Иван")?.[0]).toBe("Хор");
    expect(rowOf(all, "Итого")?.slice(3)).toEqual([6, 4, 1, 1, 1, 1, 1, 33.3]);
    const own = await sheetRows(await as(f.users.teacher, () => get(`periodId=${f.q2}&format=xlsx`)));
    expect(rowOf(own, "Итого по «Шахматы»")).not.toBeNull();
    expect(rowOf(own, "Ученик003 Иван")).toBeNull();
  });

  it("the gate: anonymous 401, another club's leader 403, bad input 400 with a Russian message", async () => {
    signOut();
    expect((await get(`clubId=${chess}&periodId=${f.q2}&format=pdf`)).status).toBe(401);
    expect((await as(f.users.classTeacher, () => get(`clubId=${chess}&periodId=${f.q2}&format=pdf`))).status).toBe(403);
    // A teacher leading no club finds none of them.
    expect((await as(f.users.other, () => get(`periodId=${f.q2}&format=pdf`))).status).not.toBe(200);
    await signInAs(f.organisationId, f.users.deputy);
    for (const [query, message] of [
      [`clubId=${chess}&format=pdf`, "Выберите период или укажите даты «с» и «по»"],
      [`clubId=${chess}&from=2026-11-20&to=2026-11-01&format=pdf`, "Начало периода позже его конца"],
      [`clubId=${chess}&periodId=${f.q2}&format=doc`, "Формат: pdf или xlsx"],
      [`clubId=abc&periodId=${f.q2}&format=pdf`, "Объединение не найдено"],
    ]) {
      const res = await get(query!);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toContain(message);
    }
    expect((await get(`clubId=2000000000&periodId=${f.q2}&format=pdf`)).status).toBeGreaterThanOrEqual(403);
    expect((await get(`clubId=${chess}&periodId=2000000000&format=pdf`)).status).toBe(404);
  });
});
