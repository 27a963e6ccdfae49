// The documents store (LRN-3), the resources catalogue (LRN-4) and the materials library (LRN-2)
// through their real actions, pages and routes with a signed-in session: a new version keeps the
// old one downloadable by those allowed; a parent cannot open a staff-only document (403) but reads
// the journal's regulation from the footer's link; resources per role; materials placed by scope
// and seen by a family for its own class only.
import { mondayOf } from "@/lib/org/time";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { ROLES } from "@/lib/access/roles";
import { addVersionAction, createDocumentAction } from "@/lib/documents/actions";
import { createMaterialAction, attachMaterialAction } from "@/lib/learning/materials/actions";
import { saveResourceAction } from "@/lib/resources/actions";
import { loadResources } from "@/lib/resources/loaders";
import { loadDocuments } from "@/lib/documents/loaders";
import { diaryWeek } from "@/lib/diary/data";
import { getCurrentUser } from "@/lib/auth/session";
import * as versionRoute from "@/app/api/documents/versions/[id]/route";
import * as materialRoute from "@/app/api/materials/[id]/route";
import DocumentPage from "@/app/(app)/documents/[documentId]/page";
import RegulationPage from "@/app/(app)/documents/regulation/page";
import MaterialsPage from "@/app/(app)/materials/page";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";
import { changedTables, dbDigest } from "../support/db-digest";
import { interruptOf, signInAs } from "../support/session-harness";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

let f: AccessFixture;

const form = (fields: Record<string, string | string[]>, file?: File) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) fd.append(k, x);
  if (file) fd.append("file", file);
  return fd;
};
const pdf = (text: string, name = "prikaz.pdf") => new File([`%PDF-1.4 ${text}`], name, { type: "application/pdf" });

async function download(id: number): Promise<{ status: number; text: string }> {
  const res = await versionRoute.GET(new Request("http://localhost/x"), {
    params: Promise.resolve({ id: String(id) }),
  });
  return { status: res.status, text: await res.text() };
}

async function open(page: (p: never) => Promise<unknown>, params: Record<string, string> = {}) {
  try {
    await page({ params: Promise.resolve(params), searchParams: Promise.resolve({}) } as never);
    return "render";
  } catch (e) {
    const i = interruptOf(e);
    if (!i) throw e;
    return i.kind === "redirect" ? `redirect:${i.to}` : i.kind;
  }
}

beforeAll(async () => {
  process.env.FILES_DIR = await mkdtemp(path.join(tmpdir(), "ej-docs-"));
  f = await createAccessFixture();
});

describe("documents (LRN-3)", () => {
  let staffDoc = 0;
  let regulation = 0;

  it("a new version keeps the old one downloadable by those allowed", async () => {
    await signInAs(f.organisationId, f.users.SECRETARY);
    const staffOnly = ROLES.filter((r) => r !== "STUDENT" && r !== "PARENT");
    const created = await createDocumentAction(
      null,
      form(
        {
          title: "Приказ о внутреннем распорядке",
          category: "ORDER",
          number: "15-о",
          date: "2026-09-01",
          visibleTo: staffOnly,
        },
        pdf("редакция 1"),
      ),
    );
    expect(created).toMatchObject({ ok: true });
    staffDoc = (created as { data: { documentId: number } }).data.documentId;
    const second = await addVersionAction(
      null,
      form({ documentId: String(staffDoc), note: "Новый режим" }, pdf("редакция 2")),
    );
    expect(second).toMatchObject({ ok: true, data: { message: "Загружена редакция 2; прежние сохранены" } });
    const versions = await db.documentVersion.findMany({
      where: { organisationId: f.organisationId, documentId: staffDoc },
      orderBy: { version: "asc" },
    });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    await signInAs(f.organisationId, f.users.TEACHER);
    expect(await download(versions[0].id)).toEqual({ status: 200, text: "%PDF-1.4 редакция 1" });
    expect(await download(versions[1].id)).toEqual({ status: 200, text: "%PDF-1.4 редакция 2" });
  });

  it("a parent cannot see a staff-only document (403), in the list or by its id", async () => {
    await signInAs(f.organisationId, f.users.PARENT);
    const versions = await db.documentVersion.findMany({
      where: { organisationId: f.organisationId, documentId: staffDoc },
    });
    for (const v of versions) {
      const r = await download(v.id);
      expect(r.status).toBe(403);
      expect(JSON.parse(r.text)).toMatchObject({ ok: false, message: "Нет доступа" });
    }
    expect(await open(DocumentPage, { documentId: String(staffDoc) })).toBe("forbidden");
    expect((await loadDocuments((await getCurrentUser())!, {})).items).toEqual([]);
    // A role without docs.view whose role the list names is still refused unless it is a family's.
    await signInAs(f.organisationId, f.users.STUDENT);
    expect(await open(DocumentPage, { documentId: String(staffDoc) })).toBe("forbidden");
  });

  it("the journal's regulation, visible to families, is reached from the footer's link by a parent", async () => {
    await signInAs(f.organisationId, f.users.PARENT);
    expect(await open(RegulationPage)).toBe("render"); // none marked yet: the page says so
    await signInAs(f.organisationId, f.users.DEPUTY);
    const r = await createDocumentAction(
      null,
      form(
        {
          title: "Положение об электронном журнале",
          category: "REGULATION",
          journalRegulation: "on",
          visibleTo: ["ADMIN", "TEACHER", "STUDENT", "PARENT"],
        },
        pdf("положение"),
      ),
    );
    regulation = (r as { data: { documentId: number } }).data.documentId;
    await signInAs(f.organisationId, f.users.PARENT);
    expect(await open(RegulationPage)).toBe(`redirect:/documents/${regulation}`);
    expect(await open(DocumentPage, { documentId: String(regulation) })).toBe("render");
    const v = await db.documentVersion.findFirstOrThrow({
      where: { organisationId: f.organisationId, documentId: regulation },
    });
    expect((await download(v.id)).status).toBe(200);
    // A role left off the list (MEDIC holds docs.view) is refused.
    await signInAs(f.organisationId, f.users.MEDIC);
    expect((await download(v.id)).status).toBe(403);
    expect(await open(RegulationPage)).toBe("forbidden");
  });

  it("only docs.edit adds documents and versions; a refused upload writes nothing", async () => {
    const before = await dbDigest();
    for (const column of ["TEACHER", "PARENT", "DIRECTOR"] as const) {
      await signInAs(f.organisationId, f.users[column]);
      expect(await createDocumentAction(null, form({ title: "x", category: "ORDER" }, pdf("x")))).toMatchObject({
        code: "FORBIDDEN",
      });
      expect(await addVersionAction(null, form({ documentId: String(staffDoc) }, pdf("x")))).toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await signInAs(f.organisationId, f.users.ADMIN);
    const exe = new File(["MZ"], "virus.exe", { type: "application/x-msdownload" });
    expect(await addVersionAction(null, form({ documentId: String(staffDoc) }, exe))).toMatchObject({
      code: "INVALID_INPUT",
    });
    expect(await createDocumentAction(null, form({ title: "", category: "ORDER" }, pdf("x")))).toMatchObject({
      code: "INVALID_INPUT",
    });
    expect(changedTables(before, await dbDigest())).toEqual([]);
  });
});

describe("school resources (LRN-4)", () => {
  it("each role sees the resources whose list names it; only resources.edit changes the catalogue", async () => {
    await signInAs(f.organisationId, f.users.SECRETARY);
    expect(
      await saveResourceAction(
        null,
        form({
          title: "Учи.ру",
          url: "https://uchi.ru",
          category: "Платформы",
          visibleTo: ["STUDENT", "PARENT", "TEACHER"],
        }),
      ),
    ).toMatchObject({ ok: true });
    expect(
      await saveResourceAction(
        null,
        form({ title: "Методический кабинет", category: "Для учителей", visibleTo: ["TEACHER"] }),
      ),
    ).toMatchObject({ ok: true });
    expect(
      await saveResourceAction(null, form({ title: "Плохая", url: "javascript:alert(1)", visibleTo: ["PARENT"] })),
    ).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    const titles = async (column: keyof AccessFixture["users"]) => {
      await signInAs(f.organisationId, f.users[column]);
      const user = (await getCurrentUser())!;
      return (await loadResources(user)).groups.flatMap((g) => g.items.map((i) => i.title)).sort();
    };
    expect(await titles("PARENT")).toEqual(["Учи.ру"]);
    expect(await titles("TEACHER")).toEqual(["Методический кабинет", "Учи.ру"]);
    expect(await titles("STAFF")).toEqual([]);
    expect(await titles("SECRETARY")).toEqual(["Методический кабинет", "Учи.ру"]);
    await signInAs(f.organisationId, f.users.TEACHER);
    expect(await saveResourceAction(null, form({ title: "x", visibleTo: ["TEACHER"] }))).toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("learning materials (LRN-2)", () => {
  it("a teacher places materials for the subjects and classes they teach only; a family sees its own class's", async () => {
    await signInAs(f.organisationId, f.users.TEACHER);
    const mine = await createMaterialAction(
      null,
      form(
        {
          title: "Дроби: памятка",
          subjectId: String(f.subject),
          classId: String(f.classA),
          grade: "",
          topic: "Дроби",
          kind: "FILE",
        },
        pdf("дроби", "drobi.pdf"),
      ),
    );
    expect(mine).toMatchObject({ ok: true });
    const notMine = await createMaterialAction(
      null,
      form({
        title: "Чужой класс",
        subjectId: String(f.subject),
        classId: String(f.classB),
        grade: "",
        kind: "LINK",
        url: "https://example.org",
      }),
    );
    expect(notMine).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await signInAs(f.organisationId, f.users.DEPUTY);
    expect(
      await createMaterialAction(
        null,
        form({
          title: "Для 5Б",
          subjectId: String(f.subject),
          classId: String(f.classB),
          grade: "",
          kind: "LINK",
          url: "https://example.org/5b",
        }),
      ),
    ).toMatchObject({ ok: true });
    const ids = Object.fromEntries(
      (await db.material.findMany({ where: { organisationId: f.organisationId } })).map((m) => [m.title, m.id]),
    );
    // The parent's child is in 5А: the 5А material downloads, the 5Б one does not exist for them.
    await signInAs(f.organisationId, f.users.PARENT);
    const got = await materialRoute.GET(new Request("http://localhost/x"), {
      params: Promise.resolve({ id: String(ids["Дроби: памятка"]) }),
    });
    expect(got.status).toBe(200);
    expect(await got.text()).toBe("%PDF-1.4 дроби");
    const other = await materialRoute.GET(new Request("http://localhost/x"), {
      params: Promise.resolve({ id: String(ids["Для 5Б"]) }),
    });
    expect(other.status).toBe(404);
    expect(await open(MaterialsPage)).toBe("render");
    // A role without materials.view (STAFF) is refused the library.
    await signInAs(f.organisationId, f.users.STAFF);
    expect(await open(MaterialsPage)).toBe("forbidden");
    // Attaching needs journal edit on the lesson: the teacher of 5А, not the class teacher.
    const attachMemo = () =>
      attachMaterialAction(
        null,
        form({
          target: "lesson",
          targetId: String(f.lessonA),
          materialId: String(ids["Дроби: памятка"]),
          intent: "attach",
        }),
      );
    await signInAs(f.organisationId, f.users.CLASS_TEACHER);
    const refused = await attachMemo();
    expect(refused).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await signInAs(f.organisationId, f.users.TEACHER);
    const attached = await attachMemo();
    expect(attached).toMatchObject({ ok: true });
    expect(await db.lessonMaterial.count({ where: { organisationId: f.organisationId, lessonId: f.lessonA } })).toBe(1);
    // The lesson shows it in the diary of its class.
    const lesson = await db.lesson.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: f.organisationId, id: f.lessonA } },
    });
    const week = await diaryWeek(f.organisationId, f.studentA, mondayOf(lesson.date));
    expect(week.lessons.find((l) => l.id === f.lessonA)!.materials.map((m) => m.title)).toEqual(["Дроби: памятка"]);
  });
});
