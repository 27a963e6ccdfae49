// public: readiness for a load balancer (issue 26, lib/ops/health.ts) — 200 when the node can
// serve, 503 when the database, the migrations, the replica or the files directory fail or the
// process is draining; each check as ok / fail / off, no versions, addresses or personal data.
import { readiness } from "@/lib/ops/health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const ready = await readiness();
  return Response.json(ready, { status: ready.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
