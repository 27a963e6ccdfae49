// RPT-9 «Итоговые данные по обучающимся»: the roll's movement over a period, by hand.
import { describe, expect, it } from "vitest";
import { contingentFigures, type Stay } from "@/lib/reports/contingent-rules";

const d = (s: string) => new Date(`${s}T00:00:00.000Z`);
const stay = (studentId: number, start: string, end: string | null, sex: Stay["sex"] = "MALE"): Stay => ({
  classId: 1,
  studentId,
  start: d(start),
  end: end ? d(end) : null,
  sex,
});
const FROM = d("2026-11-05");
const TO = d("2026-12-28");

describe("contingentFigures (RPT-9)", () => {
  it("counts the roll at the start and the end, arrivals and departures, boys and girls at the end", () => {
    const stays = [
      stay(1, "2026-09-01", null, "MALE"), // all period
      stay(2, "2026-09-01", "2026-11-20", "FEMALE"), // left mid-period
      stay(3, "2026-11-21", null, "FEMALE"), // arrived mid-period
      stay(4, "2026-11-10", "2026-11-30"), // came and went inside the period
      stay(5, "2026-09-01", "2026-12-28", "FEMALE"), // last day = the period's last day: still at the end
      stay(6, "2026-09-01", "2026-11-04"), // left before the period: not counted
      stay(7, "2026-12-29", null), // arrives after: not counted
      stay(8, "2026-11-05", null, null), // first day = the period's first day: at the start
    ];
    expect(contingentFigures(stays, FROM, TO)).toEqual({
      atStart: 4,
      arrived: 2,
      transferredIn: 0,
      left: 2,
      transferredOut: 0,
      atEnd: 4,
      boysAtEnd: 1,
      girlsAtEnd: 2,
    });
  });

  it("balances: at start + arrived − left = at end", () => {
    const stays = [
      stay(1, "2026-09-01", "2026-11-05"),
      stay(2, "2026-12-28", null),
      stay(3, "2026-11-06", "2026-11-06"),
    ];
    const f = contingentFigures(stays, FROM, TO);
    expect(f).toMatchObject({ atStart: 1, arrived: 2, left: 2, atEnd: 1 });
    expect(f.atStart + f.arrived - f.left).toBe(f.atEnd);
  });

  it("is all zeros for no stays", () => {
    expect(contingentFigures([], FROM, TO)).toEqual({
      atStart: 0,
      arrived: 0,
      transferredIn: 0,
      left: 0,
      transferredOut: 0,
      atEnd: 0,
      boysAtEnd: 0,
      girlsAtEnd: 0,
    });
  });

  it("shows a transfer between classes apart from arrivals and departures (RPT-9, issue 18)", () => {
    const other = (studentId: number, start: string, end: string | null): Stay => ({
      ...stay(studentId, start, end),
      classId: 2,
    });
    const here = [
      stay(1, "2026-09-01", "2026-11-15"),
      stay(2, "2026-11-20", null),
      stay(3, "2026-09-01", "2026-11-30"),
    ];
    const all = [
      ...here,
      other(1, "2026-11-16", null),
      other(2, "2026-09-01", "2026-11-19"),
      other(4, "2026-09-01", null),
    ];
    // 1 went to class 2, 2 came from class 2, 3 left the organisation.
    expect(contingentFigures(here, FROM, TO, all)).toMatchObject({
      atStart: 2,
      arrived: 0,
      transferredIn: 1,
      left: 1,
      transferredOut: 1,
      atEnd: 1,
    });
    // Both classes together: the transfers cancel out, nobody arrived.
    const f = contingentFigures(all, FROM, TO, all);
    expect(f).toMatchObject({ arrived: 0, left: 1, transferredIn: 2, transferredOut: 2 });
    expect(f.atStart + f.arrived + f.transferredIn - f.left - f.transferredOut).toBe(f.atEnd);
  });

  it("counts a new stay in the same class the next day (change of form) as no movement", () => {
    const stays = [stay(1, "2026-09-01", "2026-11-20"), stay(1, "2026-11-21", null)];
    expect(contingentFigures(stays, FROM, TO)).toMatchObject({ atStart: 1, arrived: 0, left: 0, atEnd: 1 });
  });
});
