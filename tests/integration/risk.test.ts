// Students at risk (DUT-5) against PostgreSQL: the list comes from the diary's figures
// (periodOutlook: a forecast «2», the risk of «н/а»); «Сообщить родителям» sends each family its
// own templated message (lib/messages, which pushes it) and records a RiskNotice per student, shown
// next to them; a student not at risk, without a parent login, of another class, or a user without
// the right is refused with nothing written. The clock: NOW = 20.11.2026 12:00 in Samara.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { requireAccess } from "@/lib/access/guard";
import { notifyRiskAction } from "@/lib/risk/actions";
import { loadRiskPage } from "@/lib/risk/loaders";
import { RISK_TEMPLATE } from "@/lib/risk/rules";
import { changedTables, dbDigest } from "../support/db-digest";
import { signInAs } from "../support/session-harness";
import { addParentLogin } from "../support/push-fixture";
import { createJournalFixture, NOW, teacherMark, type JournalFixture } from "./journal-fixture";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

let f: JournalFixture;
let parentA: number;

async function mark(iso: string, studentId: number, input: string) {
  expect((await teacherMark(f, iso, studentId, input)).body).toMatchObject({ ok: true });
}

const mkParent = (login: string, childId: number) =>
  addParentLogin(f.organisationId, childId, { login, lastName: "Родитель", firstName: login });

const form = (classId: number, studentIds: number[], text = RISK_TEMPLATE) => {
  const fd = new FormData();
  fd.set("classId", String(classId));
  for (const id of studentIds) fd.append("studentId", String(id));
  fd.set("text", text);
  return fd;
};

async function page(userId: number) {
  await signInAs(f.organisationId, userId);
  const { user, scopes } = await requireAccess("risk.notify");
  return loadRiskPage(user, scopes, { class: String(f.classId) });
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  f = await createJournalFixture({ students: 3 });
  // Student 0: two «2» → forecast «2»; student 1: «5» and «4» → not at risk; student 2: no marks → «н/а».
  await mark("2026-11-16", f.students[0], "2");
  await mark("2026-11-17", f.students[0], "2");
  await mark("2026-11-16", f.students[1], "5");
  await mark("2026-11-17", f.students[1], "4");
  parentA = await mkParent("riskParent", f.students[0]);
  await mkParent("riskParent1", f.students[1]);
});

afterAll(() => {
  vi.useRealTimers();
});

describe("students at risk (DUT-5)", () => {
  it("lists the students with a forecast «2» or a risk of «н/а» with the reasons, not the others", async () => {
    const p = await page(f.users.teacher);
    const byId = new Map(p.rows.map((r) => [r.studentId, r]));
    expect(byId.get(f.students[0])?.reasons).toEqual(["прогноз «2» — Алгебра"]);
    expect(byId.get(f.students[2])?.reasons).toEqual(["риск «н/а» — Алгебра"]);
    expect(byId.has(f.students[1])).toBe(false);
    // The subject teacher sees their own subjects; the class teacher every subject.
    expect(p.allSubjects).toBe(false);
    expect((await page(f.users.classTeacher)).allSubjects).toBe(true);
  });

  it("«Сообщить родителям» sends the family its own message and records it next to the student", async () => {
    await signInAs(f.organisationId, f.users.teacher);
    const r = await notifyRiskAction(null, form(f.classId, [f.students[0]]));
    expect(r).toMatchObject({ ok: true, data: { message: "Сообщения отправлены родителям учеников: 1" } });
    const notice = await db.riskNotice.findFirstOrThrow({
      where: { organisationId: f.organisationId, studentId: f.students[0] },
      select: { senderId: true, messageId: true, reasons: true },
    });
    expect(notice).toMatchObject({ senderId: f.users.teacher, reasons: "прогноз «2» — Алгебра" });
    const message = await db.message.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: f.organisationId, id: notice.messageId! } },
      select: { subject: true, body: true, recipients: { select: { userId: true } } },
    });
    expect(message.recipients).toEqual([{ userId: parentA }]);
    expect(message.subject).toBe("Успеваемость: Ученик000 Иван");
    expect(message.body).toContain("обучающегося Ученик000 Иван!");
    expect(message.body).toContain("риск неудовлетворительных результатов: прогноз «2» — Алгебра.");
    const shown = (await page(f.users.teacher)).rows.find((x) => x.studentId === f.students[0]);
    expect(shown?.notices).toHaveLength(1);
  });

  it("refuses a student not at risk, one without a parent login and one of another class, writing nothing", async () => {
    await signInAs(f.organisationId, f.users.teacher);
    const before = await dbDigest();
    const notAtRisk = await notifyRiskAction(null, form(f.classId, [f.students[0], f.students[1]]));
    expect(notAtRisk).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(notAtRisk.ok ? "" : notAtRisk.message).toMatch(/не в группе риска/);
    const noParent = await notifyRiskAction(null, form(f.classId, [f.students[2]]));
    expect(noParent.ok ? "" : noParent.message).toMatch(/нет учётной записи/);
    const otherClass = await notifyRiskAction(null, form(f.classId, [f.firstGrader]));
    expect(otherClass).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(changedTables(before, await dbDigest())).toEqual([]);
  });

  it("a teacher of another class and a parent are refused, writing nothing", async () => {
    const before = await dbDigest();
    await signInAs(f.organisationId, f.users.other);
    expect(await notifyRiskAction(null, form(f.classId, [f.students[0]]))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    await signInAs(f.organisationId, parentA);
    expect(await notifyRiskAction(null, form(f.classId, [f.students[0]]))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(changedTables(before, await dbDigest())).toEqual([]);
  });

  it("refuses an empty choice and a too short text in Russian", async () => {
    await signInAs(f.organisationId, f.users.teacher);
    const none = await notifyRiskAction(null, form(f.classId, []));
    expect(none.ok ? "" : none.message).toBe("Отметьте хотя бы одного ученика");
    const short = await notifyRiskAction(null, form(f.classId, [f.students[0]], "Плохо"));
    expect(short.ok ? "" : short.message).toBe("Текст сообщения: не короче 20 символов");
  });
});
