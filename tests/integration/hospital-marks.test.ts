// Hospital marks (REC-6, seed 001 §5.6) against PostgreSQL through the real server actions: the
// class teacher records a certificate and transfers its marks onto any subject's lessons of the
// stay — past the 7-day window, with the certificate in each mark's history, audited; the subject
// teacher sees them as hospital marks in the grid; a closed period refuses them and nothing is
// written; another class's teacher, a subject teacher and wrong input are refused.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createCertificateAction, saveHospitalMarksAction } from "@/lib/journal/hospital/actions";
import { changesOf } from "@/lib/journal/data";
import { loadGridPage } from "@/lib/journal/loaders";
import { markEntityKey } from "@/lib/journal/mutations";
import { changedTables, dbDigest } from "../support/db-digest";
import { keyedCells } from "../support/grid-cells";
import { interruptOf, signInAs } from "../support/session-harness";
import { closeQ2, createJournalFixture, day, NOW, type JournalFixture, formData, currentUser } from "./journal-fixture";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

let f: JournalFixture;
let physics: number;
let certificateId: number;

async function createCertificate(userId: number, fields: Record<string, string | number>) {
  await signInAs(f.organisationId, userId);
  try {
    return { result: await createCertificateAction(null, formData(fields)), redirect: null };
  } catch (e) {
    const i = interruptOf(e);
    if (i?.kind !== "redirect") throw e;
    return { result: null, redirect: i.to };
  }
}

const certificateFields = () => ({
  studentId: f.students[0],
  number: "47",
  issuedOn: "2026-11-19",
  stayFrom: "2026-11-05",
  stayTo: "2026-11-13",
  institution: "Больничная школа при ОДКБ",
});

async function save(userId: number, marks: Record<number, string>) {
  await signInAs(f.organisationId, userId);
  const data = formData({ certificateId });
  for (const [lessonId, value] of Object.entries(marks)) data.set(`m:${lessonId}`, value);
  return saveHospitalMarksAction(null, data);
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  f = await createJournalFixture({ students: 3 });
  const organisationId = f.organisationId;
  const s = await db.subject.create({ data: { organisationId, name: "Физика", shortName: "Физ" } });
  physics = s.id;
  // Physics on 06.11 and 12.11, taught by «other» — a subject the class teacher does not teach.
  for (const iso of ["2026-11-06", "2026-11-12"])
    await db.lesson.create({
      data: {
        organisationId,
        classId: f.classId,
        subjectId: physics,
        teacherId: f.users.other,
        date: day(iso),
        bellNumber: 4,
      },
    });
});

afterAll(() => {
  vi.useRealTimers();
});

const lessonOf = (subjectId: number, iso: string) =>
  db.lesson.findFirstOrThrow({
    where: { organisationId: f.organisationId, classId: f.classId, subjectId, date: day(iso) },
    select: { id: true },
  });

describe("hospital marks (REC-6)", () => {
  it("only the class teacher (or DEPUTY / ADMIN) records a certificate; bad dates are refused", async () => {
    const before = await dbDigest();
    expect((await createCertificate(f.users.teacher, certificateFields())).result).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect((await createCertificate(f.users.other, certificateFields())).result).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(
      (await createCertificate(f.users.classTeacher, { ...certificateFields(), stayTo: "2026-11-01" })).result,
    ).toMatchObject({ ok: false, code: "INVALID_INPUT", message: "Начало пребывания позже окончания" });
    expect(changedTables(before, await dbDigest())).toEqual([]);
    const created = await createCertificate(f.users.classTeacher, certificateFields());
    expect(created.redirect).toMatch(/^\/journal\/hospital\?certificateId=\d+$/);
    certificateId = Number(created.redirect!.split("=")[1]);
    expect(
      await db.auditEvent.count({ where: { organisationId: f.organisationId, action: "hospital.certificate" } }),
    ).toBe(1);
  });

  it("transfers marks onto any subject's lessons of the stay, past the 7-day window, with the certificate in the history", async () => {
    const algebra = await lessonOf(f.subjectId, "2026-11-06"); // 14 days ago: the window is long closed
    const phys = await lessonOf(physics, "2026-11-12");
    const r = await save(f.users.classTeacher, { [algebra.id]: "5", [phys.id]: "4б" });
    expect(r).toEqual({ ok: true, data: { message: "Сохранено отметок: 2", lines: [] } });
    const marks = await db.mark.findMany({
      where: { organisationId: f.organisationId, studentId: f.students[0], certificateId },
      orderBy: { lessonId: "asc" },
      select: { lessonId: true, value: true, isHospital: true, assignmentId: true },
    });
    expect(marks.map((m) => [m.lessonId, m.value, m.isHospital])).toEqual([
      [algebra.id, 5, true],
      [phys.id, 4, true],
    ]);
    const history = await changesOf(f.organisationId, [markEntityKey(marks[0].assignmentId, f.students[0])]);
    expect(history[0]).toMatchObject({
      user: "Классная Тест",
      reason: "Справка № 47 от 19.11.2026 (больничная школа)",
    });
    expect(
      await db.auditEvent.findFirstOrThrow({ where: { organisationId: f.organisationId, action: "hospital.marks" } }),
    ).toMatchObject({ userId: f.users.classTeacher, entityId: String(certificateId) });
    // Correcting a mark of the same certificate changes it in place (a new version, history kept).
    expect(await save(f.users.classTeacher, { [algebra.id]: "4" })).toMatchObject({ ok: true });
    expect(
      await db.mark.count({ where: { organisationId: f.organisationId, studentId: f.students[0], certificateId } }),
    ).toBe(2);
  });

  it("shows them to the subject teacher as hospital marks in the grid", async () => {
    const teacher = currentUser(f, f.users.teacher, ["TEACHER"]);
    const page = await loadGridPage(teacher, { classId: f.classId, subjectId: f.subjectId, periodId: f.q2 }, NOW);
    expect(page.kind).toBe("grid");
    if (page.kind !== "grid") return;
    const hospital = Object.entries(keyedCells(page.view.marks)).filter(([, m]) => m.isHospital);
    expect(hospital.map(([key, m]) => [key.split(":")[1], m.value])).toEqual([[String(f.students[0]), 4]]);
  });

  it("refuses lessons outside the stay, non-marks and a subject teacher — nothing written", async () => {
    const outside = await lessonOf(f.subjectId, "2026-11-16");
    const inside = await lessonOf(f.subjectId, "2026-11-09");
    const before = await dbDigest();
    expect(await save(f.users.classTeacher, { [outside.id]: "5" })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      message: expect.stringContaining("вне периода пребывания"),
    });
    expect(await save(f.users.classTeacher, { [inside.id]: "д" })).toMatchObject({
      ok: false,
      message: "Отметки не сохранены: 09.11.2026, Алгебра: из справки переносятся только отметки",
    });
    expect(await save(f.users.classTeacher, { [inside.id]: "7" })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await save(f.users.teacher, { [inside.id]: "5" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(changedTables(before, await dbDigest())).toEqual([]);
  });

  it("is refused once the period is closed (REC-1), for the whole batch", async () => {
    await closeQ2(f);
    const a = await lessonOf(f.subjectId, "2026-11-09");
    const b = await lessonOf(physics, "2026-11-06");
    const before = await dbDigest();
    const r = await save(f.users.classTeacher, { [a.id]: "5", [b.id]: "5" });
    expect(r).toMatchObject({
      ok: false,
      code: "LOCKED",
      message:
        "Отметки не сохранены: 09.11.2026, Алгебра: Период закрыт 19.11.2026 (приказ № 112 от 19.11.2026): 2 четверть",
    });
    expect(changedTables(before, await dbDigest())).toEqual([]);
  });
});
