// «Статистика посещений» (AUTH-5) as the page reads it (issue 22 item 7): the first rows of the
// filtered, Russian-ordered list and the count in ONE statement — the same rows, order and figures
// as the whole list (visitStats, the Excel file's read) filtered by filterVisits and cut.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ROLES } from "@/lib/access/roles";
import { compareRu } from "@/lib/org/collation";
import { visitPage, visitStats, type VisitQuery, type VisitRow } from "@/lib/people/logins/data";
import { filterVisits } from "@/lib/people/logins/schema";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";
import { counted } from "../support/pg-queries";

const TODAY = new Date("2026-11-23T00:00:00.000Z");
const day = (n: number) => new Date(TODAY.getTime() - n * 86_400_000);

let f: AccessFixture;
let ids: number[];

beforeAll(async () => {
  f = await createAccessFixture();
  const o = f.organisationId;
  // Names that test the Russian order, case, «ё», padding, hyphens, namesakes and a missing patronymic.
  const people: Array<[string, string, string | null, ("TEACHER" | "DEPUTY" | "PARENT" | "STUDENT")[], Date | null]> = [
    ["Ёлкина", "Анна", "Сергеевна", ["PARENT"], new Date("2026-11-20T10:00:00Z")],
    ["Елкин", "Борис", null, ["STUDENT"], null],
    ["ежова", "вера", "", ["STUDENT"], null],
    ["Смирнов", "Артём", "Дмитриевич", ["TEACHER", "DEPUTY"], new Date("2026-11-22T07:30:00.123Z")],
    ["Смирнова", "Ольга", "Николаевна", ["PARENT"], null],
    ["  Сорокин ", " Иван", " Ильич ", ["TEACHER"], null],
    ["Иванов-Петров", "Пётр", null, ["PARENT"], new Date("2026-11-01T00:00:00Z")],
    ["Иванов", "Иван", "Иванович", ["STUDENT"], null],
    ["Иванов", "Иван", "Иванович", ["PARENT"], null],
    ["Яковлев", "Яков", null, [], null],
  ];
  ids = [];
  for (const [i, [lastName, firstName, middleName, roles, lastSignInAt]] of people.entries()) {
    const u = await db.user.create({
      data: {
        organisationId: o,
        login: `visit${i}`,
        passwordHash: "-",
        lastName,
        firstName,
        middleName,
        lastSignInAt,
        isActive: i !== 4,
      },
    });
    for (const role of roles) await db.userRole.create({ data: { organisationId: o, userId: u.id, role } });
    ids.push(u.id);
  }
  await db.visit.createMany({
    data: [
      // this week (0–6 days back), the week before (7–13), three weeks back, outside, and tomorrow
      ...[0, 6, 7, 13, 14, 21, 27, 28, 40, -1].map((n, k) => ({
        organisationId: o,
        userId: ids[3],
        day: day(n),
        area: "signin",
        count: k + 1,
      })),
      { organisationId: o, userId: ids[3], day: day(0), area: "journal", count: 5 },
      { organisationId: o, userId: ids[0], day: day(8), area: "signin", count: 2 },
    ],
  });
});

/**
 * The whole list filtered (what the Excel file gives), namesakes in id order as the statement breaks
 * ties; a user's roles in the Role enum's order (ROLES), as the statement lists them (the whole list's
 * relation read leaves their order to PostgreSQL).
 */
async function expected(userIds: readonly number[] | "all", q: VisitQuery): Promise<VisitRow[]> {
  const all = filterVisits(await visitStats(f.organisationId, userIds, TODAY), q);
  return all
    .map((r) => ({ ...r, roles: [...r.roles].sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b)) }))
    .sort((a, b) => compareRu(a.fullName, b.fullName) || a.userId - b.userId);
}
const ROLE_ORDER: readonly string[] = ROLES;

const FILTERS: VisitQuery[] = [
  {},
  { role: "PARENT" },
  { role: "TEACHER" },
  { q: "смирн" },
  { q: "Ё" },
  { q: "е" },
  { q: "иванов-" },
  { never: "1" },
  { q: "С", never: "1", role: "TEACHER" },
  { role: "SECRETARY", q: "zzz" },
];

describe("the visit statistics page's rows (AUTH-5, issue 22 item 7)", () => {
  it("gives the whole filtered list's first rows, order, roles, figures and count", async () => {
    for (const q of FILTERS) {
      const want = await expected("all", q);
      for (const limit of [200, 3]) {
        const got = await visitPage(f.organisationId, "all", TODAY, q, limit);
        expect({ q, limit, rows: got.rows }).toEqual({ q, limit, rows: want.slice(0, limit) });
        expect({ q, total: got.total }).toEqual({ q, total: want.length });
      }
    }
  });

  it("counts the visits per week as the whole list does, tomorrow's and older ones left out", async () => {
    const { rows } = await visitPage(f.organisationId, [ids[3], ids[0]], TODAY, {}, 200);
    const smirnov = rows.find((r) => r.userId === ids[3]);
    expect(smirnov?.weeks).toEqual([1 + 2 + 5, 3 + 4, 5, 6 + 7]);
    expect(rows.find((r) => r.userId === ids[0])?.weeks).toEqual([0, 2, 0, 0]);
    expect(rows).toEqual(await expected([ids[3], ids[0]], {}));
  });

  it("keeps to the given users (a class teacher's families): none gives nothing", async () => {
    const some = [ids[1], ids[7], f.users.PARENT];
    expect((await visitPage(f.organisationId, some, TODAY, {}, 200)).rows).toEqual(await expected(some, {}));
    expect(await visitPage(f.organisationId, [], TODAY, {}, 200)).toEqual({ rows: [], total: 0 });
    // Another organisation's user is never listed, even by id.
    const other = await visitPage(f.otherOrganisationId, some, TODAY, {}, 200);
    expect(other.total).toBe(0);
  });

  it("is one statement whatever the number of users", async () => {
    const { queries } = await counted(() => visitPage(f.organisationId, "all", TODAY, { q: "с" }, 200));
    expect(queries).toHaveLength(1);
  });
});
