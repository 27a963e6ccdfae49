// E-mail copies of new messages (SPEC §11 notifications) through a real local SMTP server
// started here (the outside system): off without SMTP_URL, one letter per address with only the
// sender's name and a link, and a dead SMTP server never fails sending the message.
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sendMessage, type MailActor } from "@/lib/messages/mail/commands";
import type { ComposeInput } from "@/lib/messages/schema";
import { postAnnouncement } from "@/lib/messages/commands";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";

type Letter = { rcpt: string[]; text: string; subject: string };

/** Decodes the parts of a simple text letter that nodemailer writes (quoted-printable or base64 body, encoded-word subject). */
function decodeLetter(raw: string): { subject: string; text: string } {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join("\n\n");
  const headers = head.replace(/\r?\n[ \t]+/g, " ");
  const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(headers)?.[1]?.toLowerCase();
  const qp = (v: string) =>
    Buffer.from(
      v.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
      "latin1",
    ).toString("utf8");
  const text =
    encoding === "base64"
      ? Buffer.from(body, "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? qp(body)
        : body;
  const rawSubject = /^subject:\s*(.*)$/im.exec(headers)?.[1] ?? "";
  const subject = rawSubject.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, kind: string, data: string) =>
    kind.toLowerCase() === "b" ? Buffer.from(data, "base64").toString("utf8") : qp(data.replace(/_/g, " ")),
  );
  return { subject, text };
}

let f: AccessFixture;
let server: SMTPServer;
let port: number;
const letters: Letter[] = [];

const actor = (id: number): MailActor => ({ organisationId: f.organisationId, id, timeZone: "Europe/Samara" });
const input = (over: Partial<ComposeInput>): ComposeInput => ({
  personIds: [],
  roles: [],
  classIds: [],
  subject: "Секретная тема",
  body: "Секретный текст о семье",
  replyToId: null,
  ...over,
});

/** Runs the scheduled notification and waits for it (the app runs it after the response). */
async function sendAndNotify(id: number, over: Partial<ComposeInput>) {
  const tasks: Promise<unknown>[] = [];
  const r = await sendMessage(actor(id), input(over), [], { schedule: (task) => tasks.push(task()) });
  await Promise.all(tasks);
  return { r, scheduled: tasks.length };
}

beforeAll(async () => {
  f = await createAccessFixture();
  for (const [column, email] of [
    ["CLASS_TEACHER", "teacher@example.test"],
    ["PARENT", "parent@example.test"],
    ["STUDENT", "student@example.test"],
  ] as const) {
    await db.user.update({
      where: { organisationId_id: { organisationId: f.organisationId, id: f.users[column] } },
      data: { email },
    });
  }
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        letters.push({
          rcpt: session.envelope.rcptTo.map((a) => a.address),
          ...decodeLetter(Buffer.concat(chunks).toString("latin1")),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  port = (server.server.address() as { port: number }).port;
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("e-mail copies of messages", () => {
  it("sends nothing when SMTP_URL is not set (off by default)", async () => {
    delete process.env.SMTP_URL;
    const { r, scheduled } = await sendAndNotify(f.users.PARENT, { personIds: [f.users.CLASS_TEACHER] });
    expect(r.ok).toBe(true);
    expect(scheduled).toBe(0);
    expect(letters).toHaveLength(0);
  });

  it("sends the recipient only the sender's name and a link, never the subject or text", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    const { r } = await sendAndNotify(f.users.PARENT, { personIds: [f.users.CLASS_TEACHER] });
    if (!r.ok) throw new Error(r.message);
    expect(letters).toHaveLength(1);
    const [letter] = letters;
    expect(letter.rcpt).toEqual(["teacher@example.test"]);
    expect(letter.text).toContain("Новое сообщение от PARENT Тест в электронном журнале");
    expect(letter.text).toContain(`/mail/${r.data.messageId}`);
    expect(`${letter.subject} ${letter.text}`).not.toMatch(/Секрет/);
  });

  it("writes to each family separately: no letter names another recipient", async () => {
    letters.length = 0;
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    const { r } = await sendAndNotify(f.users.MEDIC, { classIds: [f.classA] });
    expect(r.ok).toBe(true);
    expect(letters.map((l) => l.rcpt).sort()).toEqual([["parent@example.test"], ["student@example.test"]]);
    for (const l of letters) expect(l.text).not.toMatch(/parent@|student@|Секрет/);
  });

  it("an announcement to parents reaches only parents, without its title or text", async () => {
    letters.length = 0;
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    const tasks: Promise<unknown>[] = [];
    const r = await postAnnouncement(
      actor(f.users.DEPUTY),
      {
        title: "Секретное собрание",
        body: "Секрет",
        audience: "ROLE",
        role: "PARENT",
        classId: null,
        startsOn: null,
        expiresOn: null,
      },
      { schedule: (task) => tasks.push(task()) },
    );
    await Promise.all(tasks);
    expect(r.ok).toBe(true);
    expect(letters.map((l) => l.rcpt)).toEqual([["parent@example.test"]]);
    expect(letters[0].text).toContain("/board");
    expect(`${letters[0].subject} ${letters[0].text}`).not.toMatch(/Секрет/);
  });

  it("a dead SMTP server does not fail sending the message", async () => {
    letters.length = 0;
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    const { r } = await sendAndNotify(f.users.PARENT, { personIds: [f.users.CLASS_TEACHER] });
    expect(r.ok).toBe(true);
    expect(letters).toHaveLength(0);
  });
});
