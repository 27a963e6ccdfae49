// Mail against a real PostgreSQL (MSG-1, MSG-2): the recipient rule over facts from the
// database, nothing stored on refusal, viewer checks, attachments, the three-day rule with a
// moved clock.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sendMessage, type MailActor } from "@/lib/messages/mail/commands";
import { attachmentForViewer, messageForViewer, unreadCountOf } from "@/lib/messages/mailbox/data";
import { markRead } from "@/lib/messages/mail/mutations";
import { overdueParentQuestions } from "@/lib/messages/overdue/questions";
import type { ComposeInput } from "@/lib/messages/schema";
import { MAX_FILE_BYTES } from "@/lib/storage/rules";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";
import { storedFileCount } from "../support/files-dir";
import { lastAudit } from "../support/audit";
import { counted } from "../support/pg-queries";

let f: AccessFixture;
let foreignTeacher: number;
let filesDir: string;
const TZ = "Europe/Samara";

const actor = (id: number): MailActor => ({ organisationId: f.organisationId, id, timeZone: TZ });
const input = (over: Partial<ComposeInput>): ComposeInput => ({
  personIds: [],
  roles: [],
  classIds: [],
  subject: "Вопрос",
  body: "Здравствуйте!",
  replyToId: null,
  ...over,
});
const messageCount = () => db.message.count({ where: { organisationId: f.organisationId } });
const storedFiles = () => storedFileCount(filesDir, f.organisationId, "message");

beforeAll(async () => {
  filesDir = await mkdtemp(path.join(tmpdir(), "ej-files-"));
  process.env.FILES_DIR = filesDir;
  f = await createAccessFixture();
  // A teacher of class B only: not a teacher of the parent's child (class A).
  const year = await db.academicYear.findFirstOrThrow({ where: { organisationId: f.organisationId } });
  const t = await db.user.create({
    data: {
      organisationId: f.organisationId,
      login: "foreign",
      passwordHash: "-",
      lastName: "Чужой",
      firstName: "Учитель",
    },
  });
  await db.userRole.create({ data: { organisationId: f.organisationId, userId: t.id, role: "TEACHER" } });
  await db.teacherLoad.create({
    data: {
      organisationId: f.organisationId,
      yearId: year.id,
      teacherId: t.id,
      classId: f.classB,
      subjectId: f.subject,
      hoursPerWeek: 2,
    },
  });
  foreignTeacher = t.id;
});

afterAll(async () => {
  await rm(filesDir, { recursive: true, force: true });
});

describe("recipient rule on the server (MSG-1)", () => {
  it("a parent writes to the class teacher and the child's teacher; the message is stored unread", async () => {
    const r = await sendMessage(
      actor(f.users.PARENT),
      input({ personIds: [f.users.CLASS_TEACHER, f.users.TEACHER] }),
      [],
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const rows = await db.messageRecipient.findMany({
      where: { organisationId: f.organisationId, messageId: r.data.messageId },
    });
    expect(rows.map((x) => x.userId).sort()).toEqual([f.users.CLASS_TEACHER, f.users.TEACHER].sort());
    expect(rows.every((x) => x.readAt === null)).toBe(true);
  });

  it("refuses a parent's message to a teacher who does not teach their child: FORBIDDEN, nothing stored", async () => {
    const before = await messageCount();
    const filesBefore = await storedFiles();
    const file = new File([new Uint8Array([1, 2, 3])], "справка.pdf", { type: "application/pdf" });
    const r = await sendMessage(actor(f.users.PARENT), input({ personIds: [f.users.CLASS_TEACHER, foreignTeacher] }), [
      file,
    ]);
    expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await messageCount()).toBe(before);
    expect(await storedFiles()).toBe(filesBefore);
  });

  it("expands a role on the server and refuses a parent's message to all teachers", async () => {
    const before = await messageCount();
    const r = await sendMessage(actor(f.users.PARENT), input({ roles: ["TEACHER"] }), []);
    expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await messageCount()).toBe(before);
  });

  it("refuses a student's message to another family, allows one to the administration", async () => {
    expect(await sendMessage(actor(f.users.STUDENT), input({ personIds: [f.users.PARENT] }), [])).toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await sendMessage(actor(f.users.STUDENT), input({ personIds: [f.users.DEPUTY] }), [])).ok).toBe(true);
  });

  it("refuses a user of another organisation as a recipient", async () => {
    const other = await db.user.create({
      data: {
        organisationId: f.otherOrganisationId,
        login: "x",
        passwordHash: "-",
        lastName: "Чужая",
        firstName: "Школа",
      },
    });
    expect(await sendMessage(actor(f.users.ADMIN), input({ personIds: [other.id] }), [])).toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("staff write to a whole class: its students and parents receive it, the sender does not", async () => {
    const r = await sendMessage(actor(f.users.MEDIC), input({ classIds: [f.classA] }), []);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const rows = await db.messageRecipient.findMany({
      where: { organisationId: f.organisationId, messageId: r.data.messageId },
    });
    expect(rows.map((x) => x.userId).sort()).toEqual([f.users.STUDENT, f.users.PARENT].sort());
  });

  it("a parent may answer the psychologist who wrote to them, but not start a conversation with them", async () => {
    expect(await sendMessage(actor(f.users.PARENT), input({ personIds: [f.users.PSYCHOLOGIST] }), [])).toMatchObject({
      code: "FORBIDDEN",
    });
    const first = await sendMessage(actor(f.users.PSYCHOLOGIST), input({ personIds: [f.users.PARENT] }), []);
    if (!first.ok) throw new Error("psychologist could not write");
    const reply = await sendMessage(
      actor(f.users.PARENT),
      input({ personIds: [f.users.PSYCHOLOGIST], replyToId: first.data.messageId }),
      [],
    );
    expect(reply.ok).toBe(true);
  });

  it("a reply to a message the user is not a party of is not found", async () => {
    const m = await sendMessage(actor(f.users.ADMIN), input({ personIds: [f.users.DEPUTY] }), []);
    if (!m.ok) throw new Error("admin could not write");
    const r = await sendMessage(
      actor(f.users.PARENT),
      input({ personIds: [f.users.ADMIN], replyToId: m.data.messageId }),
      [],
    );
    expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

describe("viewing, read receipts and attachments (MSG-1)", () => {
  it("refuses an attachment over the limit with a Russian message and stores nothing", async () => {
    const before = await messageCount();
    const big = new File([new Uint8Array(MAX_FILE_BYTES + 1)], "скан.pdf", { type: "application/pdf" });
    const r = await sendMessage(actor(f.users.PARENT), input({ personIds: [f.users.CLASS_TEACHER] }), [big]);
    expect(r).toMatchObject({ ok: false, code: "INVALID_INPUT", message: "Файл «скан.pdf» больше 10 МБ" });
    expect(await messageCount()).toBe(before);
  });

  it("only the sender and recipients see a message and download its attachment", async () => {
    const file = new File([new TextEncoder().encode("справка")], "справка.txt", { type: "text/plain" });
    const r = await sendMessage(
      actor(f.users.PARENT),
      input({ personIds: [f.users.CLASS_TEACHER], body: "<script>alert(1)</script>" }),
      [file],
    );
    if (!r.ok) throw new Error(r.message);
    const id = r.data.messageId;
    // Audited (AUTH-5) by counts only: no text of the letter reaches the log (NFR-5).
    const audit = await lastAudit(f.organisationId, "message.send");
    expect(audit).toMatchObject({
      userId: f.users.PARENT,
      entity: "Message",
      entityId: String(id),
      details: { recipients: 1, attachments: 1 },
    });
    expect(Object.keys(audit.details as object).sort()).toEqual(["attachments", "recipients"]);
    const view = await messageForViewer(f.organisationId, id, f.users.CLASS_TEACHER);
    expect(view?.body).toBe("<script>alert(1)</script>");
    const attachmentId = view!.attachments[0].id;
    expect(await attachmentForViewer(f.organisationId, attachmentId, f.users.PARENT)).not.toBeNull();
    expect(await attachmentForViewer(f.organisationId, attachmentId, f.users.CLASS_TEACHER)).not.toBeNull();
    for (const outsider of [f.users.ADMIN, f.users.TEACHER, f.users.STUDENT]) {
      expect(await messageForViewer(f.organisationId, id, outsider)).toBeNull();
      expect(await attachmentForViewer(f.organisationId, attachmentId, outsider)).toBeNull();
    }
  });

  it("stores and shows an attachment named «evil\u202Egpj.txt» as «evilgpj.txt», never «eviltxt.jpg» (SEC-3)", async () => {
    const file = new File([new TextEncoder().encode("текст")], "evil\u202Egpj.txt", { type: "text/plain" });
    const r = await sendMessage(actor(f.users.PARENT), input({ personIds: [f.users.CLASS_TEACHER] }), [file]);
    if (!r.ok) throw new Error(r.message);
    const view = await messageForViewer(f.organisationId, r.data.messageId, f.users.CLASS_TEACHER);
    expect(view?.attachments.map((a) => a.fileName)).toEqual(["evilgpj.txt"]);
  });

  it("counts unread messages and keeps the first read time", async () => {
    const r = await sendMessage(actor(f.users.ADMIN), input({ personIds: [f.users.SCHEDULER] }), []);
    if (!r.ok) throw new Error(r.message);
    expect(await unreadCountOf(f.organisationId, f.users.SCHEDULER)).toBe(1);
    const first = new Date("2026-11-20T10:00:00Z");
    await markRead(f.organisationId, r.data.messageId, f.users.SCHEDULER, first);
    await markRead(f.organisationId, r.data.messageId, f.users.SCHEDULER, new Date());
    expect(await unreadCountOf(f.organisationId, f.users.SCHEDULER)).toBe(0);
    const view = await messageForViewer(f.organisationId, r.data.messageId, f.users.ADMIN);
    expect(view?.recipients[0].readAt).toEqual(first);
  });
});

describe("three-day rule with a moved clock (MSG-2)", () => {
  it("flags an unanswered parent question to the class teacher after 72 hours and not before; a reply clears it", async () => {
    const t0 = new Date("2026-11-09T15:00:00Z");
    const hours = (n: number) => new Date(t0.getTime() + n * 3_600_000);
    const q = await sendMessage(
      actor(f.users.PARENT),
      input({ personIds: [f.users.CLASS_TEACHER], subject: "Когда контрольная?" }),
      [],
      { now: t0 },
    );
    if (!q.ok) throw new Error(q.message);
    const mine = (list: { messageId: number }[]) => list.filter((x) => x.messageId === q.data.messageId);

    expect(mine(await overdueParentQuestions(f.organisationId, TZ, f.users.CLASS_TEACHER, hours(71)))).toEqual([]);
    expect(mine(await overdueParentQuestions(f.organisationId, TZ, null, hours(71.9)))).toEqual([]);
    const late = mine(await overdueParentQuestions(f.organisationId, TZ, f.users.CLASS_TEACHER, hours(72)));
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ subject: "Когда контрольная?", classNames: ["5А"], daysWaiting: 3 });
    // DEPUTY's list (the whole organisation) shows it too.
    expect(mine(await overdueParentQuestions(f.organisationId, TZ, null, hours(73)))).toHaveLength(1);

    const reply = await sendMessage(
      actor(f.users.CLASS_TEACHER),
      input({ personIds: [f.users.PARENT], replyToId: q.data.messageId }),
      [],
      {
        now: hours(80),
      },
    );
    expect(reply.ok).toBe(true);
    expect(mine(await overdueParentQuestions(f.organisationId, TZ, null, hours(81)))).toEqual([]);

    // The parent's «Спасибо!» inside the conversation is not a new question.
    if (!reply.ok) return;
    const thanks = await sendMessage(
      actor(f.users.PARENT),
      input({ personIds: [f.users.CLASS_TEACHER], replyToId: reply.data.messageId }),
      [],
      {
        now: hours(82),
      },
    );
    if (!thanks.ok) throw new Error(thanks.message);
    const later = await overdueParentQuestions(f.organisationId, TZ, null, hours(200));
    expect(later.some((x) => x.messageId === q.data.messageId || x.messageId === thanks.data.messageId)).toBe(false);
  });

  it("a question to a subject teacher who is not the class teacher is not listed", async () => {
    const t0 = new Date("2026-11-09T15:00:00Z");
    const q = await sendMessage(actor(f.users.PARENT), input({ personIds: [f.users.TEACHER] }), [], { now: t0 });
    if (!q.ok) throw new Error(q.message);
    const all = await overdueParentQuestions(f.organisationId, TZ, null, new Date(t0.getTime() + 100 * 3_600_000));
    expect(all.some((x) => x.messageId === q.data.messageId)).toBe(false);
  });

  it("reads who may ask whom (class teachers, members, parents) in one statement (issue 22 item 7)", async () => {
    const t0 = new Date("2026-11-10T15:00:00Z");
    const q = await sendMessage(
      actor(f.users.PARENT),
      input({ personIds: [f.users.CLASS_TEACHER], subject: "Справка" }),
      [],
      { now: t0 },
    );
    if (!q.ok) throw new Error(q.message);
    const { result, queries } = await counted(() =>
      overdueParentQuestions(f.organisationId, TZ, null, new Date(t0.getTime() + 100 * 3_600_000)),
    );
    expect(result.find((x) => x.messageId === q.data.messageId)).toMatchObject({ classNames: ["5А"] });
    // Class teachers, members and their parents: one statement (were seven nested reads).
    const pairs = queries.filter((x) => /"ClassTeacher"|"ClassMembership"|"ParentLink"|"Parent"/.test(x.text));
    expect(pairs).toHaveLength(1);
    expect(queries.length).toBeLessThanOrEqual(6); // + the questions and the replies with their recipients
  });
});
