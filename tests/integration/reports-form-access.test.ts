// The reports form offers nothing the server refuses (issue 18, ACL-1, ACL-3): for every demo role
// with reports, every scope the form offers — each class, parallel / course, department,
// specialty and the whole organisation — is admitted by authorizeReport for the reports over
// many classes (RPT-2, RPT-1 as a ZIP, PRN-6, PRN-7), and the teacher's own forms. The head of a
// department gets her department (the 403 of the issue) and nothing beyond it.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { seedDemo } from "@/prisma/seed/index";
import { db } from "@/lib/db";
import { getCurrentUser } from "@/lib/auth/session";
import { authorizeUserForRoute } from "@/lib/access/guard";
import { authorizeReport } from "@/lib/reports/access";
import { loadReportForm } from "@/lib/reports/loaders";
import { parseReportRequest } from "@/lib/reports/schema";
import { signInAs, signOut } from "../support/session-harness";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

const TODAY = new Date("2026-11-23T12:00:00+04:00");

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!, { today: TODAY });
  await db.user.updateMany({ data: { mustChangePassword: false } });
}, 180_000);

afterEach(() => signOut());

async function as(kind: "SCHOOL" | "COLLEGE", login: string) {
  const u = await db.user.findFirstOrThrow({ where: { login, organisation: { kind } } });
  await signInAs(u.organisationId, u.id);
  const user = (await getCurrentUser())!;
  const access = await authorizeUserForRoute(user, ["reports.admin", "reports.class"]);
  if (!access.ok) throw new Error(`${login}: no reports`);
  return { user, form: await loadReportForm(user, access.scopes, access.permission) };
}

async function verdict(report: string, query: Record<string, string | number | undefined>): Promise<number> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) q.set(k, String(v));
  const parsed = parseReportRequest(report, q);
  if (!parsed.ok) throw new Error(`${report} ${q}: ${parsed.message}`);
  const r = await authorizeReport(parsed.data);
  return r.ok ? 200 : r.response.status;
}

const ROLES: [string, "SCHOOL" | "COLLEGE", string][] = [
  ["ADMIN", "SCHOOL", "admin"],
  ["DIRECTOR", "SCHOOL", "director"],
  ["DEPUTY", "SCHOOL", "zavuch"],
  ["SECRETARY", "SCHOOL", "secretary"],
  ["TEACHER (class teacher of 7А)", "SCHOOL", "teacher"],
  ["HEAD_OF_DEPT", "COLLEGE", "zavotd"],
  ["HEAD_OF_DEPT (the other department)", "COLLEGE", "zavotd2"],
  ["DEPUTY of the college", "COLLEGE", "zavuch"],
  ["TEACHER (curator of ИС-21)", "COLLEGE", "teacher"],
];

describe.each(ROLES)("%s", (_name, kind, login) => {
  it(
    "is admitted for every scope the form offers, in every report over many classes",
    { timeout: 240_000 },
    async () => {
      const { form } = await as(kind, login);
      const options = [
        ...(form.wholeOrganisation ? [""] : []),
        ...form.groups.map((g) => g.value),
        ...form.classes.map((c) => String(c.id)),
      ];
      expect(options.length).toBeGreaterThan(0);
      const periodId = form.currentPeriodId!;
      const range = { from: "2026-10-01", to: "2026-10-31" };
      const refused: string[] = [];
      for (const classId of options) {
        const asks: [string, Record<string, string | number | undefined>][] = [
          ["progress", { classId, periodId, format: "pdf" }],
          ["summary", { classId, periodId, format: "pdf" }],
          ["attendance-groups", { classId, ...range, format: "xlsx" }],
          ["subject-progress", { classId, periodId, subjectId: form.subjects[0]?.id, format: "pdf" }],
        ];
        for (const [report, query] of asks) {
          const status = await verdict(report, query);
          if (status !== 200) refused.push(`${report} ${classId || "вся организация"} → ${status}`);
        }
      }
      expect(refused).toEqual([]);
      // The teacher's own forms, and another teacher's where the form offers the list.
      expect(await verdict("teacher-report", { periodId, format: "pdf" })).toBe(200);
      if (form.teachers?.length)
        expect(await verdict("teacher-report", { periodId, teacherId: form.teachers[0].id, format: "pdf" })).toBe(200);
    },
  );
});

describe("the head of department's scope", () => {
  it("offers her department and its groups, not the whole college, and the server refuses beyond them", async () => {
    const { user, form } = await as("COLLEGE", "zavotd");
    const own = await db.department.findFirstOrThrow({
      where: { organisationId: user.organisationId, headId: user.id },
    });
    const other = await db.department.findFirstOrThrow({
      where: { organisationId: user.organisationId, NOT: { id: own.id } },
    });
    expect(form.wholeOrganisation).toBe(false);
    expect(form.groups.map((g) => g.value)).toContain(`dept:${own.id}`);
    expect(form.groups.map((g) => g.value)).not.toContain(`dept:${other.id}`);
    const periodId = form.currentPeriodId!;
    expect(await verdict("progress", { classId: `dept:${own.id}`, periodId, format: "pdf" })).toBe(200);
    expect(
      await verdict("attendance-groups", { departmentId: own.id, from: "2026-10-01", to: "2026-10-31", format: "pdf" }),
    ).toBe(200);
    expect(await verdict("progress", { classId: `dept:${other.id}`, periodId, format: "pdf" })).toBe(403);
    expect(await verdict("progress", { periodId, format: "pdf" })).toBe(403);
  });
});

describe("a form that needs one class opens on a class with marks (JRN-10)", () => {
  it("the school's deputy: not 1А (no marks in a first grade) but the first class of a later grade", async () => {
    const { form } = await as("SCHOOL", "zavuch");
    expect(form.classes[0]!.grade).toBe(1);
    const picked = form.classes.find((c) => c.id === form.defaultClassId);
    expect(picked?.grade).toBeGreaterThan(1);
    expect(form.classes.filter((c) => c.grade > 1)[0]!.id).toBe(form.defaultClassId);
  });

  it("the college: its first course has marks, so the first group", async () => {
    const { form } = await as("COLLEGE", "zavuch");
    expect(form.defaultClassId).toBe(form.classes[0]!.id);
  });
});
