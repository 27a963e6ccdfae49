// The grid's cells (lib/journal/grid.ts GridCells: by column id, then student id) from and to the
// "column:student" keys the grid tests' fixtures are written with.
import { putCell, type GridCells } from "@/lib/journal/grid";

/** GridCells of cells keyed `${assignmentId or lessonId}:${studentId}`. */
export function cellsOf<T>(keyed: Record<string, T>): GridCells<T> {
  const cells: GridCells<T> = new Map();
  for (const [key, value] of Object.entries(keyed)) {
    const [columnId, studentId] = key.split(":").map(Number);
    putCell(cells, columnId, studentId, value);
  }
  return cells;
}

/** The cells keyed `${columnId}:${studentId}` (as the view held them before issue 22 item 2). */
export function keyedCells<T>(cells: GridCells<T>): Record<string, T> {
  const keyed: Record<string, T> = {};
  for (const [columnId, column] of cells)
    for (const [studentId, value] of column) keyed[`${columnId}:${studentId}`] = value;
  return keyed;
}
