// «Описание API» (API-3): the OpenAPI document of /api/v1 rendered on the server — no CDN
// scripts (the CSP forbids them). The raw document is at /api/v1/openapi.json.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { openApiDocument } from "@/lib/api/openapi";
import { ProfileTabs } from "@/components/profile/profile-tabs";
import { SchemaView, typeLabel } from "@/components/api/schema-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Описание API" };

type Json = { [k: string]: unknown };
type Op = {
  summary: string;
  description: string;
  tags: string[];
  parameters: Json[];
  requestBody?: Json;
  responses: Record<string, Json>;
};

export default async function ApiDocsPage() {
  await requireUser();
  const doc = openApiDocument();
  const schemas = doc.components.schemas as Record<string, Json>;
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op: op as Op })),
  );
  const resolve = (s: Json | undefined): Json | undefined =>
    s && typeof s.$ref === "string" ? schemas[s.$ref.split("/").pop()!] : s;
  const jsonOf = (r: Json | undefined) =>
    ((r?.content as Json | undefined)?.["application/json"] as Json | undefined)?.schema as Json | undefined;
  return (
    <div className="space-y-4">
      <ProfileTabs current="/api-docs" />
      <PageHeader title={doc.info.title} />
      <p className="max-w-4xl text-sm text-slate-700">{doc.info.description}</p>
      <p className="text-sm">
        Документ OpenAPI 3.1:{" "}
        <a href="/api/v1/openapi.json" className="font-mono text-blue-700 underline">
          /api/v1/openapi.json
        </a>
        {" · "}
        <Link href="/profile/tokens" className="text-blue-700 underline">
          Токены API
        </Link>
      </p>
      {doc.tags.map(({ name }) => (
        <section key={name} className="space-y-3">
          <h2 className="text-lg font-semibold">{name}</h2>
          {ops
            .filter((o) => o.op.tags.includes(name))
            .map(({ path, method, op }) => {
              const okStatus = Object.keys(op.responses).find((s) => s.startsWith("2"))!;
              const body = resolve(jsonOf(op.requestBody));
              const answer = jsonOf(op.responses[okStatus]);
              return (
                <article
                  key={`${method} ${path}`}
                  id={`${method}-${path}`}
                  className="rounded border border-slate-200 bg-white p-3 text-sm"
                >
                  <h3 className="font-mono">
                    <span className={method === "get" ? "text-green-800" : "text-orange-700"}>
                      {method.toUpperCase()}
                    </span>{" "}
                    {path}
                  </h3>
                  <p>{op.summary}</p>
                  <p className="text-xs text-slate-500">{op.description}</p>
                  {op.parameters.length > 0 && (
                    <ul className="mt-1 text-xs">
                      {op.parameters.map((p) => (
                        <li key={`${p.in}-${p.name}`}>
                          <code className="font-mono">{String(p.name)}</code> (
                          {p.in === "path" ? "в пути" : "в запросе"}
                          {p.required ? ", обязательный" : ""}):{" "}
                          <span className="font-mono text-blue-800">{typeLabel(p.schema as Json)}</span>
                          {typeof p.description === "string" && ` — ${p.description}`}
                        </li>
                      ))}
                    </ul>
                  )}
                  {body && (
                    <div className="mt-1">
                      <span className="text-xs text-slate-500">Тело запроса (JSON):</span>
                      <SchemaView schema={body} />
                    </div>
                  )}
                  {answer && (
                    <div className="mt-1">
                      <span className="text-xs text-slate-500">
                        Ответ {okStatus}: {typeLabel(answer)}
                      </span>
                      <SchemaView schema={resolve(answer) ?? {}} />
                    </div>
                  )}
                </article>
              );
            })}
        </section>
      ))}
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Схемы</h2>
        {Object.entries(schemas).map(([id, schema]) => (
          <div key={id} id={`schema-${id}`} className="rounded border border-slate-200 bg-white p-3 text-sm">
            <h3 className="font-mono font-semibold">{id}</h3>
            {typeof schema.description === "string" && <p className="text-xs text-slate-500">{schema.description}</p>}
            <SchemaView schema={schema} />
          </div>
        ))}
      </section>
    </div>
  );
}
