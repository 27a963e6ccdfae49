// public: liveness for a load balancer (issue 26) — the process answers; no data, no version.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
