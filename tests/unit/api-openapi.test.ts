// API-3: the OpenAPI document lists every route of app/api/v1 (read from the file system, with
// its HTTP methods), validates as OpenAPI 3.1, and its schemas come from the routes' zod schemas.
// API-2: the token format and the read-only rule.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import SwaggerParser from "@apidevtools/swagger-parser";
import { openApiDocument, OPERATIONS } from "@/lib/api/openapi";
import { bearerOf, hashApiToken, newApiToken, parseApiToken, scopeAllows } from "@/lib/api/token";
import { diaryWeekSchema } from "@/lib/api/schema";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/rules";

const ROOT = path.resolve(__dirname, "../../app/api/v1");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routeFiles(path.join(dir, e.name)) : e.name === "route.ts" ? [path.join(dir, e.name)] : [],
  );
}

function routesOnDisk(): { path: string; methods: string[] }[] {
  return routeFiles(ROOT).map((file) => {
    const rel = path
      .relative(ROOT, path.dirname(file))
      .split(path.sep)
      .map((s) => s.replace(/^\[(\w+)\]$/, "{$1}"));
    const source = readFileSync(file, "utf8");
    const methods = [...source.matchAll(/export (?:const|(?:async )?function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map(
      (m) => m[1].toLowerCase(),
    );
    return { path: ["/api/v1", ...rel].join("/"), methods };
  });
}

describe("the OpenAPI document (API-3)", () => {
  const doc = openApiDocument();

  it("lists every route file of app/api/v1 with each of its methods, and nothing else", () => {
    const disk = routesOnDisk();
    expect(disk.length).toBeGreaterThanOrEqual(15);
    for (const r of disk) {
      expect(r.methods.length, r.path).toBeGreaterThan(0);
      for (const m of r.methods) expect(doc.paths[r.path]?.[m], `${m.toUpperCase()} ${r.path}`).toBeDefined();
    }
    const documented = OPERATIONS.map((o) => `${o.method} ${o.path}`).sort();
    expect(documented).toEqual(disk.flatMap((r) => r.methods.map((m) => `${m} ${r.path}`)).sort());
  });

  it("validates as OpenAPI 3.1", async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
    expect(doc.openapi).toBe("3.1.0");
  });

  it("documents every webhook event with its signed envelope and payload (REG-4)", () => {
    const hooks = (doc as { webhooks: Record<string, { post: Record<string, unknown> }> }).webhooks;
    expect(Object.keys(hooks).sort()).toEqual([...WEBHOOK_EVENTS].sort());
    const mark = hooks["mark.created"].post as {
      parameters: { name: string }[];
      requestBody: { content: { "application/json": { schema: { properties: Record<string, unknown> } } } };
    };
    expect(mark.parameters.map((p) => p.name)).toContain("X-Journal-Signature");
    const data = mark.requestBody.content["application/json"].schema.properties.data as { required: string[] };
    expect(data.required).toEqual(expect.arrayContaining(["lessonId", "studentId", "mark"]));
  });

  it("still builds when a server bundle loads the schema modules a second time", async () => {
    vi.resetModules();
    const again = await import("@/lib/api/openapi");
    expect(Object.keys(again.openApiDocument().components.schemas)).toEqual(
      Object.keys(openApiDocument().components.schemas),
    );
  });

  it("describes responses by the zod schemas the routes use", () => {
    const schema = doc.components.schemas.DiaryWeek as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(diaryWeekSchema.shape).sort());
    const op = doc.paths["/api/v1/students/{studentId}/diary"].get as {
      responses: Record<string, { content: Record<string, { schema: unknown }> }>;
    };
    expect(op.responses["200"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/DiaryWeek" });
  });
});

describe("personal access tokens (API-2)", () => {
  it("carry the organisation and 256 random bits; only the hash is comparable", () => {
    const t = newApiToken(42);
    expect(t).toMatch(/^ejt_42_[A-Za-z0-9_-]{43}$/);
    expect(parseApiToken(t)).toEqual({ organisationId: 42 });
    expect(newApiToken(42)).not.toBe(t);
    expect(hashApiToken(t)).toMatch(/^[0-9a-f]{64}$/);
    expect(parseApiToken("ejt_0_" + "a".repeat(43))).toBeNull();
    expect(parseApiToken("ejt_99999999999_" + "a".repeat(43))).toBeNull();
    expect(parseApiToken(t + "x")).toBeNull();
  });

  it("read the bearer credential strictly", () => {
    expect(bearerOf(null)).toBeUndefined();
    expect(bearerOf("Bearer abc")).toBe("abc");
    expect(bearerOf("bearer  abc ")).toBe("abc");
    expect(bearerOf("Basic abc")).toBeNull();
    expect(bearerOf("Bearer a b")).toBeNull();
  });

  it("let a read-only token read but not write", () => {
    expect(scopeAllows("read", false)).toBe(true);
    expect(scopeAllows("read", true)).toBe(false);
    expect(scopeAllows("write", true)).toBe(true);
  });
});
