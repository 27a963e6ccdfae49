// Two projects: `unit` (tests/unit, pure node) and `integration`
// (tests/integration, each file gets its own PostgreSQL database copied from
// a freshly migrated template on the embedded test server).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// vitest 5 declares Node >= 22.12 and its main process uses a few ES2024
// built-ins that Node 20 lacks (Map.groupBy in the failure report,
// Object.groupBy for snapshots, Promise.withResolvers in watch mode). This
// machine runs Node 20, so these small polyfills are installed here.
type KeyFn<T, K> = (item: T, index: number) => K;

function groupInto<T, K>(items: Iterable<T>, keyFn: KeyFn<T, K>, add: (key: K, item: T) => void): void {
  let i = 0;
  for (const item of items) add(keyFn(item, i++), item);
}

const MapCtor = Map as unknown as { groupBy?: unknown };
if (typeof MapCtor.groupBy !== "function") {
  MapCtor.groupBy = <T, K>(items: Iterable<T>, keyFn: KeyFn<T, K>): Map<K, T[]> => {
    const out = new Map<K, T[]>();
    groupInto(items, keyFn, (k, v) => {
      const list = out.get(k);
      if (list) list.push(v);
      else out.set(k, [v]);
    });
    return out;
  };
}

const ObjectCtor = Object as unknown as { groupBy?: unknown };
if (typeof ObjectCtor.groupBy !== "function") {
  ObjectCtor.groupBy = <T>(items: Iterable<T>, keyFn: KeyFn<T, PropertyKey>): Record<PropertyKey, T[]> => {
    const out: Record<PropertyKey, T[]> = Object.create(null) as Record<PropertyKey, T[]>;
    groupInto(items, keyFn, (k, v) => {
      (out[k] ??= []).push(v);
    });
    return out;
  };
}

const PromiseCtor = Promise as unknown as { withResolvers?: unknown };
if (typeof PromiseCtor.withResolvers !== "function") {
  PromiseCtor.withResolvers = <T>() => {
    let resolve!: (v: T | PromiseLike<T>) => void;
    let reject!: (e?: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: [{ find: /^@\//, replacement: `${root}/` }],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          env: { TZ: "Asia/Vladivostok" },
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/setup-db.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
