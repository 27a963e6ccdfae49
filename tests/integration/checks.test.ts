// Journal checks (DUT-2) against PostgreSQL: the frequency per level is a setting; a check recorded
// by the deputy with a remark links the remark to the check, moves the deputy level's due date
// (the overdue list changes) and appears in RPT-11 (report=checks); the class teacher records at
// their own level only; a subject teacher and a class outside the scope are refused with nothing
// written. The clock: NOW = 20.11.2026 12:00 in Samara (journal-fixture).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { requireAccess } from "@/lib/access/guard";
import { recordCheckAction } from "@/lib/control/checks/actions";
import { loadDueChecks } from "@/lib/control/checks/loaders";
import { GET as reportRoute } from "@/app/api/control/report/route";
import { changedTables, dbDigest } from "../support/db-digest";
import { signInAs } from "../support/session-harness";
import { lastAudit } from "../support/audit";
import { xlsxText } from "../support/xlsx";
import { createJournalFixture, NOW, type JournalFixture } from "./journal-fixture";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

let f: JournalFixture;

const form = (fields: Record<string, string | number>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, String(v));
  return fd;
};

async function dueFor(userId: number) {
  await signInAs(f.organisationId, userId);
  const { user, scopes } = await requireAccess(["control.check", "control.view"]);
  return (await loadDueChecks(user, scopes, NOW)).due;
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  f = await createJournalFixture({ students: 2 });
  // The administration checks monthly here (the default is each half-year).
  await db.organisationSettings.update({
    where: { organisationId: f.organisationId },
    data: { checkEveryDeputy: "MONTH" },
  });
});

afterAll(() => {
  vi.useRealTimers();
});

describe("journal checks (DUT-2)", () => {
  it("lists the deputy's overdue checks by the frequency setting, and the class teachers' below", async () => {
    const due = await dueFor(f.users.deputy);
    const deputy7 = due.find((d) => d.level === "DEPUTY" && d.classId === f.classId)!;
    // Never checked: due one month after the year's start (01.09 → 01.10), overdue by 50 days on 20.11.
    expect(deputy7.due.toISOString().slice(0, 10)).toBe("2026-10-01");
    expect(deputy7.overdueDays).toBe(50);
    // The class teacher's weekly check of 7А is in the deputy's list too (a superior sees the levels below).
    const ct7 = due.find((d) => d.level === "CLASS_TEACHER" && d.classId === f.classId)!;
    expect(ct7.overdueDays).toBe(73);
    // 1А has no class teacher: no class teacher's check is due there.
    expect(due.some((d) => d.level === "CLASS_TEACHER" && d.classId === f.firstClassId)).toBe(false);
  });

  it("a deputy records a check with a remark: the remark is linked, the overdue list changes", async () => {
    await signInAs(f.organisationId, f.users.deputy);
    const r = await recordCheckAction(
      null,
      form({
        classId: f.classId,
        subjectId: f.subjectId,
        periodId: f.q2,
        result: "REMARKS",
        findings: "Не везде записаны темы",
        remarkTeacherId: f.users.teacher,
        remarkText: "Заполнить темы уроков за 16–18.11",
      }),
    );
    expect(r).toMatchObject({ ok: true });
    const check = await db.journalCheck.findFirstOrThrow({
      where: { organisationId: f.organisationId, classId: f.classId },
      select: { id: true, level: true, checkerId: true, checkedOn: true, result: true },
    });
    expect(check).toMatchObject({ level: "DEPUTY", checkerId: f.users.deputy, result: "REMARKS" });
    expect(check.checkedOn.toISOString().slice(0, 10)).toBe("2026-11-20");
    const remark = await db.remark.findFirstOrThrow({
      where: { organisationId: f.organisationId, checkId: check.id },
      select: { id: true, teacherId: true, text: true },
    });
    expect(remark).toEqual({
      id: expect.any(Number),
      teacherId: f.users.teacher,
      text: "Заполнить темы уроков за 16–18.11",
    });
    // The check and its remark are audited (AUTH-5), each naming the other.
    expect(await lastAudit(f.organisationId, "journal.check")).toMatchObject({
      userId: f.users.deputy,
      entity: "JournalCheck",
      entityId: String(check.id),
      details: { classId: f.classId, level: "DEPUTY", result: "REMARKS", remarkId: remark.id },
    });
    expect(await lastAudit(f.organisationId, "remark.create")).toMatchObject({
      userId: f.users.deputy,
      entity: "Remark",
      entityId: String(remark.id),
      details: { teacherId: f.users.teacher, classId: f.classId, subjectId: f.subjectId, checkId: check.id },
    });

    const due = await dueFor(f.users.deputy);
    const deputy7 = due.find((d) => d.level === "DEPUTY" && d.classId === f.classId)!;
    expect(deputy7.overdueDays).toBe(0);
    expect(deputy7.due.toISOString().slice(0, 10)).toBe("2026-12-20");
    // The class teacher's own check is still overdue: a deputy's check does not count for that level.
    expect(due.find((d) => d.level === "CLASS_TEACHER" && d.classId === f.classId)!.overdueDays).toBe(73);
  });

  it("RPT-11 (report=checks) shows the check with its remark and the overdue class teacher's check", async () => {
    await signInAs(f.organisationId, f.users.deputy);
    const res = await reportRoute(
      new Request("http://localhost/api/control/report?report=checks&format=xlsx&from=2026-11-01&to=2026-11-30"),
    );
    expect(res.status).toBe(200);
    const text = await xlsxText(res);
    expect(text).toContain("Не везде записаны темы");
    expect(text).toContain("Заполнить темы уроков за 16–18.11");
    expect(text).toContain("просрочена на 73 дн.");
  });

  it("PRN-2: the control's files are signed by the deputy director with the name, not «Отчёт сформировал»", async () => {
    await signInAs(f.organisationId, f.users.deputy);
    for (const report of ["deadline&date=2026-11-20", "fill&from=2026-11-01&to=2026-11-20"]) {
      const res = await reportRoute(new Request(`http://localhost/api/control/report?report=${report}&format=xlsx`));
      expect(res.status).toBe(200);
      const text = await xlsxText(res);
      expect(text).toMatch(/Заместитель директора[^]*Орлова Т\./);
      expect(text).not.toContain("Отчёт сформировал");
    }
  });

  it("RPT-11 (report=deadline) gives each teacher's share filled by the deadline (DUT-1)", async () => {
    await signInAs(f.organisationId, f.users.deputy);
    const res = await reportRoute(
      new Request("http://localhost/api/control/report?report=deadline&format=xlsx&date=2026-11-20"),
    );
    expect(res.status).toBe(200);
    const text = await xlsxText(res);
    expect(text).toContain("до 16:00 (время организации)");
    // Nothing is filled: 16–19.11 and the first grade's 19.11 are due this week, 12 lessons this month;
    // today's lesson is not due before 16:00.
    expect(text).toContain("Итого: день —, неделя 0 из 5 (0 %), месяц 0 из 12 (0 %).");
    expect(text).toMatch(/Соколова/);
  });

  it("the class teacher records at their own level; the deputy's level is refused with nothing written", async () => {
    await signInAs(f.organisationId, f.users.classTeacher);
    const before = await dbDigest();
    const refused = await recordCheckAction(null, form({ classId: f.classId, result: "OK", level: "DEPUTY" }));
    expect(refused).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(changedTables(before, await dbDigest())).toEqual([]);
    const r = await recordCheckAction(null, form({ classId: f.classId, result: "OK" }));
    expect(r).toMatchObject({ ok: true });
    const own = await db.journalCheck.findFirstOrThrow({
      where: { organisationId: f.organisationId, classId: f.classId, checkerId: f.users.classTeacher },
      select: { level: true },
    });
    expect(own.level).toBe("CLASS_TEACHER");
    const due = await dueFor(f.users.classTeacher);
    expect(due.find((d) => d.level === "CLASS_TEACHER" && d.classId === f.classId)!.overdueDays).toBe(0);
    // The class teacher sees their own level only, not the administration's.
    expect(due.some((d) => d.level === "DEPUTY")).toBe(false);
  });

  it("a subject teacher, and a class teacher on another class, are refused with nothing written", async () => {
    const before = await dbDigest();
    await signInAs(f.organisationId, f.users.teacher);
    expect(await recordCheckAction(null, form({ classId: f.classId, result: "OK" }))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    await signInAs(f.organisationId, f.users.classTeacher);
    expect(await recordCheckAction(null, form({ classId: f.firstClassId, result: "OK" }))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(changedTables(before, await dbDigest())).toEqual([]);
  });

  it("refuses a remark without a teacher and a class of another organisation, in Russian", async () => {
    await signInAs(f.organisationId, f.users.deputy);
    const before = await dbDigest();
    const noTeacher = await recordCheckAction(
      null,
      form({ classId: f.classId, result: "REMARKS", remarkText: "Проверить отметки" }),
    );
    expect(noTeacher).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(noTeacher.ok ? "" : noTeacher.message).toMatch(/учителя/);
    expect(changedTables(before, await dbDigest())).toEqual([]);
    const other = await createJournalFixture({ students: 1 });
    const before2 = await dbDigest();
    const foreign = await recordCheckAction(null, form({ classId: other.classId, result: "OK" }));
    expect(foreign.ok).toBe(false);
    expect(changedTables(before2, await dbDigest())).toEqual([]);
  });
});
