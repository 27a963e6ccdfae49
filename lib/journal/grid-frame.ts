// The journal grid's frame (issue 22 items 2 and 4): what the page shows before the grid's script runs —
// the students' names, averages (with the forecast as a title) and absences. The server computes it
// for the whole class in one pass (grid.ts marksByStudent, absencesByStudent) and sends it beside the
// packed view, so that rendering the page's HTML does not unpack the view or draw the grid's rows;
// the client draws the same head cells of each row from the same rowHead. Pure.
import { formatAverage } from "./averages";
import { absencesByStudent, marksByStudent, summaryOf, type GridHidden, type GridStudent, type GridView } from "./grid";

/** A row's head: [name, left, joined late, average as shown, at risk, the forecast's title or null, absences as shown]. */
export type RowHead = [string, boolean, boolean, string, boolean, string | null, string];

export type GridFrame = {
  className: string;
  subjectName: string;
  method: GridView["method"];
  orgKind: GridView["orgKind"];
  rows: RowHead[];
  /** The period's lessons not loaded before / after the window (the status line's buttons). */
  hidden: Pick<GridHidden, "before" | "after"> | null;
  noLessons: boolean;
};

/** The head of a student's row from the student's summary (grid.ts summaryOf) and absences. */
export function rowHead(
  orgKind: GridView["orgKind"],
  s: Pick<GridStudent, "name" | "left" | "joinedLate">,
  summary: ReturnType<typeof summaryOf>,
  absences: { count: number; hours: number },
): RowHead {
  const { next, needed } = summary.forecast;
  const title =
    next && needed[0]?.count
      ? `До «${next}»: ${needed.map((n) => `${n.count ?? "—"} × «${n.value}»`).join(" или ")}`
      : null;
  const missed = orgKind === "COLLEGE" ? absences.hours : absences.count;
  return [
    s.name,
    s.left,
    s.joinedLate,
    formatAverage(summary.average),
    summary.forecast.atRisk,
    title,
    missed ? String(missed) : "",
  ];
}

export function gridFrame(view: GridView): GridFrame {
  const marks = marksByStudent(view);
  const absences = absencesByStudent(view);
  const { className, subjectName, method, orgKind } = view;
  return {
    className,
    subjectName,
    method,
    orgKind,
    rows: view.students.map((s) =>
      rowHead(
        view.orgKind,
        s,
        summaryOf(view, s.id, marks.get(s.id) ?? []),
        absences.get(s.id) ?? { count: 0, hours: 0 },
      ),
    ),
    hidden: view.hidden ? { before: view.hidden.before, after: view.hidden.after } : null,
    noLessons: view.lessons.length === 0,
  };
}
