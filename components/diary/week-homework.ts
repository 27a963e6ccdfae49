// The packed week's homework by id (issue 22 item 5, round 22): a due item at a lesson that was set
// earlier in the same week travels as `[id]` (week-pack.ts packDue) and the board reads its text and
// files here. A module of its own, with no imports, because both the server's packing and the client
// component use it — week-pack.ts's formatting modules stay out of the browser's bundle.
import type { PackedDay, PackedHomework } from "./week-pack";

/** The week's homework by id, from its packed lessons (week-board.tsx reads a due `[id]` from it). */
export function homeworkById(days: readonly PackedDay[]): Map<number, PackedHomework> {
  const out = new Map<number, PackedHomework>();
  for (const day of days) for (const lesson of day[4]) for (const h of lesson[6] ?? []) out.set(h[0], h);
  return out;
}
