// SEC-6 body limits, route naming for logs and metrics, the metrics gate and the log line (issue 26).
import { describe, expect, it } from "vitest";
import { bodyLimits, checkBody, DEFAULT_ACTION_BODY_BYTES, DEFAULT_JSON_BODY_BYTES } from "@/lib/ops/body-limit";
import { LOG_KEYS, logLevel, requestLine, safeError } from "@/lib/ops/log";
import { metricsAccess, metricsAllowed } from "@/lib/ops/metrics-access";
import { buildRouteTable, classifyRequest } from "@/lib/ops/routes";
import { isMalformedCallError } from "@/lib/ops/request-context";
import { migrationsApplied } from "@/lib/ops/health";

describe("body limits (SEC-6)", () => {
  const limits = bodyLimits({});
  it("take 52 MB for a server action (five 10 MB files and the form) and 1 MB for routes and /api/v1", () => {
    expect(limits.action).toBe(DEFAULT_ACTION_BODY_BYTES);
    expect(DEFAULT_ACTION_BODY_BYTES).toBe(52 * 1024 * 1024);
    expect(limits.other).toBe(DEFAULT_JSON_BODY_BYTES);
  });

  it("refuse a declared body over the limit with 413 and a Russian message", () => {
    const v = checkBody(limits, "action", "POST", String(60 * 1024 * 1024), false);
    expect(v).toEqual({
      ok: false,
      status: 413,
      message: expect.stringMatching(/^Запрос слишком большой: не более 52 МБ/),
    });
    expect(checkBody(limits, "api", "POST", String(2 * 1024 * 1024), false)).toMatchObject({ status: 413 });
    expect(checkBody(limits, "action", "POST", String(2 * 1024 * 1024), false)).toEqual({ ok: true });
  });

  it("refuse a write without a length (chunked) with 411, and let bodiless requests through", () => {
    expect(checkBody(limits, "route", "POST", undefined, true)).toMatchObject({ ok: false, status: 411 });
    expect(checkBody(limits, "page", "GET", undefined, false)).toEqual({ ok: true });
    expect(checkBody(limits, "route", "POST", "abc", false)).toMatchObject({ ok: false, status: 411 });
  });

  it("follow MAX_BODY_MB / MAX_JSON_BODY_KB (actions never above the build's own limit) and refuse garbage", () => {
    expect(bodyLimits({ MAX_BODY_MB: "20", MAX_JSON_BODY_KB: "64" })).toEqual({
      action: 20 * 1024 * 1024,
      other: 64 * 1024,
    });
    expect(bodyLimits({ MAX_BODY_MB: "500" }).action).toBe(DEFAULT_ACTION_BODY_BYTES);
    expect(() => bodyLimits({ MAX_BODY_MB: "lots" })).toThrow(/MAX_BODY_MB/);
  });
});

describe("route kinds and names for logs and metrics (issue 26)", () => {
  const table = buildRouteTable(
    [
      { page: "/journal", regex: "^/journal(?:/)?$" },
      { page: "/api/v1/students/[studentId]/marks", regex: "^/api/v1/students/([^/]+?)/marks(?:/)?$" },
      { page: "/api/reports/[report]", regex: "^/api/reports/([^/]+?)(?:/)?$" },
      { page: "/people/students/[studentId]", regex: "^/people/students/([^/]+?)(?:/)?$" },
    ],
    { "/(app)/journal/page": "/journal", "/api/reports/[report]/route": "/api/reports/[report]" },
    { abc123: { filename: "lib/journal/actions.ts", exportedName: "saveMarkAction" } },
  );

  it("names pages, route handlers and /api/v1 by their pattern — never the ids or the query", () => {
    expect(classifyRequest(table, "GET", "/people/students/42?q=Иванов", undefined)).toEqual({
      kind: "page",
      name: "/people/students/[studentId]",
    });
    expect(classifyRequest(table, "GET", "/api/reports/rpt1?classId=3", undefined)).toEqual({
      kind: "route",
      name: "/api/reports/[report]",
    });
    expect(classifyRequest(table, "GET", "/api/v1/students/7/marks", undefined)).toEqual({
      kind: "api",
      name: "/api/v1/students/[studentId]/marks",
    });
  });

  it("names a server action by its module and export, static files as one name, the rest 'unmatched'", () => {
    expect(classifyRequest(table, "POST", "/journal", "abc123")).toEqual({
      kind: "action",
      name: "lib/journal/actions.ts#saveMarkAction",
    });
    expect(classifyRequest(table, "POST", "/journal", "nope")).toEqual({ kind: "action", name: "unknown-action" });
    expect(classifyRequest(table, "GET", "/_next/static/chunks/x.js", undefined)).toEqual({
      kind: "static",
      name: "static",
    });
    expect(classifyRequest(table, "GET", "/no/such/page", undefined)).toEqual({ kind: "page", name: "unmatched" });
  });
});

describe("who may read /api/metrics (issue 26)", () => {
  it("nobody without a setting", () => {
    expect(metricsAllowed(metricsAccess({}), null, "127.0.0.1")).toBe(false);
  });

  it("the bearer of METRICS_TOKEN, not a wrong token", () => {
    const access = metricsAccess({ METRICS_TOKEN: "s3cret-token-0123456789" });
    expect(metricsAllowed(access, "Bearer s3cret-token-0123456789", "203.0.113.9")).toBe(true);
    expect(metricsAllowed(access, "Bearer s3cret-token-012345678X", "203.0.113.9")).toBe(false);
    expect(metricsAllowed(access, null, "203.0.113.9")).toBe(false);
  });

  it("an address in METRICS_ALLOW (addresses and CIDR ranges); a malformed entry is refused", () => {
    const access = metricsAccess({ METRICS_ALLOW: "127.0.0.1, 10.0.0.0/8, ::1" });
    expect(metricsAllowed(access, null, "10.20.30.40")).toBe(true);
    expect(metricsAllowed(access, null, "::1")).toBe(true);
    expect(metricsAllowed(access, null, "192.0.2.1")).toBe(false);
    expect(metricsAllowed(access, null, "unknown")).toBe(false);
    expect(() => metricsAccess({ METRICS_ALLOW: "10.0.0.0/99" })).toThrow(/METRICS_ALLOW/);
    expect(() => metricsAccess({ METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN/);
  });
});

describe("the request's log line (issue 26, NFR-5)", () => {
  it("holds exactly the whitelisted fields — ids, never names, query strings or bodies", () => {
    const line = requestLine({
      reqId: "r-1",
      kind: "page",
      route: "/diary/[studentId]",
      method: "GET",
      status: 200,
      ms: 12.345,
      userId: 5,
      orgId: 1,
      // extra fields a caller might pass are not copied
      ...({ name: "Иванов Иван", password: "demo2026" } as object),
    });
    expect(line).toEqual({
      reqId: "r-1",
      kind: "page",
      route: "/diary/[studentId]",
      method: "GET",
      status: 200,
      ms: 12.3,
      userId: 5,
      orgId: 1,
    });
    expect(Object.keys(line).every((k) => LOG_KEYS.includes(k))).toBe(true);
  });

  it("logs an error by class, code and frames — not its message, which may quote data", () => {
    const e = Object.assign(new Error("Key (login)=(ivanov) already exists"), { code: "23505", detail: "ivanov" });
    const safe = safeError(e);
    expect(safe).toMatchObject({ type: "Error", code: "23505" });
    expect(JSON.stringify(safe)).not.toContain("ivanov");
  });

  it("LOG_LEVEL is checked", () => {
    expect(logLevel(undefined)).toBe("info");
    expect(logLevel("DEBUG")).toBe("debug");
    expect(() => logLevel("loud")).toThrow(/LOG_LEVEL/);
  });
});

describe("malformed server-action calls (SEC-6) and migrations check (issue 26)", () => {
  it("decode errors and argument-shape TypeErrors are malformed calls; other errors are not", () => {
    expect(isMalformedCallError(new TypeError("Cannot read properties of undefined (reading 'get')"))).toBe(true);
    expect(isMalformedCallError(new SyntaxError("Unexpected token g in JSON"))).toBe(true);
    expect(isMalformedCallError(new Error("Unexpected end of form"))).toBe(true);
    expect(isMalformedCallError(new Error("Connection terminated"))).toBe(false);
    expect(isMalformedCallError("boom")).toBe(false);
  });

  it("ready only when every shipped migration is applied", () => {
    expect(migrationsApplied(["a", "b"], ["a", "b", "c"])).toBe(true);
    expect(migrationsApplied(["a", "b"], ["a"])).toBe(false);
    expect(migrationsApplied(null, [])).toBe(true);
  });
});
