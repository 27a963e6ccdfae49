// Homework hand-in and review (LRN-1) against the real database and storage: on time vs late,
// another class's student refused (403, nothing written), files over the limit refused, resubmission
// until reviewed and refused after, the review mark in the journal cell of the hand-in's assignment
// through the journal's own save — and refused by its lock decision on a closed date —, what the
// family sees (diary week, hand-in page) and the /api/v1 routes for families.
// The clock: NOW = 2026-11-20 12:00 in Samara (journal-fixture).
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/api/mutations";
import { hashApiToken, newApiToken } from "@/lib/api/token";
import { handinListSchema, handinSchema } from "@/lib/api/handin/schema";
import { diaryWeek } from "@/lib/diary/data";
import { writeHomework } from "@/lib/journal/lesson/mutations";
import { handIn, reviewHandin, saveHandinSettings } from "@/lib/learning/handin/commands";
import { homeworkForHandin, submissionOf } from "@/lib/learning/handin/data";
import { loadReviewView, loadStudentHandin } from "@/lib/learning/handin/loaders";
import { MAX_FILE_BYTES } from "@/lib/storage/rules";
import type { Upload } from "@/lib/storage/upload";
import type { CurrentUser } from "@/lib/auth/session";
import * as listRoute from "@/app/api/v1/students/[studentId]/handins/route";
import * as oneRoute from "@/app/api/v1/students/[studentId]/handins/[homeworkId]/route";
import { changedTables, dbDigest } from "../support/db-digest";
import { sessionUser } from "../support/session-user";
import { storedFileCount } from "../support/files-dir";
import { addUser, createJournalFixture, day, NOW, type JournalFixture } from "./journal-fixture";

let f: JournalFixture;
let filesDir = "";
const users = { student: 0, otherStudent: 0, parent: 0 };
let otherStudentId = 0;
const hw = { onTime: 0, late: 0, old: 0 };

const photo = (name = "тетрадь.jpg", size = 2048): Upload => ({
  name,
  type: "image/jpeg",
  size,
  bytes: async () => new Uint8Array(size).fill(7),
});

function asUser(id: number): CurrentUser {
  return sessionUser(id, f.organisationId, { login: "x", fullName: "x", shortName: "x", sessionId: "x" });
}

const mkUser = (login: string, role: "STUDENT" | "PARENT") => addUser(f, login, role);

/** A homework on a lesson that asks for a hand-in due at `due` (Samara wall time) with a new «Ответ на уроке» column. */
async function homeworkWithHandin(lessonIso: string, dueDate: string, dueTime: string): Promise<number> {
  const lessonId = f.lesson(lessonIso);
  await writeHomework({
    organisationId: f.organisationId,
    userId: f.users.teacher,
    now: NOW,
    lessonId,
    version: 0,
    text: `Решить задачи к уроку ${lessonIso}`,
    dueDate: day(dueDate),
    files: [],
    removeFileIds: [],
  });
  const h = await db.homework.findFirstOrThrow({ where: { organisationId: f.organisationId, lessonId } });
  const loaded = (await homeworkForHandin(f.organisationId, h.id))!;
  const r = await saveHandinSettings(
    f.actor(f.users.teacher),
    loaded,
    { homeworkId: h.id, handin: "on", dueDate, dueTime, markTarget: `t:${f.types.answer}` },
    NOW,
  );
  expect(r.ok).toBe(true);
  return h.id;
}

const countRows = async () => ({
  submissions: await db.homeworkSubmission.count({ where: { organisationId: f.organisationId } }),
  attachments: await db.attachment.count({ where: { organisationId: f.organisationId, submissionId: { not: null } } }),
});

const storedFiles = () => storedFileCount(filesDir, f.organisationId, "handin");

beforeAll(async () => {
  filesDir = await mkdtemp(path.join(tmpdir(), "ej-handin-"));
  process.env.FILES_DIR = filesDir;
  f = await createJournalFixture({ students: 3 });
  users.student = await mkUser("uchenik", "STUDENT");
  await db.student.update({
    where: { organisationId_id: { organisationId: f.organisationId, id: f.students[0] } },
    data: { userId: users.student },
  });
  users.parent = await mkUser("roditel", "PARENT");
  const parent = await db.parent.create({
    data: { organisationId: f.organisationId, userId: users.parent, lastName: "Родитель", firstName: "Тест" },
  });
  await db.parentLink.create({
    data: { organisationId: f.organisationId, parentId: parent.id, studentId: f.students[0] },
  });
  // A pupil of 7Б with a login: the homework of 7А is not theirs.
  const otherClass = await db.classGroup.create({
    data: { organisationId: f.organisationId, yearId: f.yearId, name: "7Б", grade: 7 },
  });
  users.otherStudent = await mkUser("chuzhoi", "STUDENT");
  const other = await db.student.create({
    data: {
      organisationId: f.organisationId,
      userId: users.otherStudent,
      lastName: "Чужой",
      firstName: "Иван",
      birthDate: day("2013-01-01"),
    },
  });
  otherStudentId = other.id;
  await db.classMembership.create({
    data: {
      organisationId: f.organisationId,
      studentId: other.id,
      classId: otherClass.id,
      startDate: day("2026-09-01"),
    },
  });
  hw.onTime = await homeworkWithHandin("2026-11-19", "2026-11-21", "");
  hw.late = await homeworkWithHandin("2026-11-18", "2026-11-20", "10:00");
  // A lesson of 2026-11-05: 15 days before NOW, beyond lockDays (7) — its marks are locked.
  hw.old = await homeworkWithHandin("2026-11-05", "2026-11-06", "");
});

describe("handing in (LRN-1)", () => {
  it("a hand-in before the due time is on time; one after it is flagged late", async () => {
    const onTime = await handIn(
      f.actor(users.student),
      { homeworkId: hw.onTime, studentId: f.students[0], text: "Ответ: 42", removeFileIds: [] },
      [photo()],
      NOW,
    );
    expect(onTime).toEqual({ ok: true, data: { late: false, attempts: 1 } });
    // Due 2026-11-20 10:00 Samara; NOW is 12:00 of that day.
    const late = await handIn(
      f.actor(users.student),
      { homeworkId: hw.late, studentId: f.students[0], text: "Сделал", removeFileIds: [] },
      [],
      NOW,
    );
    expect(late).toEqual({ ok: true, data: { late: true, attempts: 1 } });
    expect((await submissionOf(f.organisationId, hw.late, f.students[0]))!.isLate).toBe(true);
    const view = await loadReviewView(
      asUser(f.users.teacher),
      (await homeworkForHandin(f.organisationId, hw.late))!,
      NOW,
    );
    const states = Object.fromEntries(view.roster.map((r) => [r.studentId, r.state]));
    expect(states[f.students[0]]).toBe("late");
    // The others handed in nothing and the due time has passed.
    expect(states[f.students[1]]).toBe("missing");
    expect(view.counts.late).toBe(1);
  });

  it("a student of another class cannot hand in: 403 and nothing written or stored", async () => {
    const before = await dbDigest();
    const files = await storedFiles();
    for (const studentId of [otherStudentId, f.students[0]]) {
      const r = await handIn(
        f.actor(users.otherStudent),
        { homeworkId: hw.onTime, studentId, text: "чужое", removeFileIds: [] },
        [photo()],
        NOW,
      );
      expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect((r as { message: string }).message).toMatch(/Нет доступа/);
    }
    // A parent may read the hand-in but not hand in for the child.
    const parent = await handIn(
      f.actor(users.parent),
      { homeworkId: hw.onTime, studentId: f.students[0], text: "за сына", removeFileIds: [] },
      [],
      NOW,
    );
    expect(parent).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(changedTables(before, await dbDigest())).toEqual([]);
    expect(await storedFiles()).toBe(files);
  });

  it("refuses a file over the limit (and a wrong type) before storing anything", async () => {
    const before = await countRows();
    const files = await storedFiles();
    const big = await handIn(
      f.actor(users.student),
      { homeworkId: hw.onTime, studentId: f.students[0], text: "ещё", removeFileIds: [] },
      [photo("скан.jpg", MAX_FILE_BYTES + 1)],
      NOW,
    );
    expect(big).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect((big as { message: string }).message).toMatch(/больше 10 МБ/);
    const exe = await handIn(
      f.actor(users.student),
      { homeworkId: hw.onTime, studentId: f.students[0], text: "", removeFileIds: [] },
      [{ ...photo("вирус.exe"), type: "application/x-msdownload" }],
      NOW,
    );
    expect(exe).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    // The declared size may lie: the stored bytes are checked again.
    const liar = await handIn(
      f.actor(users.student),
      { homeworkId: hw.onTime, studentId: f.students[0], text: "", removeFileIds: [] },
      [{ ...photo("ложь.jpg"), size: 10, bytes: async () => new Uint8Array(MAX_FILE_BYTES + 5) }],
      NOW,
    );
    expect(liar).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await countRows()).toEqual(before);
    expect(await storedFiles()).toBe(files);
  });

  it("a resubmission replaces the text and keeps the files unless removed; nothing to hand in is refused", async () => {
    const first = (await submissionOf(f.organisationId, hw.onTime, f.students[0]))!;
    expect(first.files).toHaveLength(1);
    const again = await handIn(
      f.actor(users.student),
      { homeworkId: hw.onTime, studentId: f.students[0], text: "Ответ: 43", removeFileIds: [] },
      [photo("вторая.jpg")],
      NOW,
    );
    expect(again).toEqual({ ok: true, data: { late: false, attempts: 2 } });
    const second = (await submissionOf(f.organisationId, hw.onTime, f.students[0]))!;
    expect(second.text).toBe("Ответ: 43");
    expect(second.files.map((x) => x.fileName)).toEqual(["тетрадь.jpg", "вторая.jpg"]);
    const empty = await handIn(
      f.actor(users.student),
      { homeworkId: hw.onTime, studentId: f.students[0], text: "", removeFileIds: second.files.map((x) => x.id) },
      [],
      NOW,
    );
    expect(empty).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect((await submissionOf(f.organisationId, hw.onTime, f.students[0]))!.files).toHaveLength(2);
  });
});

describe("reviewing (LRN-1)", () => {
  it("puts the mark with the comment into the journal cell of the hand-in's assignment; the family sees status and comment; a second hand-in is refused", async () => {
    const s = (await submissionOf(f.organisationId, hw.onTime, f.students[0]))!;
    const r = await reviewHandin(
      f.actor(f.users.teacher),
      { submissionId: s.id, version: s.version, comment: "Молодец, без ошибок", mark: "5", intent: "review" },
      NOW,
    );
    expect(r).toEqual({ ok: true, data: { message: "Работа проверена: 5" } });
    const h = (await homeworkForHandin(f.organisationId, hw.onTime))!;
    const mark = await db.mark.findUniqueOrThrow({
      where: {
        organisationId_assignmentId_studentId: {
          organisationId: f.organisationId,
          assignmentId: h.handinAssignmentId!,
          studentId: f.students[0],
        },
      },
    });
    expect(mark).toMatchObject({ value: 5, kind: "GRADE", comment: "Молодец, без ошибок", lessonId: h.lesson.id });
    // Written by the journal's save: its history row is there.
    expect(
      await db.journalChange.count({
        where: {
          organisationId: f.organisationId,
          entity: "MARK",
          entityKey: `mark:${h.handinAssignmentId}:${f.students[0]}`,
        },
      }),
    ).toBe(1);

    const family = await loadStudentHandin(asUser(users.parent), f.students[0], hw.onTime, NOW);
    expect(family).toMatchObject({ state: "reviewed", stateLabel: "проверено", mark: "5", reviewed: true });
    expect(family!.submission!.reviewComment).toBe("Молодец, без ошибок");
    const week = await diaryWeek(f.organisationId, f.students[0], day("2026-11-16"));
    const lesson = week.lessons.find((l) => l.id === h.lesson.id)!;
    expect(lesson.homework[0].handin).toMatchObject({ status: "REVIEWED", comment: "Молодец, без ошибок" });
    expect(lesson.marks.map((m) => [m.value, m.comment])).toEqual([[5, "Молодец, без ошибок"]]);

    const before = await dbDigest();
    const refused = await handIn(
      f.actor(users.student),
      { homeworkId: hw.onTime, studentId: f.students[0], text: "исправил", removeFileIds: [] },
      [],
      NOW,
    );
    expect(refused).toMatchObject({ ok: false, code: "LOCKED" });
    expect((refused as { message: string }).message).toMatch(/уже проверена/);
    expect(changedTables(before, await dbDigest())).toEqual([]);
  });

  it("a review mark on a closed date is refused by the journal's lock decision, and nothing of the review is written", async () => {
    expect(
      (
        await handIn(
          f.actor(users.student),
          { homeworkId: hw.old, studentId: f.students[0], text: "давно", removeFileIds: [] },
          [],
          NOW,
        )
      ).ok,
    ).toBe(true);
    const s = (await submissionOf(f.organisationId, hw.old, f.students[0]))!;
    const before = await dbDigest();
    const r = await reviewHandin(
      f.actor(f.users.teacher),
      { submissionId: s.id, version: s.version, comment: "Поздно", mark: "4", intent: "review" },
      NOW,
    );
    expect(r).toMatchObject({ ok: false, code: "LOCKED" });
    expect((r as { message: string }).message).toMatch(/[а-я]/);
    expect(changedTables(before, await dbDigest())).toEqual([]);
    // A review without a mark is not a journal write: it is accepted.
    const plain = await reviewHandin(
      f.actor(f.users.teacher),
      { submissionId: s.id, version: s.version, comment: "Принято", mark: "", intent: "review" },
      NOW,
    );
    expect(plain.ok).toBe(true);
  });

  it("«на доработку» reopens the hand-in; only the lesson's teacher reviews", async () => {
    const s = (await submissionOf(f.organisationId, hw.late, f.students[0]))!;
    const stranger = await reviewHandin(
      f.actor(f.users.other),
      { submissionId: s.id, version: s.version, comment: "", mark: "", intent: "review" },
      NOW,
    );
    expect(stranger).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const back = await reviewHandin(
      f.actor(f.users.teacher),
      { submissionId: s.id, version: s.version, comment: "Покажи решение", mark: "", intent: "return" },
      NOW,
    );
    expect(back.ok).toBe(true);
    const stale = await reviewHandin(
      f.actor(f.users.teacher),
      { submissionId: s.id, version: s.version, comment: "", mark: "3", intent: "review" },
      NOW,
    );
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT" });
    const again = await handIn(
      f.actor(users.student),
      { homeworkId: hw.late, studentId: f.students[0], text: "Вот решение", removeFileIds: [] },
      [],
      NOW,
    );
    expect(again).toEqual({ ok: true, data: { late: true, attempts: 2 } });
  });
});

describe("/api/v1 hand-in for families (LRN-1, API-1)", () => {
  const tokens: Record<string, string> = {};
  const call = async (
    handler: unknown,
    token: string,
    params: Record<string, string>,
    init: { method?: string; body?: unknown; url?: string } = {},
  ) => {
    const res = await (handler as (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>)(
      new Request(`http://localhost${init.url ?? "/api/v1/x"}`, {
        method: init.method ?? "GET",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      }),
      { params: Promise.resolve(params) },
    );
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  // The routes read the clock: it stands at NOW (a Friday noon in Samara) whatever day CI runs.
  afterAll(() => vi.useRealTimers());

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(NOW);
    for (const [name, userId, scope] of [
      ["student", users.student, "write"],
      ["parent", users.parent, "write"],
      ["other", users.otherStudent, "write"],
    ] as const) {
      const token = newApiToken(f.organisationId);
      await createApiToken(f.organisationId, userId, name, scope, hashApiToken(token));
      tokens[name] = token;
    }
  });

  it("lists the week's hand-ins with state, comment and mark for the student and the parent, 403 for another family", async () => {
    const params = { studentId: String(f.students[0]) };
    for (const who of ["student", "parent"]) {
      const r = await call(listRoute.GET, tokens[who], params, { url: "/api/v1/x?week=2026-11-16" });
      expect(r.status).toBe(200);
      const list = handinListSchema.parse(r.body);
      const reviewed = list.items.find((i) => i.homeworkId === hw.onTime)!;
      expect(reviewed).toMatchObject({ state: "reviewed", mark: { label: "5" } });
      expect(reviewed.submission!.reviewComment).toBe("Молодец, без ошибок");
    }
    const other = await call(listRoute.GET, tokens.other, params);
    expect(other.status).toBe(403);
    expect(other.body.items).toBeUndefined();
  });

  it("hands in as JSON (base64 files); a parent's hand-in is 403 and a reviewed one 423", async () => {
    const fresh = await homeworkWithHandin("2026-11-20", "2026-11-23", "08:00");
    const params = { studentId: String(f.students[0]), homeworkId: String(fresh) };
    const body = {
      text: "Ответ через приложение",
      files: [{ fileName: "фото.png", contentBase64: Buffer.from("png").toString("base64") }],
    };
    const parent = await call(oneRoute.POST, tokens.parent, params, { method: "POST", body });
    expect(parent.status).toBe(403);
    // A pupil of 7Б handing in 7А's homework as themself: 403, nothing written.
    const before = await countRows();
    const stranger = await call(
      oneRoute.POST,
      tokens.other,
      { studentId: String(otherStudentId), homeworkId: String(fresh) },
      { method: "POST", body },
    );
    expect(stranger.status).toBe(403);
    expect(String(stranger.body.message)).toMatch(/Нет доступа/);
    expect(await countRows()).toEqual(before);
    const posted = await call(oneRoute.POST, tokens.student, params, { method: "POST", body });
    expect(posted.status).toBe(201);
    expect(handinSchema.parse(posted.body)).toMatchObject({
      state: "submitted",
      submission: { text: "Ответ через приложение", attempts: 1 },
    });
    const got = await call(oneRoute.GET, tokens.parent, params);
    expect(handinSchema.parse(got.body).submission!.files.map((x) => x.fileName)).toEqual(["фото.png"]);
    const reviewed = await call(
      oneRoute.POST,
      tokens.student,
      { ...params, homeworkId: String(hw.onTime) },
      { method: "POST", body },
    );
    expect(reviewed.status).toBe(423);
    expect(String(reviewed.body.message)).toMatch(/проверена/);
    const bad = await call(oneRoute.POST, tokens.student, params, {
      method: "POST",
      body: { files: [{ fileName: "x.exe", contentBase64: "AAAA" }] },
    });
    expect(bad.status).toBe(400);
  });
});
