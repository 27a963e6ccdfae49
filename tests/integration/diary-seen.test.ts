// DRY-7 and issue 19 item 6: the diary's loaders only read; a view is recorded by POST
// /diary/<studentId>/seen, which the page's client part sends once the page is shown. diary.view on
// the student decides: a parent records their own child's view, another family's child is 403 and
// nothing is written.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { POST } from "@/app/(app)/diary/[studentId]/seen/route";
import { getCurrentUser } from "@/lib/auth/session";
import { loadDiaryVisit } from "@/lib/diary/marks/loaders";
import { signInAs } from "../support/session-harness";
import { createJournalFixture, NOW, type JournalFixture } from "./journal-fixture";
import { addParentLogin } from "../support/push-fixture";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

let f: JournalFixture;
let parentUser = 0;

const seen = (studentId: number) =>
  db.diarySeen.findMany({ where: { organisationId: f.organisationId, userId: parentUser, studentId } });
const post = (studentId: string) =>
  POST(new Request(`http://localhost/diary/${studentId}/seen`, { method: "POST" }), {
    params: Promise.resolve({ studentId }),
  });

beforeAll(async () => {
  f = await createJournalFixture({ students: 2 });
  parentUser = await addParentLogin(f.organisationId, f.students[0], { login: "mama-seen", lastName: "Мама" });
});

afterEach(() => {
  vi.useRealTimers();
});

describe("the diary's «seen» is a route, not a side effect of reading (DRY-7, issue 19 item 6)", () => {
  it("the page's loader reads what is new and writes nothing", async () => {
    await signInAs(f.organisationId, parentUser);
    const user = await getCurrentUser();
    expect(await loadDiaryVisit(user!, f.students[0])).toMatchObject({ since: null, marks: 0 });
    expect(await seen(f.students[0])).toEqual([]);
  });

  it("POST records the parent's view of their own child; a second one within the visit keeps «since»", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: NOW });
    await signInAs(f.organisationId, parentUser);
    const first = await post(String(f.students[0]));
    expect(first.status).toBe(204);
    const [row] = await seen(f.students[0]);
    expect(row.lastSeenAt.getTime()).toBe(NOW.getTime());
    vi.setSystemTime(new Date(NOW.getTime() + 60_000));
    expect((await post(String(f.students[0]))).status).toBe(204);
    const [again] = await seen(f.students[0]);
    expect(again.lastSeenAt.getTime()).toBe(NOW.getTime() + 60_000);
    expect(again.sinceAt.getTime()).toBe(row.sinceAt.getTime());
  });

  it("another family's child: 403, nothing written; a bad id: 400 with a Russian message", async () => {
    await signInAs(f.organisationId, parentUser);
    const other = await post(String(f.students[1]));
    expect(other.status).toBe(403);
    expect(await seen(f.students[1])).toEqual([]);
    const bad = await post("abc");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toBe("Неверный номер обучающегося");
  });
});
