// The open API against the demo region (API-1, API-2): every route answers a token of the right
// family with 200 and a body that parses with the route's own zod schema, and another family's
// token with 403 and no data; read-only tokens cannot write; a revoked token stops at once;
// bad input is a Russian 400; the per-token rate limit answers 429.
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { seedDemo } from "@/prisma/seed/index";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { db } from "@/lib/db";
import { putFile } from "@/lib/storage/files";
import { createApiToken, revokeApiToken } from "@/lib/api/mutations";
import { lastAudit } from "../support/audit";
import { hashApiToken, newApiToken, type TokenScope } from "@/lib/api/token";
import * as schemas from "@/lib/api/schema";
import * as mailSchemas from "@/lib/api/mail/schema";
import * as teacherSchemas from "@/lib/api/teacher/schema";
import * as me from "@/app/api/v1/me/route";
import * as children from "@/app/api/v1/children/route";
import * as diary from "@/app/api/v1/students/[studentId]/diary/route";
import * as schedule from "@/app/api/v1/students/[studentId]/schedule/route";
import * as homework from "@/app/api/v1/students/[studentId]/homework/route";
import * as attendance from "@/app/api/v1/students/[studentId]/attendance/route";
import * as marks from "@/app/api/v1/students/[studentId]/marks/route";
import * as file from "@/app/api/v1/students/[studentId]/files/[fileId]/route";
import * as announcements from "@/app/api/v1/announcements/route";
import * as inbox from "@/app/api/v1/mail/inbox/route";
import * as sent from "@/app/api/v1/mail/sent/route";
import * as message from "@/app/api/v1/mail/[messageId]/route";
import * as mail from "@/app/api/v1/mail/route";
import * as lessons from "@/app/api/v1/teacher/lessons/route";
import * as journal from "@/app/api/v1/teacher/journal/route";

const TODAY = new Date("2026-11-23T12:00:00+04:00");
const WEEK = "2026-11-16";
let organisationId = 0;
const tokens: Record<string, string> = {};
const users: Record<string, number> = {};
let childId = 0;
let foreignChildId = 0;
let classId = 0;
let subjectId = 0;

// Route handlers differ in their params type; the test passes each the params it names.
type Handler = (request: Request, context: never) => Promise<Response>;
type Invoke = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(
  handler: Handler,
  opts: { token?: string | null; url?: string; params?: Record<string, string>; method?: string; body?: unknown } = {},
): Promise<{ status: number; body: Record<string, unknown> & { ok?: boolean; code?: string; message?: string } }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const request = new Request(`http://localhost${opts.url ?? "/api/v1/x"}`, {
    method: opts.method ?? "GET",
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const response = await (handler as unknown as Invoke)(request, { params: Promise.resolve(opts.params ?? {}) });
  const type = response.headers.get("content-type") ?? "";
  return {
    status: response.status,
    body: type.includes("json") ? await response.json() : { bytes: (await response.arrayBuffer()).byteLength },
  };
}

async function issue(login: string, scope: TokenScope): Promise<string> {
  const token = newApiToken(organisationId);
  await createApiToken(organisationId, users[login], `test ${login}`, scope, hashApiToken(token));
  return token;
}

beforeAll(async () => {
  process.env.FILES_DIR = await mkdtemp(path.join(tmpdir(), "ej-api-"));
  await seedDemo(process.env.DATABASE_URL!, { today: TODAY });
  const org = await db.organisation.findFirstOrThrow({ where: { kind: "SCHOOL" } });
  organisationId = org.id;
  const cls = await db.classGroup.findFirstOrThrow({ where: { organisationId, name: "7А" } });
  classId = cls.id;
  for (const login of ["parent", "teacher", "student", "zavuch"]) {
    users[login] = (await db.user.findUniqueOrThrow({ where: { organisationId_login: { organisationId, login } } })).id;
  }
  const parent = await db.parent.findFirstOrThrow({
    where: { organisationId, userId: users.parent },
    include: { children: true },
  });
  const mine = parent.children.map((c) => c.studentId);
  const in7a = await db.classMembership.findFirstOrThrow({
    where: { organisationId, classId, studentId: { in: mine } },
  });
  childId = in7a.studentId;
  // Another family: a parent none of whose children is ours.
  const other = await db.parent.findFirstOrThrow({
    where: {
      organisationId,
      userId: { not: users.parent },
      children: { some: {}, none: { studentId: { in: mine } } },
      user: { isNot: null },
    },
    include: { children: true, user: true },
  });
  users.other = other.userId!;
  foreignChildId = other.children[0].studentId;
  const load = await db.teacherLoad.findFirstOrThrow({ where: { organisationId, teacherId: users.teacher, classId } });
  subjectId = load.subjectId;
  tokens.parent = await issue("parent", "read");
  tokens.parentWrite = await issue("parent", "write");
  tokens.other = await issue("other", "read");
  tokens.teacher = await issue("teacher", "read");
}, 180_000);

const familyRoutes: [string, Handler, z.ZodType][] = [
  ["diary", diary.GET, schemas.diaryWeekSchema],
  ["schedule", schedule.GET, schemas.scheduleSchema],
  ["homework", homework.GET, schemas.homeworkListSchema],
  ["attendance", attendance.GET, schemas.attendanceListSchema],
  ["marks", marks.GET, schemas.marksSchema],
];

describe("the family's routes (API-1)", () => {
  it("name the caller and the token's scope", async () => {
    const r = await call(me.GET, { token: tokens.parent });
    expect(r.status).toBe(200);
    const body = schemas.meSchema.parse(r.body);
    expect(body).toMatchObject({ id: users.parent, via: "token", tokenScope: "read" });
  });

  it("list the parent's children", async () => {
    const r = await call(children.GET, { token: tokens.parent });
    expect(r.status).toBe(200);
    expect(schemas.childrenSchema.parse(r.body).items.map((c) => c.id)).toContain(childId);
    const teacher = await call(children.GET, { token: tokens.teacher });
    expect(teacher.status).toBe(403);
  });

  it.each(familyRoutes)(
    "%s: 200 and schema-valid for the child's parent, 403 without data for another family",
    async (_name, handler, schema) => {
      const url = `/api/v1/x?week=${WEEK}`;
      const r = await call(handler, { token: tokens.parent, params: { studentId: String(childId) }, url });
      expect(r.status).toBe(200);
      schema.parse(r.body);
      const foreign = await call(handler, { token: tokens.other, params: { studentId: String(childId) }, url });
      expect(foreign.status).toBe(403);
      expect(foreign.body).toEqual({ ok: false, code: "FORBIDDEN", message: "Нет доступа" });
      const theirs = await call(handler, { token: tokens.other, params: { studentId: String(foreignChildId) }, url });
      expect(theirs.status).toBe(200);
    },
  );

  it("the diary week carries the lessons, marks and homework the diary page shows", async () => {
    const r = await call(diary.GET, {
      token: tokens.parent,
      params: { studentId: String(childId) },
      url: `/api/v1/x?week=${WEEK}`,
    });
    const body = schemas.diaryWeekSchema.parse(r.body);
    expect(body.week).toEqual({ from: "2026-11-16", to: "2026-11-22", previous: "2026-11-09", next: "2026-11-23" });
    expect(body.lessons.length).toBeGreaterThan(0);
    expect(body.lessons.every((l) => l.date >= "2026-11-16" && l.date <= "2026-11-22")).toBe(true);
    expect(body.lessons.some((l) => l.marks.length > 0)).toBe(true);
  });

  it("marks come by subject with the average and the period", async () => {
    const r = await call(marks.GET, { token: tokens.parent, params: { studentId: String(childId) } });
    const body = schemas.marksSchema.parse(r.body);
    expect(body.periods.length).toBeGreaterThan(0);
    const graded = body.subjects.find((s) => s.marks.some((m) => m.kind === "GRADE"));
    expect(graded?.average).not.toBeNull();
    const missing = await call(marks.GET, {
      token: tokens.parent,
      params: { studentId: String(childId) },
      url: "/api/v1/x?periodId=999999",
    });
    expect(missing.status).toBe(404);
  });

  it("a homework file downloads only for its student's family", async () => {
    const membership = await db.classMembership.findFirstOrThrow({
      where: { organisationId, classId, studentId: childId },
    });
    const hw = await db.homework.findFirstOrThrow({
      where: { organisationId, lesson: { classId, date: { gte: membership.startDate } } },
    });
    const put = await putFile(organisationId, "homework", new TextEncoder().encode("Задачи 1–5"));
    const att = await db.attachment.create({
      data: {
        organisationId,
        homeworkId: hw.id,
        fileName: "задание.txt",
        mimeType: "text/plain",
        size: put.size,
        sha256: put.sha256,
        storageKey: put.storageKey,
        uploadedById: users.teacher,
      },
    });
    const params = { studentId: String(childId), fileId: String(att.id) };
    const r = await call(file.GET, { token: tokens.parent, params });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ bytes: put.size });
    const foreign = await call(file.GET, { token: tokens.other, params });
    expect(foreign.status).toBe(403);
    // Their own child's id does not open another class's file.
    const cross = await call(file.GET, {
      token: tokens.other,
      params: { studentId: String(foreignChildId), fileId: String(att.id) },
    });
    expect(cross.status).toBe(404);
  });

  it("refuses a bad week with a Russian message and no data (NFR-4)", async () => {
    const r = await call(diary.GET, {
      token: tokens.parent,
      params: { studentId: String(childId) },
      url: "/api/v1/x?week=16.11.2026",
    });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(r.body.message).toMatch(/ГГГГ-ММ-ДД/);
    const id = await call(diary.GET, { token: tokens.parent, params: { studentId: "abc" } });
    expect(id.status).toBe(404);
  });
});

describe("announcements and mail (API-1)", () => {
  it("list announcements and mail pages for the caller", async () => {
    for (const [handler, schema] of [
      [announcements.GET, mailSchemas.announcementsSchema],
      [inbox.GET, mailSchemas.inboxSchema],
      [sent.GET, mailSchemas.sentSchema],
    ] as const) {
      const r = await call(handler, { token: tokens.parent, url: "/api/v1/x?page=1&limit=5" });
      expect(r.status).toBe(200);
      const body = schema.parse(r.body);
      expect(body.items.length).toBeLessThanOrEqual(5);
      expect(body.limit).toBe(5);
    }
    const bad = await call(inbox.GET, { token: tokens.parent, url: "/api/v1/x?limit=1000" });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/не больше 100/);
  });

  it("a read-only token cannot send; a read-write token sends by the page's rules; only the parties read it", async () => {
    const body = { personIds: [users.teacher], subject: "Вопрос по API", body: "Здравствуйте!" };
    const before = await db.message.count({ where: { organisationId } });
    const ro = await call(mail.POST, { token: tokens.parent, method: "POST", body });
    expect(ro.status).toBe(403);
    expect(ro.body.message).toMatch(/только для чтения/);
    expect(await db.message.count({ where: { organisationId } })).toBe(before);

    const bad = await call(mail.POST, {
      token: tokens.parentWrite,
      method: "POST",
      body: { personIds: [users.teacher], subject: "" },
    });
    expect(bad.status).toBe(400);
    expect(await db.message.count({ where: { organisationId } })).toBe(before);

    const r = await call(mail.POST, { token: tokens.parentWrite, method: "POST", body });
    expect(r.status).toBe(201);
    const { messageId } = mailSchemas.sentResultSchema.parse(r.body);

    const read = await call(message.GET, { token: tokens.teacher, params: { messageId: String(messageId) } });
    expect(read.status).toBe(200);
    expect(mailSchemas.messageSchema.parse(read.body).subject).toBe("Вопрос по API");
    const box = await call(inbox.GET, { token: tokens.teacher, url: "/api/v1/x?limit=100" });
    expect(mailSchemas.inboxSchema.parse(box.body).items.map((m) => m.id)).toContain(messageId);

    const foreign = await call(message.GET, { token: tokens.other, params: { messageId: String(messageId) } });
    expect(foreign.status).toBe(404);
    expect(foreign.body).not.toHaveProperty("subject");
  });
});

describe("a teacher's own lessons and journal (API-1)", () => {
  it("lists the teacher's lessons of a week; families are refused", async () => {
    const r = await call(lessons.GET, { token: tokens.teacher, url: `/api/v1/x?week=${WEEK}` });
    expect(r.status).toBe(200);
    expect(teacherSchemas.teacherLessonsSchema.parse(r.body).lessons.length).toBeGreaterThan(0);
    expect((await call(lessons.GET, { token: tokens.parent })).status).toBe(403);
  });

  it("reads the journal of the teacher's class and subject; another family or subject is refused", async () => {
    const url = `/api/v1/x?classId=${classId}&subjectId=${subjectId}`;
    const r = await call(journal.GET, { token: tokens.teacher, url });
    expect(r.status).toBe(200);
    const body = teacherSchemas.journalSchema.parse(r.body);
    expect(body.classId).toBe(classId);
    expect(body.students.length).toBeGreaterThan(0);
    const parent = await call(journal.GET, { token: tokens.parent, url });
    expect(parent.status).toBe(403);
    expect(parent.body).not.toHaveProperty("students");
    // A class she neither teaches nor leads (as class teacher of 7А she reads all of 7А's subjects).
    const elsewhere = await db.classGroup.findFirstOrThrow({
      where: { organisationId, id: { not: classId }, loads: { none: { teacherId: users.teacher } } },
    });
    const notHers = await call(journal.GET, {
      token: tokens.teacher,
      url: `/api/v1/x?classId=${elsewhere.id}&subjectId=${subjectId}`,
    });
    expect(notHers.status).toBe(403);
  });
});

describe("tokens (API-2)", () => {
  it("refuses a missing, malformed or unknown token with 401", async () => {
    expect((await call(me.GET, { token: "ejt_1_" + "A".repeat(43) })).status).toBe(401);
    const malformed = await call(me.GET, { token: "nonsense" });
    expect(malformed.status).toBe(401);
    expect(malformed.body.message).toMatch(/Токен доступа недействителен/);
  });

  it("stops a revoked token at once", async () => {
    const token = await issue("parent", "read");
    expect((await call(children.GET, { token })).status).toBe(200);
    const row = await db.apiToken.findFirstOrThrow({ where: { organisationId, tokenHash: hashApiToken(token) } });
    expect(row.tokenHash).not.toContain(token.slice(-20));
    // Issuing and revoking are audited (AUTH-5) by the token's id and scope, never its text.
    const created = await lastAudit(organisationId, "api.token.create");
    expect(created).toMatchObject({
      userId: users.parent,
      entity: "ApiToken",
      entityId: null,
      details: { id: row.id, scope: "read" },
    });
    expect(JSON.stringify(created.details)).not.toContain(token.slice(-20));
    expect(await revokeApiToken(organisationId, users.parent, row.id)).toBe(true);
    expect(await lastAudit(organisationId, "api.token.revoke")).toMatchObject({
      userId: users.parent,
      entity: "ApiToken",
      entityId: null,
      details: { id: row.id },
    });
    expect((await call(children.GET, { token })).status).toBe(401);
  });

  it("revokes only one's own tokens", async () => {
    const token = await issue("parent", "read");
    const row = await db.apiToken.findFirstOrThrow({ where: { organisationId, tokenHash: hashApiToken(token) } });
    expect(await revokeApiToken(organisationId, users.other, row.id)).toBe(false);
    expect((await call(me.GET, { token })).status).toBe(200);
  });

  it("limits each user to its rate per minute (429 with Retry-After)", async () => {
    const token = await issue("student", "read");
    const statuses: number[] = [];
    for (let i = 0; i < 121; i++) statuses.push((await call(me.GET, { token })).status);
    expect(statuses.slice(0, 120).every((s) => s === 200)).toBe(true);
    expect(statuses[120]).toBe(429);
    // Another user (the same family) is not affected.
    expect((await call(me.GET, { token: tokens.parent })).status).toBe(200);
  });
});
