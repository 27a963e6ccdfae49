// What a request is, for logs and metrics (issue 26): its kind — page, action (a server action
// call), route (a route handler), api (/api/v1), static (build assets and public files) — and
// the route's name: the pattern from the build's manifests ("/journal/[classId]", never the
// path with its ids or query) or, for a server action, "lib/<domain>/actions.ts#<export>".
// Pure apart from `loadRouteTable`, which reads the manifests of a production build once.
import fs from "node:fs";
import path from "node:path";

export type RouteKind = "page" | "action" | "route" | "api" | "static";

type Pattern = { name: string; kind: "page" | "route"; regex: RegExp };

export type RouteTable = {
  /** Exact paths first (as Next.js matches them), then the dynamic patterns in the build's order. */
  patterns: Pattern[];
  /** Server action ids → "file#export". */
  actions: Map<string, string>;
};

export const EMPTY_ROUTES: RouteTable = { patterns: [], actions: new Map() };

type ManifestRoute = { page: string; regex: string };

/** The table from a build's manifests (`.next`); an empty table when there is no build. */
export function loadRouteTable(distDir: string): RouteTable {
  const read = <T>(file: string): T | null => {
    try {
      return JSON.parse(fs.readFileSync(path.join(distDir, file), "utf8")) as T;
    } catch {
      return null;
    }
  };
  const routes = read<{ staticRoutes?: ManifestRoute[]; dynamicRoutes?: ManifestRoute[] }>("routes-manifest.json");
  const appPaths = read<Record<string, string>>("app-path-routes-manifest.json") ?? {};
  const refs = read<{ node?: Record<string, { filename?: string; exportedName?: string }> }>(
    "server/server-reference-manifest.json",
  );
  return buildRouteTable(
    [...(routes?.staticRoutes ?? []), ...(routes?.dynamicRoutes ?? [])],
    appPaths,
    refs?.node ?? {},
  );
}

export function buildRouteTable(
  routes: readonly ManifestRoute[],
  appPaths: Record<string, string>,
  actionRefs: Record<string, { filename?: string; exportedName?: string }>,
): RouteTable {
  const handlers = new Set(
    Object.entries(appPaths)
      .filter(([file]) => file.endsWith("/route"))
      .map(([, route]) => route),
  );
  const patterns: Pattern[] = [];
  for (const r of routes) {
    try {
      patterns.push({ name: r.page, kind: handlers.has(r.page) ? "route" : "page", regex: new RegExp(r.regex) });
    } catch {
      // a pattern this engine cannot compile is simply not named
    }
  }
  const actions = new Map<string, string>();
  for (const [id, ref] of Object.entries(actionRefs)) {
    if (ref.filename && ref.exportedName) actions.set(id, `${ref.filename}#${ref.exportedName}`);
  }
  return { patterns, actions };
}

const STATIC_PREFIXES = ["/_next/static/", "/_next/image", "/favicon", "/sw.js", "/manifest.webmanifest", "/icons/"];

/** Kind and name of a request; `actionId` is the `next-action` header of a POST (server action call). */
export function classifyRequest(
  table: RouteTable,
  method: string,
  rawPath: string,
  actionId: string | undefined,
): { kind: RouteKind; name: string } {
  const pathname = pathOf(rawPath);
  if (method === "POST" && actionId) {
    return { kind: "action", name: table.actions.get(actionId) ?? "unknown-action" };
  }
  if (STATIC_PREFIXES.some((p) => pathname.startsWith(p))) return { kind: "static", name: "static" };
  const hit = table.patterns.find((p) => p.regex.test(pathname));
  const name = hit?.name ?? "unmatched";
  if (pathname === "/api/v1" || pathname.startsWith("/api/v1/")) return { kind: "api", name };
  if (hit) return { kind: hit.kind, name };
  return { kind: pathname.startsWith("/api/") ? "route" : "page", name };
}

function pathOf(raw: string): string {
  const q = raw.search(/[?#]/);
  const p = q < 0 ? raw : raw.slice(0, q);
  return p.startsWith("/") ? p : `/${p}`;
}
