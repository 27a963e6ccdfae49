// The journal grid's frame (issue 22 items 2 and 4): the page's HTML shows each student's name, average,
// forecast and absences from a frame the server computes for the whole class in one pass; it must be
// exactly what the grid's own rows show (studentSummary / studentAbsences per student), windowed
// views with hidden sums included.
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { JournalGrid } from "@/components/journal/journal-grid";
import { gridPayload } from "@/lib/journal/grid-pack";
import {
  absencesByStudent,
  buildGridView,
  marksByStudent,
  studentAbsences,
  studentMarks,
  studentSummary,
  type GridAttendance,
  type GridMark,
  type GridView,
} from "@/lib/journal/grid";
import { gridFrame, rowHead } from "@/lib/journal/grid-frame";
import { firstView } from "@/lib/journal/grid-window";
import { FRAME_HEAD, FRAME_RULES, HEAD_COLUMNS, RowHeadCells } from "@/components/journal/grid-row";
import { d, rows } from "../fixtures/grid-rows";
import { cellsOf } from "../support/grid-cells";

const built = buildGridView(rows(), new Date("2026-11-20T08:00:00Z"), d("2026-11-20"));

/** `n` lessons of one to three assignments, pseudo-random marks of every kind and absences with hours. */
function journal(n: number, seed: number, orgKind: GridView["orgKind"] = "SCHOOL"): GridView {
  let x = seed;
  const next = (k: number) => ((x = (x * 1103515245 + 12345) % 2147483648), Math.floor(x / 65536) % k);
  const kinds: GridMark["kind"][] = ["GRADE", "GRADE", "GRADE", "GRADE", "PASS", "FAIL", "DEBT", "NOT_ATTESTED"];
  const lessons = Array.from({ length: n }, (_, i) => ({
    ...built.lessons[0],
    id: 700 + i,
    hours: 1 + next(2),
    date: new Date(Date.UTC(2026, 8, 1 + i)).toISOString().slice(0, 10),
    assignments: Array.from({ length: 1 + next(3) }, (_, k) => ({
      ...built.lessons[0].assignments[0],
      id: 3000 + i * 3 + k,
      weight: [1, 2, 0.5][next(3)],
    })),
  }));
  const marks: Record<string, GridMark> = {};
  const attendance: Record<string, GridAttendance> = {};
  for (const l of lessons)
    for (const s of built.students) {
      for (const a of l.assignments) {
        if (next(3) === 0) continue;
        const kind = kinds[next(kinds.length)];
        const value = kind === "GRADE" && next(9) > 0 ? 2 + next(4) : null;
        marks[`${a.id}:${s.id}`] = { kind, value, isHospital: next(6) === 0, comment: null, version: 1 };
      }
      if (next(4) === 0)
        attendance[`${l.id}:${s.id}`] = {
          code: (["N", "OP", "B", "UP"] as const)[next(4)],
          missedHours: next(2) ? 0.1 * (1 + next(9)) : null,
          version: 1,
        };
    }
  return {
    ...built,
    orgKind,
    lessons,
    marks: cellsOf(marks),
    attendance: cellsOf(attendance),
    today: lessons[Math.floor(n / 2)].date,
    students: built.students.map((s) => ({ ...s, cells: "o".repeat(n) })),
  };
}

const views = (): [string, GridView][] => [
  ["the fixture", built],
  ["40 lessons", journal(40, 1)],
  ["its first window (hidden sums)", firstView(journal(90, 2))],
  ["a college's window (hours)", firstView(journal(90, 3, "COLLEGE"))],
  ["no lessons", { ...built, lessons: [], marks: new Map(), attendance: new Map() }],
];

describe("the grid's frame for the page's HTML (issue 22 items 2 and 4)", () => {
  it.each(views())("gives every student's marks and absences as the per-student reads do: %s", (_, v) => {
    const marks = marksByStudent(v);
    const absences = absencesByStudent(v);
    for (const s of v.students) {
      expect(marks.get(s.id) ?? []).toEqual(studentMarks(v, s.id));
      expect(absences.get(s.id) ?? { count: 0, hours: 0 }).toEqual(studentAbsences(v, s.id));
    }
  });

  it.each(views())("shows exactly the grid rows' head cells: %s", (_, v) => {
    const frame = gridFrame(v);
    expect(frame.rows).toEqual(
      v.students.map((s) => rowHead(v.orgKind, s, studentSummary(v, s.id), studentAbsences(v, s.id))),
    );
    expect(frame.hidden).toEqual(v.hidden ? { before: v.hidden.before, after: v.hidden.after } : null);
    expect(frame.noLessons).toBe(v.lessons.length === 0);
  });

  it("writes the average, the forecast, the absences and the left / joined marks as the grid shows them", () => {
    const frame = gridFrame(built);
    const byName = new Map(frame.rows.map((r) => [r[0], r]));
    // Борисов: (5·2 + 2·1) / 3 = 4 — three more «5» reach «5»
    expect(byName.get("Борисов Антон")).toEqual(["Борисов Антон", false, false, "4,00", false, "До «5»: 3 × «5»", ""]);
    // Алексеева: admitted on 16.11, one absence
    expect(byName.get("Алексеева Вера")).toMatchObject({ 2: true, 6: "1" });
    expect(frame).toMatchObject({ className: "7А", subjectName: "Алгебра", method: "WEIGHTED", orgKind: "SCHOOL" });
  });

  it("is what the page's HTML shows, drawn without unpacking the view", () => {
    const v = firstView(journal(90, 4));
    const frame = gridFrame(v);
    const props = { frame, canEdit: true, lessonOnly: null, periodLabel: "2 четверть" };
    const html = renderToStaticMarkup(h(JournalGrid, { ...props, view: gridPayload(v) }));
    // the server render never reads the packed view: an unreadable one gives the same HTML
    expect(renderToStaticMarkup(h(JournalGrid, { ...props, view: { packed: "not JSON" } }))).toBe(html);
    for (const [i, [name, , , average, , , absences]] of frame.rows.entries()) {
      expect(html).toContain(`id="jr${i}"`);
      expect(html).toContain(`>${name}<`);
      expect(html).toContain(`>${average}</span>`);
      if (absences) expect(html).toContain(`>${absences}</td></tr>`);
    }
    expect(html).toContain('aria-label="Журнал: 7А, Алгебра, 2 четверть"');
    // no lesson cells before the script runs; the status line offers the hidden lessons
    expect(html).not.toContain('role="gridcell"');
    expect(html).toContain(`Ранее: уроков ${v.hidden!.before}`);
  });

  it("names the head cells' classes once on the table: each short class is exactly a grid row's classes (issue 22 item 4)", () => {
    // FRAME_RULES «[&_.jX]:utility» grouped by short class
    const rules = new Map<string, string[]>();
    for (const rule of FRAME_RULES.split(" ")) {
      const m = /^\[&_\.(j[a-z])\]:(.+)$/.exec(rule);
      expect(m, rule).not.toBeNull();
      rules.set(m![1], [...(rules.get(m![1]) ?? []), m![2]]);
    }
    // an inactive grid row's head cells, as the live grid draws them
    const row = renderToStaticMarkup(
      h("tr", null, h(RowHeadCells, { row: 0, head: ["А", false, false, "4,00", false, null, ""], active: false })),
    );
    const full = [...row.matchAll(/class="([^"]*)"/g)].map((m) => m[1].trim().split(/\s+/)).filter((c) => c.length > 2);
    expect(full).toHaveLength(4);
    FRAME_HEAD.forEach((short, i) => {
      const [shared, own] = short.split(" ");
      expect([...rules.get(shared)!, ...rules.get(own)!].sort()).toEqual([...full[i]].sort());
      expect(rules.get(own)).toEqual(HEAD_COLUMNS[i].split(" "));
    });
  });

  it("writes a row of the page's HTML in a few hundred bytes: the classes are on the table (issue 22 item 4)", () => {
    const v = firstView(journal(90, 5));
    const frame = gridFrame(v);
    const props = { frame, canEdit: true, lessonOnly: null, periodLabel: "2 четверть" };
    const html = renderToStaticMarkup(h(JournalGrid, { ...props, view: gridPayload(v) }));
    const body = html.slice(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
    const names = frame.rows.reduce((n, r) => n + Buffer.byteLength(r[0]) + Buffer.byteLength(r[5] ?? ""), 0);
    // each row: its number, name, forecast, average, absences and ≈ 200 bytes of markup (≈ 650 with the classes per cell)
    expect((Buffer.byteLength(body) - names) / frame.rows.length).toBeLessThan(260);
    expect(body).not.toContain("sticky");
  });
});
