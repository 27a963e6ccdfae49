// «Итоги успеваемости по предмету» over a school (PRN-7, JRN-10): a first grade is taught without marks,
// so it has no finals and no row — found by walking a deputy's period end (1А and 1Б listed with 0 finals).
import { beforeAll, describe, expect, it } from "vitest";
import { buildModel } from "@/lib/reports/build";
import type { ReportRequest } from "@/lib/reports/schema";
import { addFinal, createJournalFixture, NOW, type JournalFixture } from "./journal-fixture";

let f: JournalFixture;

beforeAll(async () => {
  f = await createJournalFixture({ students: 2 });
  await addFinal(f, f.students[0], "PERIOD");
});

describe("subject-progress over a school leaves its first grade out (JRN-10)", () => {
  it("7А's row with its final; no row of 1А, whose algebra is taught without marks", async () => {
    const m = (await buildModel(
      f.organisationId,
      { report: "subject-progress", periodId: f.q2, subjectId: f.subjectId, format: "pdf" } as ReportRequest,
      NOW,
    ))!;
    const names = m.rows.map((r) => r[0]);
    expect(names).toEqual(["7А"]);
  });
});
