import { describe, expect, it } from "vitest";
import {
  anyFinalsWarning,
  currentPeriod,
  finalInputText,
  finalKey,
  finalsWarning,
  mayEditFinal,
  parseFinalInput,
  rollOn,
  warningText,
} from "@/lib/finals/rules";

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const opts = { minMark: 2, maxMark: 5, passFail: false };

describe("typed finals (FIN-3)", () => {
  it("reads marks of the scale and the special values", () => {
    expect(parseFinalInput("5", opts)).toEqual({ ok: true, value: { value: 5, special: null } });
    expect(parseFinalInput(" н/а ", opts)).toEqual({ ok: true, value: { value: null, special: "NOT_ATTESTED" } });
    expect(parseFinalInput("на", opts)).toEqual({ ok: true, value: { value: null, special: "NOT_ATTESTED" } });
    expect(parseFinalInput("осв.", opts)).toEqual({ ok: true, value: { value: null, special: "EXEMPT" } });
    expect(parseFinalInput("", opts)).toEqual({ ok: true, value: null });
  });

  it("refuses values off the scale and pass/fail on a marked subject, in Russian", () => {
    expect(parseFinalInput("6", opts)).toEqual({ ok: false, message: "Отметка должна быть от 2 до 5" });
    expect(parseFinalInput("1", opts).ok).toBe(false);
    expect(parseFinalInput("abc", opts)).toMatchObject({ ok: false, message: expect.stringContaining("Допустимы") });
    expect(parseFinalInput("з", opts)).toMatchObject({ ok: false });
  });

  it("pass/fail subjects take зачёт / незачёт, н/а and осв, not marks", () => {
    const pf = { ...opts, passFail: true };
    expect(parseFinalInput("зачёт", pf)).toEqual({ ok: true, value: { value: null, special: "PASS" } });
    expect(parseFinalInput("нз", pf)).toEqual({ ok: true, value: { value: null, special: "FAIL" } });
    expect(parseFinalInput("осв", pf).ok).toBe(true);
    expect(parseFinalInput("5", pf).ok).toBe(false);
  });

  it("round-trips the input text", () => {
    for (const t of ["5", "н/а", "осв"]) {
      const p = parseFinalInput(t, opts);
      expect(p.ok && finalInputText(p.value)).toBe(t);
    }
    expect(finalInputText({ value: null, special: "PASS" })).toBe("з");
  });
});

describe("who sets a final (FIN-4)", () => {
  it("a teacher sets finals of full-time students only; DEPUTY (editAll) sets all", () => {
    const teacher = { editAll: false, editOwn: true };
    expect(mayEditFinal(teacher, ["FULL_TIME"])).toBe(true);
    expect(mayEditFinal(teacher, ["HOME"])).toBe(false);
    expect(mayEditFinal(teacher, ["FULL_TIME", "FAMILY"])).toBe(false);
    expect(mayEditFinal(teacher, ["PART_TIME"])).toBe(false);
    expect(mayEditFinal({ editAll: true, editOwn: false }, ["HOME"])).toBe(true);
    expect(mayEditFinal({ editAll: false, editOwn: false }, ["FULL_TIME"])).toBe(false);
  });
});

describe("missing finals warning (FIN-4)", () => {
  it("starts three days before the period's end and stays after it", () => {
    const end = d("2026-12-28");
    expect(finalsWarning(end, d("2026-12-24"), 3)).toBeNull();
    expect(finalsWarning(end, d("2026-12-25"), 3)).toBe(3);
    expect(finalsWarning(end, d("2026-12-28"), 3)).toBe(0);
    expect(finalsWarning(end, d("2027-01-05"), 3)).toBe(-8);
    expect(warningText(3, 2)).toBe("Не выставлено итоговых отметок: 2 (до конца периода 3 дн.)");
    expect(warningText(-1, 1)).toContain("период завершён");
  });

  it("picks the period holding today, else the last one over", () => {
    const ps = [
      { id: 1, start: d("2026-09-01"), end: d("2026-10-24") },
      { id: 2, start: d("2026-11-05"), end: d("2026-12-28") },
    ];
    expect(currentPeriod(ps, d("2026-11-20"))?.id).toBe(2);
    expect(currentPeriod(ps, d("2026-10-30"))?.id).toBe(1);
    expect(currentPeriod(ps, d("2026-08-30"))).toBeNull();
  });

  it("counts the roll on a date once per student", () => {
    const stays = [
      { studentId: 1, start: d("2026-09-01"), end: null },
      { studentId: 2, start: d("2026-09-01"), end: d("2026-11-01") },
      { studentId: 3, start: d("2026-09-01"), end: d("2026-10-01") },
      { studentId: 3, start: d("2026-10-02"), end: null },
    ];
    expect(rollOn(stays, d("2026-12-28"))).toBe(2);
  });

  it("keys a final's history per student × class × subject × kind × period", () => {
    expect(finalKey({ studentId: 3, classId: 1, subjectId: 2, kind: "YEAR", periodId: null })).toBe(
      "final:1:2:3:YEAR:year",
    );
  });
});

describe("anyFinalsWarning: the home's gate before the journals' finals are read (FIN-4, DAY-2)", () => {
  const periods = [
    { kind: "QUARTER", start: d("2026-09-01"), end: d("2026-10-24") },
    { kind: "QUARTER", start: d("2026-11-05"), end: d("2026-12-28") },
    { kind: "SEMESTER", start: d("2026-09-01"), end: d("2026-12-30") },
  ];
  it("false inside every kind's period far from its end, and before the first period", () => {
    expect(anyFinalsWarning(periods, d("2026-11-23"), 3)).toBe(false);
    expect(anyFinalsWarning(periods, d("2026-08-25"), 3)).toBe(false);
  });
  it("true from the lead time before a period's end of any kind, and between periods (the last one over)", () => {
    expect(anyFinalsWarning(periods, d("2026-12-25"), 3)).toBe(true);
    expect(anyFinalsWarning(periods, d("2026-12-24"), 3)).toBe(false);
    expect(anyFinalsWarning(periods.slice(2), d("2026-12-27"), 3)).toBe(true);
    expect(anyFinalsWarning(periods.slice(0, 2), d("2026-11-01"), 3)).toBe(true);
  });
});
