// The SQL statements a piece of code sends, counted at the PostgreSQL driver (pg.Client#query), so
// BEGIN/COMMIT count too; with each one's rows and time (issue 6 item 10, issue 22 item 4; the
// bench's bench/grid-reads.ts uses it as well).
import pg from "pg";

export type Captured = { text: string; values: unknown[]; rows: number; ms: number };
type Result = { rows?: unknown[] } | undefined;

export async function counted<T>(fn: () => Promise<T>): Promise<{ result: T; queries: Captured[] }> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const queries: Captured[] = [];
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    let entry: Captured | null = null;
    if (typeof first === "string") entry = { text: first, values: Array.isArray(second) ? second : [], rows: 0, ms: 0 };
    else if (first && typeof first === "object" && "text" in first) {
      const q = first as { text: string; values?: unknown[] };
      entry = { text: q.text, values: q.values ?? [], rows: 0, ms: 0 };
    }
    if (!entry) return original.apply(this, args);
    const e = entry;
    queries.push(e);
    const t0 = performance.now();
    const done = (r: Result) => Object.assign(e, { ms: performance.now() - t0, rows: r?.rows?.length ?? 0 });
    // pg-pool calls client.query with a callback (nothing comes back); other callers get a promise.
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: unknown, r: Result) => {
        done(r);
        return (last as (err: unknown, r: Result) => unknown)(err, r);
      };
      return original.apply(this, args);
    }
    const out = original.apply(this, args) as Promise<Result> | undefined;
    if (out && typeof out.then === "function") void out.then(done, () => undefined);
    return out;
  };
  try {
    return { result: await fn(), queries };
  } finally {
    proto.query = original;
  }
}
