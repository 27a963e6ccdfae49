// REC-7 against PostgreSQL: a student with no marks in a period gets «н/а» recommended with the
// reason «нет отметок» on the finals page (the same figure as the diary's forecast), and
// «Подставить рекомендованные» — the page saving each empty cell's proposal — sets it.
import { beforeAll, describe, expect, it } from "vitest";
import { loadFinalsPage } from "@/lib/finals/loaders";
import { saveFinal } from "@/lib/finals/commands";
import { studentMarksView } from "@/lib/diary/marks/loaders";
import { createJournalFixture, currentUser, day, NOW, teacherMark, type JournalFixture } from "./journal-fixture";

let f: JournalFixture;

beforeAll(async () => {
  f = await createJournalFixture({ students: 2 });
  // Student 0 has a mark; student 1 none, though the quarter's lessons were held.
  const r = await teacherMark(f, "2026-11-18", f.students[0], "4");
  expect(r.body.ok).toBe(true);
});

describe("no marks → «н/а» recommended (REC-7)", () => {
  it("proposes «н/а» with the reason «нет отметок», and filling the recommendations sets it", async () => {
    const teacher = currentUser(f, f.users.teacher, ["TEACHER"]);
    const req = { classId: f.classId, subjectId: f.subjectId, periodId: f.q2 };
    const page = await loadFinalsPage(teacher, req, NOW);
    expect(page.kind).toBe("sheet");
    if (page.kind !== "sheet") return;
    const row = (id: number) => page.rows.find((r) => r.studentId === id)!;
    expect([row(f.students[0]).proposalText, row(f.students[0]).outlook.proposalReason]).toEqual(["4", null]);
    expect([row(f.students[1]).proposalText, row(f.students[1]).outlook.proposalReason]).toEqual([
      "н/а",
      "нет отметок",
    ]);
    const diary = await studentMarksView(f.organisationId, f.students[1], day("2026-11-20"), f.q2);
    expect(diary.subjects.find((s) => s.subjectId === f.subjectId)?.outlook.proposal).toEqual({
      value: null,
      special: "NOT_ATTESTED",
    });

    // «Подставить рекомендованные» (components/finals/finals-table.tsx): each editable empty cell gets its proposal.
    for (const r of page.rows.filter((x) => x.canEdit && x.proposalText && !x.left)) {
      const saved = await saveFinal(
        f.actor(f.users.teacher),
        { ...req, studentId: r.studentId, kind: "PERIOD", text: r.proposalText, version: 0 },
        NOW,
      );
      expect(saved).toMatchObject({ ok: true });
    }
    const after = await loadFinalsPage(teacher, req, NOW);
    const label = (id: number) =>
      after.kind === "sheet"
        ? after.rows.find((r) => r.studentId === id)?.cells.find((c) => c.periodId === f.q2)?.label
        : undefined;
    expect([label(f.students[0]), label(f.students[1])]).toEqual(["4", "н/а"]);
  });
});
