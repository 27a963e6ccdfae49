import { describe, expect, it } from "vitest";
import { packGridView, unpackGridView } from "@/lib/journal/grid-pack";
import type { GridView } from "@/lib/journal/grid";

function view(): GridView {
  return {
    classId: 1,
    className: "7А",
    subjectId: 2,
    subjectName: "Алгебра",
    subgroupId: null,
    orgKind: "COLLEGE",
    marksAllowed: true,
    homeworkNotProvided: false,
    expected: [],
    passFail: false,
    method: "WEIGHTED",
    scale: { minMark: 2, maxMark: 5, roundingThreshold: 0.5 },
    lockDays: 7,
    today: "2026-11-20",
    closed: null,
    types: [{ id: 1, name: "Ответ на уроке", shortName: "Отв", weight: 1, isControl: false }],
    lessons: [],
    students: [],
    planTopics: [],
    marks: {
      "10:100": { kind: "GRADE", value: 5, isHospital: false, comment: null, version: 1 },
      "10:101": { kind: "GRADE", value: 3, isHospital: true, comment: "устно", version: 4 },
      "11:100": { kind: "DEBT", value: null, isHospital: false, comment: null, version: 2 },
    },
    attendance: {
      "20:100": { code: "N", missedHours: null, version: 1 },
      "20:101": { code: "OP", missedHours: 1.5, version: 3 },
    },
  };
}

describe("grid view packing for the client (issue 10)", () => {
  it("restores every mark and attendance entry exactly", () => {
    const v = view();
    expect(unpackGridView(packGridView(v))).toEqual(v);
  });

  it("sends marks and attendance as tuples, without per-entry keys", () => {
    const packed = packGridView(view());
    expect(packed.marks).toContainEqual([10, 101, "GRADE", 3, 1, "устно", 4]);
    expect(packed.attendance).toContainEqual([20, 101, "OP", 1.5, 3]);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(view()).length);
    expect(JSON.stringify(packed)).not.toContain("isHospital");
  });
});
