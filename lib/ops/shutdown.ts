// Graceful shutdown hooks (issue 26): parts of the app that hold work or connections register
// here — the report worker (stop claiming, finish or return its job), the database pools (close
// last) — and the app server runs them on SIGTERM after it stopped taking requests. The list is
// on globalThis, shared by the app server and the Next.js bundle. No Node imports.

export type ShutdownHook = { name: string; phase: "work" | "pools"; run: (deadline: number) => Promise<void> };

const KEY = Symbol.for("ejournal.shutdown-hooks");
const holder = globalThis as unknown as Record<symbol, Map<string, ShutdownHook> | undefined>;

function hooks(): Map<string, ShutdownHook> {
  return (holder[KEY] ??= new Map());
}

/** Registers (or replaces, by name) a hook; `deadline` is the epoch ms by which it should be done. */
export function onShutdown(hook: ShutdownHook): void {
  hooks().set(hook.name, hook);
}

/** Runs the "work" hooks, then the "pools" hooks; a failing hook does not stop the others. */
export async function runShutdownHooks(deadline: number, report: (name: string, e: unknown) => void): Promise<void> {
  for (const phase of ["work", "pools"] as const) {
    const due = [...hooks().values()].filter((h) => h.phase === phase);
    await Promise.all(due.map((h) => h.run(deadline).catch((e: unknown) => report(h.name, e))));
  }
}

const DRAINING = Symbol.for("ejournal.draining");

/** Marks this process as draining (the app server on SIGTERM): readiness answers 503 from now on. */
export function markDraining(): void {
  (globalThis as unknown as Record<symbol, boolean>)[DRAINING] = true;
}

export function isDraining(): boolean {
  return (globalThis as unknown as Record<symbol, boolean | undefined>)[DRAINING] === true;
}
