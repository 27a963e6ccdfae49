// Absences by the class teacher (DUT-3) and parents' notices (DUT-4) against PostgreSQL: one absence
// over three days sets the reason on a taken «Н», marks a lesson whose register was not taken yet
// absent, leaves a subject teacher's «present» untouched; editing and withdrawing it undo exactly
// what it did; it obeys the journal's one lock decision (a closed period, the edit window) and
// writes nothing when refused; days ahead are applied by the daily job when they come. A parent
// files a notice for their own child only (another family's child: FORBIDDEN, nothing written);
// the class teacher accepts it (→ an absence) or declines it with a reason.
// The clock: NOW = 20.11.2026 12:00 in Samara (journal-fixture).
import { createECDH, randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { saveCell } from "@/lib/journal/commands";
import {
  applyAbsencesOfDay,
  decideNotice,
  fileNotice,
  recordAbsence,
  updateAbsence,
  withdrawAbsence,
} from "@/lib/absences/commands";
import { fileNoticeAction, recordAbsenceAction } from "@/lib/absences/actions";
import { loadGridPage } from "@/lib/journal/loaders";
import { saveSubscription } from "@/lib/push/mutations";
import { runJobStep } from "@/lib/reports/jobs/worker";
import { changedTables, dbDigest } from "../support/db-digest";
import { signInAs } from "../support/session-harness";
import { sessionUser } from "../support/session-user";
import { addParentLogin } from "../support/push-fixture";
import { lastAudit } from "../support/audit";
import { closeQ2, createJournalFixture, day, NOW, type JournalFixture } from "./journal-fixture";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

process.env.FILES_DIR = mkdtempSync(path.join(tmpdir(), "ej-absences-"));
process.env.VAPID_FILE = path.join(mkdtempSync(path.join(tmpdir(), "ej-vapid-")), "vapid.json");

// A push service on localhost: counts the deliveries per device path.
let pushServer: Server;
let pushOrigin = "";
const arrivals = new Map<string, () => void>();

async function subscribe(userId: number, device: string) {
  const keys = createECDH("prime256v1");
  keys.generateKeys();
  await saveSubscription(f.organisationId, userId, {
    endpoint: `${pushOrigin}${device}`,
    p256dh: keys.getPublicKey().toString("base64url"),
    auth: randomBytes(16).toString("base64url"),
    kinds: ["absence"],
  });
  return new Promise<void>((resolve) => arrivals.set(device, resolve));
}

let f: JournalFixture;
let parentA: number;
let parentB: number;
const SAMARA = "Europe/Samara";

const actor = (userId: number) => ({ organisationId: f.organisationId, id: userId, timeZone: SAMARA });

/** The expected absences of a student in the subject teacher's grid (DUT-4: the attendance column). */
async function expectedInGrid(studentId: number, from: string) {
  const user = sessionUser(f.users.teacher, f.organisationId, {
    login: "teacher",
    fullName: "Соколова",
    shortName: "Соколова",
    roles: ["TEACHER"],
    timeZone: SAMARA,
  });
  const grid = await loadGridPage(user, { classId: f.classId, subjectId: f.subjectId, periodId: f.q2 }, NOW);
  if (grid.kind !== "grid") throw new Error(`grid: ${grid.kind}`);
  return grid.view.expected.filter((e) => e.studentId === studentId && e.from >= from);
}

async function cell(lessonIso: string, studentId: number) {
  const row = await db.attendance.findUnique({
    where: {
      organisationId_lessonId_studentId: {
        organisationId: f.organisationId,
        lessonId: f.lesson(lessonIso),
        studentId,
      },
    },
    select: { code: true },
  });
  return row?.code ?? null;
}

const mkParent = (login: string, childId: number) =>
  addParentLogin(f.organisationId, childId, { login, lastName: "Родитель", firstName: login });

const doc = {
  reason: "B" as const,
  documentKind: "справка медицинской организации" as const,
  documentNumber: "12",
  documentDate: day("2026-11-20"),
};

/** The class teacher (or `userId`) records an absence by `doc` over the days `from`–`to` (DUT-3). */
const recordFor = (studentId: number, from: string, to: string, userId = f.users.classTeacher) =>
  recordAbsence(actor(userId), { studentId, dateFrom: day(from), dateTo: day(to), ...doc }, null, NOW);

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  pushServer = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(201).end();
      arrivals.get(req.url ?? "")?.();
    });
  });
  await new Promise<void>((resolve) => pushServer.listen(0, "127.0.0.1", resolve));
  const address = pushServer.address();
  pushOrigin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  f = await createJournalFixture({ students: 4 });
  parentA = await mkParent("parentA", f.students[0]);
  parentB = await mkParent("parentB", f.students[1]);
});

afterAll(async () => {
  vi.useRealTimers();
  await new Promise((resolve) => pushServer.close(resolve));
});

describe("an absence by the class teacher over three days (DUT-3)", () => {
  let absenceId: number;
  const s = () => f.students[0];

  it("sets the reason on a taken «Н», marks the untaken lesson absent, leaves «present» untouched", async () => {
    const teacher = f.actor(f.users.teacher);
    // 17.11: the teacher marked «н»; 18.11: the register was not taken; 19.11: «все присутствуют».
    const marked = await saveCell(
      teacher,
      { kind: "attendance", lessonId: f.lesson("2026-11-17"), studentId: s(), input: "н", version: 0 },
      NOW,
    );
    expect(marked.body.ok).toBe(true);
    const taken = await saveCell(teacher, { kind: "allPresent", lessonId: f.lesson("2026-11-19") }, NOW);
    expect(taken.body.ok).toBe(true);

    const r = await recordFor(s(), "2026-11-17", "2026-11-19");
    expect(r).toMatchObject({ ok: true, data: { changed: 2 } });
    absenceId = r.ok ? r.data.id : 0;
    // Audited (AUTH-5): who, which absence of which student, its days, reason and lessons changed.
    expect(await lastAudit(f.organisationId, "absence.record")).toMatchObject({
      userId: f.users.classTeacher,
      entity: "Absence",
      entityId: String(absenceId),
      details: { absenceId, studentId: s(), from: "2026-11-17", to: "2026-11-19", reason: "B", lessons: 2 },
    });
    expect(await cell("2026-11-17", s())).toBe("B");
    expect(await cell("2026-11-18", s())).toBe("B");
    expect(await cell("2026-11-19", s())).toBeNull();
    // Other students and days are not touched.
    expect(await cell("2026-11-18", f.students[1])).toBeNull();
    expect(await cell("2026-11-16", s())).toBeNull();
    // The history names the document (JRN-7).
    const history = await db.journalChange.findMany({
      where: { organisationId: f.organisationId, studentId: s(), entity: "ATTENDANCE" },
      orderBy: { id: "asc" },
      select: { reason: true, lessonId: true },
    });
    expect(history.at(-1)?.reason).toBe(
      "Отсутствие по документу: справка медицинской организации № 12 от 20.11.2026 (Б)",
    );
  });

  it("the subject teacher's grid shows the reason; typing «н» again keeps it (JRN-4)", async () => {
    const again = await saveCell(
      f.actor(f.users.teacher),
      { kind: "attendance", lessonId: f.lesson("2026-11-18"), studentId: s(), input: "н", version: 1 },
      NOW,
    );
    expect(again.body.ok).toBe(true);
    expect(await cell("2026-11-18", s())).toBe("B");
  });

  it("editing the dates and the reason updates the lessons: a day dropped goes back to «not taken»", async () => {
    const r = await updateAbsence(
      actor(f.users.classTeacher),
      { absenceId, dateFrom: day("2026-11-17"), dateTo: day("2026-11-17"), ...doc, reason: "UP" },
      null,
      NOW,
    );
    expect(r.ok).toBe(true);
    expect(await lastAudit(f.organisationId, "absence.update")).toMatchObject({
      userId: f.users.classTeacher,
      entity: "Absence",
      entityId: String(absenceId),
      details: {
        absenceId,
        studentId: s(),
        from: "2026-11-17",
        to: "2026-11-17",
        reason: "UP",
        lessons: r.ok && r.data.changed,
      },
    });
    expect(await cell("2026-11-17", s())).toBe("UP");
    // 18.11: the teacher's «н» on the absence's cell changed nothing, so the register still counts as
    // not taken: the absence's row goes, the lesson is «not taken» again.
    expect(await cell("2026-11-18", s())).toBeNull();
    expect(await cell("2026-11-19", s())).toBeNull();
  });

  it("withdrawing gives every cell back what it held before", async () => {
    const r = await withdrawAbsence(actor(f.users.classTeacher), absenceId, NOW);
    expect(r.ok).toBe(true);
    const audit = await lastAudit(f.organisationId, "absence.withdraw");
    expect(audit).toMatchObject({
      userId: f.users.classTeacher,
      entity: "Absence",
      entityId: String(absenceId),
      details: { absenceId, studentId: s(), lessons: r.ok && r.data.changed },
    });
    expect(audit.details).not.toHaveProperty("from");
    expect(await cell("2026-11-17", s())).toBe("N");
    const rows = await db.absenceLesson.count({ where: { organisationId: f.organisationId, absenceId } });
    expect(rows).toBe(0);
    const again = await withdrawAbsence(actor(f.users.classTeacher), absenceId, NOW);
    expect(again).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("a lesson not taken goes back to nothing when the absence is withdrawn", async () => {
    const student = f.students[2];
    const r = await recordFor(student, "2026-11-16", "2026-11-16");
    expect(r.ok).toBe(true);
    expect(await cell("2026-11-16", student)).toBe("B");
    await withdrawAbsence(actor(f.users.classTeacher), r.ok ? r.data.id : 0, NOW);
    expect(await cell("2026-11-16", student)).toBeNull();
  });

  it("refuses overlapping absences of one student", async () => {
    const first = await recordFor(f.students[3], "2026-11-13", "2026-11-13");
    expect(first.ok).toBe(true);
    const second = await recordFor(f.students[3], "2026-11-13", "2026-11-16");
    expect(second).toMatchObject({ ok: false, code: "CONFLICT" });
  });
});

describe("the lock decision holds absences (DUT-3, JRN-6, REC-1)", () => {
  it("refuses a range reaching past the edit window, writing nothing", async () => {
    const before = await dbDigest();
    const r = await recordFor(f.students[1], "2026-11-09", "2026-11-10");
    expect(r).toMatchObject({ ok: false, code: "LOCKED" });
    expect(r.ok ? "" : r.message).toContain("прошло больше 7 дней");
    expect(changedTables(before, await dbDigest())).toEqual([]);
  });

  it("refuses in a closed period, writing nothing", async () => {
    const g = await createJournalFixture({ students: 2 });
    await closeQ2(g);
    const before = await dbDigest();
    const r = await recordAbsence(
      { organisationId: g.organisationId, id: g.users.classTeacher, timeZone: SAMARA },
      { studentId: g.students[0], dateFrom: day("2026-11-17"), dateTo: day("2026-11-19"), ...doc },
      null,
      NOW,
    );
    expect(r).toMatchObject({ ok: false, code: "LOCKED" });
    expect(r.ok ? "" : r.message).toContain("Период закрыт 19.11.2026 (приказ № 112 от 19.11.2026): 2 четверть");
    expect(changedTables(before, await dbDigest())).toEqual([]);
  });

  it("is refused to a teacher who is not the class teacher", async () => {
    const r = await recordFor(f.students[1], "2026-11-19", "2026-11-19", f.users.other);
    expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});

describe("days ahead (DUT-3, DUT-4)", () => {
  it("are applied by the daily job when they come, once", async () => {
    const student = f.students[1];
    const r = await recordFor(student, "2026-11-20", "2026-11-24");
    // Today's lesson (20.11) now; 23.11 and 24.11 not yet.
    expect(r).toMatchObject({ ok: true, data: { changed: 1 } });
    expect(await cell("2026-11-23", student)).toBeNull();
    const monday = new Date("2026-11-23T04:00:00.000Z"); // 08:00 in Samara
    const id = r.ok ? r.data.id : 0;
    expect(await applyAbsencesOfDay(f.organisationId, [id], day("2026-11-23"), monday)).toBe(1);
    expect(await cell("2026-11-23", student)).toBe("B");
    expect(await cell("2026-11-24", student)).toBeNull();
    expect(await applyAbsencesOfDay(f.organisationId, [id], day("2026-11-23"), monday)).toBe(0);
  });
});

describe("a parent's notice (DUT-4)", () => {
  it("a parent cannot file for another family's child: FORBIDDEN, nothing written", async () => {
    await signInAs(f.organisationId, parentA);
    const before = await dbDigest();
    const data = new FormData();
    for (const [k, v] of Object.entries({
      studentId: String(f.students[1]),
      dateFrom: "2026-11-23",
      dateTo: "2026-11-24",
      reason: "B",
    }))
      data.set(k, v);
    const r = await fileNoticeAction(null, data);
    expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(changedTables(before, await dbDigest())).toEqual([]);
  });

  it("a subject teacher cannot record an absence through the action", async () => {
    await signInAs(f.organisationId, f.users.other);
    const data = new FormData();
    for (const [k, v] of Object.entries({
      studentId: String(f.students[0]),
      dateFrom: "2026-11-19",
      dateTo: "2026-11-19",
      reason: "B",
      documentKind: "приказ",
    }))
      data.set(k, v);
    expect(await recordAbsenceAction(null, data)).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("is filed with a photo, accepted by the class teacher and becomes an absence", async () => {
    // The class teacher's phone gets the notice, the parent's phone the answer.
    const toClassTeacher = subscribe(f.users.classTeacher, "/push/class-teacher");
    const toParent = subscribe(parentB, "/push/parent-b");
    const photo = { name: "записка.jpg", type: "image/jpeg", bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) };
    const filed = await fileNotice(
      { organisationId: f.organisationId, id: parentB, timeZone: SAMARA },
      { studentId: f.students[1], dateFrom: day("2026-11-25"), dateTo: day("2026-11-26"), reason: "UP" },
      photo,
      NOW,
    );
    expect(filed.ok).toBe(true);
    const noticeId = filed.ok ? filed.data.id : 0;
    // The subject teacher's grid shows the expected absence while it waits for the class teacher.
    expect(await expectedInGrid(f.students[1], "2026-11-25")).toEqual([
      expect.objectContaining({ from: "2026-11-25", to: "2026-11-26", code: "UP", pending: true }),
    ]);
    const other = await decideNotice(actor(f.users.other), { decision: "accept", noticeId, reason: "UP" }, NOW);
    expect(other).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const accepted = await decideNotice(
      actor(f.users.classTeacher),
      { decision: "accept", noticeId, reason: "UP" },
      NOW,
    );
    expect(accepted.ok).toBe(true);
    // The pushes are push jobs (lib/push/jobs.ts): the report worker's loop delivers them.
    while ((await runJobStep()) !== null);
    await Promise.all([toClassTeacher, toParent]);
    const notice = await db.absenceNotice.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: f.organisationId, id: noticeId } },
      select: { status: true, absenceId: true, fileKey: true },
    });
    expect(notice.status).toBe("ACCEPTED");
    // The acceptance is audited on the notice (AUTH-5), naming the absence it became.
    expect(await lastAudit(f.organisationId, "absence.notice.accept")).toMatchObject({
      userId: f.users.classTeacher,
      entity: "AbsenceNotice",
      entityId: String(noticeId),
      details: {
        absenceId: notice.absenceId,
        studentId: f.students[1],
        from: "2026-11-25",
        to: "2026-11-26",
        reason: "UP",
      },
    });
    const absence = await db.absence.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: f.organisationId, id: notice.absenceId! } },
      select: { reason: true, documentKind: true, fileKey: true, dateFrom: true },
    });
    expect(absence).toMatchObject({
      reason: "UP",
      documentKind: "заявление (записка) родителя",
      fileKey: notice.fileKey,
    });
    const twice = await decideNotice(
      actor(f.users.classTeacher),
      { decision: "decline", noticeId, declineReason: "Поздно" },
      NOW,
    );
    expect(twice).toMatchObject({ ok: false, code: "CONFLICT" });
    // Accepted: the grid shows the class teacher's absence (days ahead, not in the register yet).
    expect(await expectedInGrid(f.students[1], "2026-11-25")).toEqual([
      expect.objectContaining({ from: "2026-11-25", to: "2026-11-26", code: "UP", pending: false }),
    ]);
  });

  it("is declined with a reason the parent sees", async () => {
    const filed = await fileNotice(
      { organisationId: f.organisationId, id: parentA, timeZone: SAMARA },
      { studentId: f.students[0], dateFrom: day("2026-11-27"), dateTo: day("2026-11-27"), reason: "B" },
      null,
      NOW,
    );
    const noticeId = filed.ok ? filed.data.id : 0;
    const declined = await decideNotice(
      actor(f.users.classTeacher),
      { decision: "decline", noticeId, declineReason: "Нужна справка от врача" },
      NOW,
    );
    expect(declined.ok).toBe(true);
    const n = await db.absenceNotice.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: f.organisationId, id: noticeId } },
      select: { status: true, declineReason: true, absenceId: true },
    });
    expect(n).toEqual({ status: "DECLINED", declineReason: "Нужна справка от врача", absenceId: null });
    expect(await lastAudit(f.organisationId, "absence.notice.decline")).toMatchObject({
      userId: f.users.classTeacher,
      entity: "AbsenceNotice",
      entityId: String(noticeId),
    });
  });

  it("refuses dates too far back or ahead", async () => {
    const r = await fileNotice(
      { organisationId: f.organisationId, id: parentA, timeZone: SAMARA },
      { studentId: f.students[0], dateFrom: day("2026-10-01"), dateTo: day("2026-10-02"), reason: "B" },
      null,
      NOW,
    );
    expect(r).toMatchObject({ ok: false, code: "INVALID_INPUT" });
  });
});
