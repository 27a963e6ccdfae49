// public: Prometheus metrics for the operator (issue 26) — behind METRICS_TOKEN or METRICS_ALLOW
// (lib/ops/metrics-access.ts), not a user's permission; counts and durations only, no personal data.
import { clientAddress } from "@/lib/auth/rules";
import { fail } from "@/lib/errors";
import { reportJobCounts } from "@/lib/ops/data";
import { metrics, METRICS_CONTENT_TYPE } from "@/lib/ops/metrics";
import { metricsAccess, metricsAllowed } from "@/lib/ops/metrics-access";

export const dynamic = "force-dynamic";

const JOB_STATUSES = ["QUEUED", "RUNNING", "DONE", "FAILED"] as const;

export async function GET(request: Request): Promise<Response> {
  let access;
  try {
    access = metricsAccess(process.env);
  } catch {
    return Response.json(fail("FORBIDDEN", "Метрики недоступны: проверьте METRICS_TOKEN и METRICS_ALLOW"), {
      status: 403,
    });
  }
  // The app server put the resolved client address (SEC-1) into the request's X-Forwarded-For.
  const address = clientAddress(Object.fromEntries(request.headers));
  if (!metricsAllowed(access, request.headers.get("authorization"), address)) {
    return Response.json(fail("FORBIDDEN"), { status: 403, headers: { "cache-control": "no-store" } });
  }
  const m = metrics();
  try {
    const counts = await reportJobCounts();
    for (const status of JOB_STATUSES) m.jobs.set({ status }, counts[status] ?? 0);
  } catch {
    // the database is down: the job gauge keeps its last values; the rest still answers
  }
  return new Response(await m.registry.metrics(), {
    headers: { "content-type": METRICS_CONTENT_TYPE, "cache-control": "no-store" },
  });
}
