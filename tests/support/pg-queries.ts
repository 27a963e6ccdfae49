// The SQL statements a piece of code sends, counted at the PostgreSQL driver (pg.Client#query), so
// BEGIN/COMMIT count too; with the rows each one returned (issue 6 item 10, issue 22 item 4).
import pg from "pg";

export type Captured = { text: string; values: unknown[]; rows: number };

export async function counted<T>(fn: () => Promise<T>): Promise<{ result: T; queries: Captured[] }> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const queries: Captured[] = [];
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    let entry: Captured | null = null;
    if (typeof first === "string") entry = { text: first, values: Array.isArray(second) ? second : [], rows: 0 };
    else if (first && typeof first === "object" && "text" in first) {
      const q = first as { text: string; values?: unknown[] };
      entry = { text: q.text, values: q.values ?? [], rows: 0 };
    }
    if (entry) queries.push(entry);
    const out = original.apply(this, args);
    if (entry && out && typeof (out as Promise<unknown>).then === "function")
      void (out as Promise<{ rows?: unknown[] } | undefined>).then(
        (r) => void (entry.rows = r?.rows?.length ?? 0),
        () => undefined,
      );
    return out;
  };
  try {
    return { result: await fn(), queries };
  } finally {
    proto.query = original;
  }
}
