import { describe, expect, it } from "vitest";
import {
  announcementWindow,
  checkRecipients,
  isShown,
  mayWriteTo,
  unansweredQuestions,
  type ParentQuestion,
  type RecipientFacts,
  type SenderFacts,
  type TeacherMessage,
} from "@/lib/messages/rules";
import { formFiles, parseComposeForm, parseAnnouncementForm } from "@/lib/messages/schema";
import { checkFile } from "@/lib/storage/rules";

const parent: SenderFacts = { userId: 1, roles: ["PARENT"], childClassIds: [10], ownClassIds: [] };
const student: SenderFacts = { userId: 2, roles: ["STUDENT"], childClassIds: [], ownClassIds: [10] };
const medic: SenderFacts = { userId: 3, roles: ["MEDIC"], childClassIds: [], ownClassIds: [] };
const person = (
  userId: number,
  roles: RecipientFacts["roles"],
  teaches: number[] = [],
  leads: number[] = [],
): RecipientFacts => ({
  userId,
  roles,
  teachesClassIds: teaches,
  leadsClassIds: leads,
});

const ownTeacher = person(20, ["TEACHER"], [10]);
const classTeacher = person(21, ["TEACHER"], [], [10]);
const otherTeacher = person(22, ["TEACHER"], [11], [11]);
const deputy = person(23, ["DEPUTY"]);
const psychologist = person(24, ["PSYCHOLOGIST"]);
const otherParent = person(25, ["PARENT"]);

describe("who may write to whom (MSG-1)", () => {
  it("lets a parent write to their child's teachers, class teacher and the administration", () => {
    for (const r of [ownTeacher, classTeacher, deputy]) expect(mayWriteTo(parent, r)).toBe(true);
  });

  it("refuses a parent's message to a teacher who does not teach their child, to other staff and to other families", () => {
    for (const r of [otherTeacher, psychologist, otherParent]) expect(mayWriteTo(parent, r)).toBe(false);
  });

  it("applies the same rule to a student and their own class", () => {
    expect(mayWriteTo(student, ownTeacher)).toBe(true);
    expect(mayWriteTo(student, otherTeacher)).toBe(false);
    expect(mayWriteTo(student, otherParent)).toBe(false);
  });

  it("lets staff write to anyone in the organisation, a parent included", () => {
    expect(mayWriteTo(medic, otherParent)).toBe(true);
    expect(mayWriteTo(medic, otherTeacher)).toBe(true);
  });

  it("lets a parent answer whoever wrote to them, but only that person", () => {
    expect(mayWriteTo(parent, psychologist, psychologist.userId)).toBe(true);
    expect(mayWriteTo(parent, otherTeacher, psychologist.userId)).toBe(false);
  });

  it("a user with a staff role besides parent is staff", () => {
    expect(mayWriteTo({ ...parent, roles: ["PARENT", "TEACHER"] }, otherParent)).toBe(true);
  });

  it("refuses the whole list when one recipient is outside the rule, and unknown ids", () => {
    expect(checkRecipients(parent, [20, 21], [ownTeacher, classTeacher])).toEqual({ ok: true });
    expect(checkRecipients(parent, [20, 22], [ownTeacher, otherTeacher])).toEqual({ ok: false, refused: [22] });
    expect(checkRecipients(parent, [20, 999], [ownTeacher])).toEqual({ ok: false, refused: [999] });
  });
});

describe("three-day rule (MSG-2)", () => {
  const t0 = new Date("2026-11-02T10:00:00Z");
  const h = (n: number) => new Date(t0.getTime() + n * 3_600_000);
  const q: ParentQuestion = { messageId: 1, threadKey: 1, parentUserId: 1, classTeacherId: 21, createdAt: t0 };

  it("flags a question unanswered for 72 hours and not before", () => {
    expect(unansweredQuestions([q], [], new Date(h(72).getTime() - 60_000))).toEqual([]);
    expect(unansweredQuestions([q], [], h(72))).toEqual([q]);
  });

  it("a reply from the class teacher in the conversation to that parent answers it", () => {
    const reply: TeacherMessage = { threadKey: 1, senderId: 21, recipientIds: [1], createdAt: h(80) };
    expect(unansweredQuestions([q], [reply], h(81))).toEqual([]);
  });

  it("a message in another conversation, to someone else, from someone else or before the question does not", () => {
    const others: TeacherMessage[] = [
      { threadKey: 2, senderId: 21, recipientIds: [1], createdAt: h(1) },
      { threadKey: 1, senderId: 21, recipientIds: [99], createdAt: h(1) },
      { threadKey: 1, senderId: 20, recipientIds: [1], createdAt: h(1) },
      { threadKey: 1, senderId: 21, recipientIds: [1], createdAt: h(-1) },
    ];
    expect(unansweredQuestions([q], others, h(100))).toEqual([q]);
  });

  it("lists one line per conversation, the oldest question", () => {
    const followUp = { ...q, messageId: 2, createdAt: h(5) };
    expect(unansweredQuestions([followUp, q], [], h(200))).toEqual([q]);
  });
});

describe("board dates (MSG-3)", () => {
  const now = new Date("2026-11-23T09:00:00Z");
  it("starts now by default and ends after the whole last day in the organisation's zone", () => {
    const w = announcementWindow(null, "2026-11-30", "Europe/Samara", now);
    expect(w.startsAt).toEqual(now);
    expect(w.expiresAt).toEqual(new Date("2026-11-30T20:00:00Z")); // 01.12 00:00 in UTC+4
  });

  it("a future first day starts at that day's midnight; shown only inside the window", () => {
    const w = announcementWindow("2026-11-25", null, "Asia/Vladivostok", now);
    expect(w.startsAt).toEqual(new Date("2026-11-24T14:00:00Z"));
    expect(isShown(w, now)).toBe(false);
    expect(isShown(w, new Date("2026-11-24T14:00:00Z"))).toBe(true);
  });

  it("requires a role or a class for such an audience, and an expiry not before the start", () => {
    const f = (entries: Record<string, string>) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(entries)) form.set(k, v);
      return parseAnnouncementForm(form);
    };
    expect(f({ title: "Т", body: "Б", audience: "ROLE" }).ok).toBe(false);
    expect(f({ title: "Т", body: "Б", audience: "CLASS" }).ok).toBe(false);
    expect(f({ title: "Т", body: "Б", audience: "ALL", startsOn: "2026-12-02", expiresOn: "2026-12-01" }).ok).toBe(
      false,
    );
    expect(f({ title: "Т", body: "Б", audience: "ROLE", role: "PARENT" }).ok).toBe(true);
  });
});

describe("compose form", () => {
  it("refuses an empty subject and a non-numeric recipient with Russian messages", () => {
    const form = new FormData();
    form.set("subject", "  ");
    form.set("body", "Текст");
    const r = parseComposeForm(form);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe("Заполните поле «Тема»");
    form.set("subject", "Тема");
    form.append("person", "abc");
    expect(parseComposeForm(form).ok).toBe(false);
  });
});

describe("uploaded files of the compose form", () => {
  it("skips an empty file input and keeps chosen files; a nameless part is refused, not a crash", () => {
    const form = new FormData();
    form.append("files", new Blob([]));
    form.append("files", new File([new Uint8Array([1])], "план.pdf", { type: "application/pdf" }));
    const files = formFiles(form);
    expect(files.map((f) => f.name)).toEqual(["план.pdf"]);
    const nameless = {
      size: 3,
      type: "application/pdf",
      arrayBuffer: async () => new ArrayBuffer(3),
    } as unknown as File;
    const odd = { getAll: () => [nameless] } as unknown as FormData;
    const [file] = formFiles(odd);
    expect(checkFile(file.name, file.type, file.size)).toEqual({ ok: false, message: "Недопустимое имя файла" });
  });
});
