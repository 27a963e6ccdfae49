// DUT-3: what an absence does to each cell of its days, and how an edit or a withdrawal undoes
// exactly that; DUT-4: the dates a parent may give.
import { describe, expect, it } from "vitest";
import {
  applyStep,
  changeReason,
  noticeRangeProblem,
  overlaps,
  rangeText,
  undoStep,
  type CellFacts,
} from "@/lib/absences/rules";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const cell = (over: Partial<CellFacts> = {}): CellFacts => ({ current: null, taken: false, applied: null, ...over });

describe("applying an absence to a lesson (DUT-3)", () => {
  it("sets the reason on a taken «Н» and on another reason, keeping what was there for an undo", () => {
    expect(applyStep(cell({ current: "N", taken: true }), "B")).toEqual({ kind: "set", code: "B", previous: "N" });
    expect(applyStep(cell({ current: "OT", taken: true }), "UP")).toEqual({ kind: "set", code: "UP", previous: "OT" });
  });

  it("marks a lesson whose register was not taken absent", () => {
    expect(applyStep(cell(), "B")).toEqual({ kind: "set", code: "B", previous: null });
  });

  it("never overrides a subject teacher's «present» or «ОП»", () => {
    expect(applyStep(cell({ taken: true }), "B")).toEqual({ kind: "keep", record: false });
    expect(applyStep(cell({ current: "OP", taken: true }), "B")).toEqual({ kind: "keep", record: false });
  });

  it("follows a changed reason only while the cell holds what the absence set", () => {
    const applied = { previousCode: "N" as const, appliedCode: "B" as const };
    expect(applyStep(cell({ current: "B", applied }), "UP")).toEqual({ kind: "set", code: "UP", previous: "N" });
    expect(applyStep(cell({ current: "B", applied }), "B")).toEqual({ kind: "keep", record: true });
    // A teacher changed it since: the absence leaves it and forgets it.
    expect(applyStep(cell({ current: "NP", applied }), "UP")).toEqual({ kind: "keep", record: false });
  });
});

describe("undoing an absence (DUT-3)", () => {
  it("restores the code it replaced, or removes the row it created", () => {
    expect(undoStep(cell({ current: "B", applied: { previousCode: "N", appliedCode: "B" } }))).toEqual({
      kind: "restore",
      code: "N",
    });
    expect(undoStep(cell({ current: "B", applied: { previousCode: null, appliedCode: "B" } }))).toEqual({
      kind: "delete",
    });
  });

  it("turns a created row into «Н» once the teacher has taken the register since", () => {
    expect(undoStep(cell({ current: "B", taken: true, applied: { previousCode: null, appliedCode: "B" } }))).toEqual({
      kind: "restore",
      code: "N",
    });
  });

  it("leaves a cell changed since alone", () => {
    expect(undoStep(cell({ current: null, applied: { previousCode: null, appliedCode: "B" } }))).toEqual({
      kind: "keep",
    });
    expect(undoStep(cell({ current: "B" }))).toEqual({ kind: "keep" });
  });
});

describe("texts and dates (DUT-3, DUT-4)", () => {
  it("names the document in the history", () => {
    expect(
      changeReason(
        { documentKind: "справка медицинской организации", documentNumber: "12", documentDate: day("2026-11-20") },
        "B",
      ),
    ).toBe("Отсутствие по документу: справка медицинской организации № 12 от 20.11.2026 (Б)");
    expect(rangeText(day("2026-11-20"), day("2026-11-20"))).toBe("20.11.2026");
    expect(rangeText(day("2026-11-20"), day("2026-11-23"))).toBe("20.11.2026 — 23.11.2026");
  });

  it("finds overlapping ranges", () => {
    expect(
      overlaps({ from: day("2026-11-20"), to: day("2026-11-22") }, { from: day("2026-11-22"), to: day("2026-11-25") }),
    ).toBe(true);
    expect(
      overlaps({ from: day("2026-11-20"), to: day("2026-11-21") }, { from: day("2026-11-22"), to: day("2026-11-25") }),
    ).toBe(false);
  });

  it("lets a parent tell in advance or up to 14 days back, not more than 60 days ahead", () => {
    const today = day("2026-11-20");
    expect(noticeRangeProblem(day("2026-11-06"), day("2026-11-06"), today)).toBeNull();
    expect(noticeRangeProblem(day("2026-11-05"), day("2026-11-06"), today)).toMatch(/не раньше/);
    expect(noticeRangeProblem(day("2026-11-20"), day("2027-01-19"), today)).toBeNull();
    expect(noticeRangeProblem(day("2026-11-20"), day("2027-01-20"), today)).toMatch(/вперёд/);
  });
});
