// API-3: a JSON Schema (from the OpenAPI document) shown as a nested list of fields, server-rendered.
type Json = { [k: string]: unknown };

function refName(schema: Json): string | null {
  return typeof schema.$ref === "string" ? schema.$ref.split("/").pop()! : null;
}

export function typeLabel(schema: Json): string {
  const ref = refName(schema);
  if (ref) return ref;
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Json[]).map(typeLabel).join(" | ");
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map((v) => JSON.stringify(v)).join(" | ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.type === "array") return `${typeLabel((schema.items ?? {}) as Json)}[]`;
  const t = schema.type;
  const base = Array.isArray(t) ? t.join(" | ") : typeof t === "string" ? t : "any";
  return schema.format ? `${base} (${String(schema.format)})` : base;
}

export function SchemaView({ schema, depth = 0 }: { schema: Json; depth?: number }) {
  const target = schema.type === "array" ? ((schema.items ?? {}) as Json) : schema;
  const props = target.properties as Record<string, Json> | undefined;
  if (!props || depth > 4) return null;
  const required = new Set((target.required as string[] | undefined) ?? []);
  return (
    <ul className="ml-4 border-l border-slate-200 pl-3">
      {Object.entries(props).map(([name, p]) => (
        <li key={name} className="py-0.5">
          <code className="font-mono text-slate-900">{name}</code>
          {!required.has(name) && <span className="text-slate-400">?</span>}:{" "}
          <span className="font-mono text-xs text-blue-800">{typeLabel(p)}</span>
          {typeof p.description === "string" && <span className="text-xs text-slate-500"> — {p.description}</span>}
          <SchemaView schema={p} depth={depth + 1} />
        </li>
      ))}
    </ul>
  );
}
