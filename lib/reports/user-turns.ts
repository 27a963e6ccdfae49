// SEC-5: one user's heavy report requests (the whole organisation, a parallel, a department, the
// printed journal) are answered at most USER_HEAVY_TURNS at a time per process; a further one waits
// for a turn without using the CPU. Twenty parallel downloads by one deputy then take two turns of
// the main thread beside the teachers' journal pages instead of twenty, whether the answer is built,
// shared with a build in flight or the kept file (lib/reports/single-flight.ts).
export const USER_HEAVY_TURNS = 2;

type Turns = { running: number; queue: (() => void)[] };
const byUser = new Map<string, Turns>();

/** Waits for one of the user's turns; the returned function gives it back (once; later calls do nothing). */
export async function takeUserTurn(userKey: string, max: number = USER_HEAVY_TURNS): Promise<() => void> {
  let turns = byUser.get(userKey);
  if (!turns) byUser.set(userKey, (turns = { running: 0, queue: [] }));
  const own = turns;
  if (own.running < max) own.running++;
  else await new Promise<void>((resolve) => own.queue.push(resolve));
  let given = false;
  return () => {
    if (given) return;
    given = true;
    const next = own.queue.shift();
    if (next) next();
    else if (--own.running === 0 && byUser.get(userKey) === own) byUser.delete(userKey);
  };
}

/** The user's turns in use and the requests waiting for one (tests, metrics). */
export function userTurns(userKey: string): { running: number; waiting: number } {
  const turns = byUser.get(userKey);
  return { running: turns?.running ?? 0, waiting: turns?.queue.length ?? 0 };
}
