// The seeds' bulk insert: column types written once per table, inserts name their columns.
import { describe, expect, it, vi } from "vitest";
import type pg from "pg";
import { bulkInsert } from "@/prisma/seed/bulk";

function fakeClient() {
  const query = vi.fn(async () => ({ rows: [] }));
  return { client: { query } as unknown as pg.ClientBase, query };
}

describe("seed bulkInsert", () => {
  it("types each named column from its table, in the order named", async () => {
    const { client, query } = fakeClient();
    const at = new Date("2025-09-01T08:00:00.000Z");
    await bulkInsert(client, "Attendance", "organisationId lessonId code updatedAt", [[1, 2, "ABSENT", at]]);
    expect(query).toHaveBeenCalledWith(
      'INSERT INTO "Attendance" ("organisationId", "lessonId", "code", "updatedAt") SELECT * FROM ' +
        'unnest($1::int4[], $2::int4[], $3::"AttendanceCode"[], $4::timestamp(3)[])',
      [[1], [2], ["ABSENT"], ["2025-09-01T08:00:00.000Z"]],
    );
  });

  it("refuses a column its table does not list, before any query", async () => {
    const { client, query } = fakeClient();
    await expect(bulkInsert(client, "FinalMark", "organisationId lessonId", [[1, 2]])).rejects.toThrow(
      "bulkInsert: no column FinalMark.lessonId",
    );
    expect(query).not.toHaveBeenCalled();
  });
});
