// `npx tsx bench/grid-js.ts [--runs 8] [--calls 400]` (issue 22 item 2, round 17): the grid page's pure JS after
// its statement — buildGridView, gridFrame and gridPayload — on rows of the bench page's shape (35 students,
// the window's 25 lessons with 51 assignments, 507 marks, ≈ 90 absences; every student with hidden sums), in
// this process: CPU µs per page (process.cpuUsage) in `runs` blocks of `calls`. Uses only what every round
// since 16 exports, so the same file run in an older tree's copy gives its «before» (the runs interleaved by
// hand, one process per tree; bench/cpu-blocks.ts copied beside it). No database.
import { createHash } from "node:crypto";
import { parseArgs } from "node:util";
import { buildGridView, type GridRows } from "@/lib/journal/grid";
import { gridFrame } from "@/lib/journal/grid-frame";
import { gridPayload } from "@/lib/journal/grid-pack";
import { d, rows } from "../tests/fixtures/grid-rows";
import { cpuBlocks } from "./cpu-blocks";

const { values: args } = parseArgs({
  options: { runs: { type: "string", default: "8" }, calls: { type: "string", default: "400" } },
});

/** A deterministic pseudo-random sequence (the same rows in every tree). */
function sequence(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
}

function benchRows(): GridRows {
  const base = rows();
  const next = sequence(17);
  const students = Array.from({ length: 35 }, (_, i) => 5000 + i * 7);
  const lessons = Array.from({ length: 25 }, (_, i) => ({
    ...base.lessons[1],
    id: 700000 + i * 3,
    date: new Date(Date.UTC(2027, 3, 1) + i * 2 * 86_400_000),
  }));
  const assignments = lessons.flatMap((l, i) =>
    Array.from({ length: i % 2 === 0 ? 2 : 2 + (i === 1 ? 1 : 0) }, (_, k) => ({
      ...base.assignments[0],
      id: 900000 + i * 5 + k,
      lessonId: l.id,
      typeId: 1 + ((i + k) % 2),
    })),
  );
  const marks: GridRows["marks"] = [];
  for (const a of assignments)
    for (const s of students)
      if (next(100) < 29 && marks.length < 507)
        marks.push({
          assignmentId: a.id,
          studentId: s,
          kind: next(20) === 0 ? "DEBT" : "GRADE",
          value: 2 + next(4),
          isHospital: next(30) === 0,
          comment: next(40) === 0 ? "устно" : null,
          version: 1 + next(3),
        });
  const attendance: GridRows["attendance"] = [];
  for (const l of lessons)
    for (const s of students)
      if (next(18) === 0) attendance.push({ lessonId: l.id, studentId: s, code: "N", missedHours: null, version: 1 });
  return {
    ...base,
    range: { start: d("2027-01-11"), end: d("2027-05-31"), periodId: 7 },
    lessons,
    memberships: students.map((s, i) => ({
      studentId: s,
      startDate: d("2026-09-01"),
      endDate: null,
      educationForm: "FULL_TIME",
      name: `Ученик${String.fromCharCode(1040 + (i % 32))} ${i}`,
    })),
    subgroupMembers: [],
    assignments,
    marks,
    attendance,
    attendanceTaken: lessons.slice(0, 20).map((l) => l.id),
    finals: [],
    lock: {
      ...base.lock,
      unlocks: [],
      finals: new Map(),
      periods: [{ id: 7, start: d("2027-01-11"), end: d("2027-05-31") }],
    },
  };
}

const r = benchRows();
const hidden = {
  before: 69,
  after: 0,
  sums: Object.fromEntries(
    r.memberships.map((m, i) => [
      m.studentId,
      [`2x${2 + (i % 3)},3x${4 + (i % 5)},4*2x3,5x${6 + (i % 4)},D`, i % 4, 0],
    ]),
  ),
};
const now = new Date("2027-05-25T08:00:00Z");
const today = d("2027-05-25");
let sink = 0;
function page() {
  const view = { ...buildGridView(r, now, today), hidden } as ReturnType<typeof buildGridView>;
  sink += gridFrame(view).rows.length + gridPayload(view).packed.length;
}
const first = { ...buildGridView(r, now, today), hidden } as ReturnType<typeof buildGridView>;
// The same rows give the same frame and payload in every tree (compare this digest between the runs).
const digest = createHash("sha256")
  .update(JSON.stringify(gridFrame(first)) + gridPayload(first).packed)
  .digest("hex")
  .slice(0, 16);
const blocks = cpuBlocks(page, Number(args.runs), Number(args.calls));
console.log(
  `[grid-js] ${r.marks.length} marks, ${r.attendance.length} absences; frame + payload ${digest}; ${blocks} (${sink})`,
);
