// A second app process for tests/integration/access-cache.test.ts (issue 26 item 4): the app's own
// session check (lib/auth/session-user.ts) and gate (lib/access/authorize.ts) with their in-process
// cache, against DATABASE_URL. One JSON request per stdin line, one JSON answer per stdout line.
import { createInterface } from "node:readline";
import { sessionUser } from "@/lib/auth/session-user";
import { authorize } from "@/lib/access/authorize";
import type { Permission } from "@/lib/access/matrix";
import { disconnectDb } from "@/lib/db";

type Request =
  | { op: "session"; ref: { organisationId: number; userId: number; sessionId: string } }
  | { op: "authorize"; actor: { organisationId: number; id: number }; permission: Permission };

for await (const line of createInterface({ input: process.stdin })) {
  const r = JSON.parse(line) as Request;
  if (r.op === "session") {
    const user = await sessionUser(r.ref, new Date());
    console.log(JSON.stringify({ userId: user?.id ?? null }));
  } else {
    console.log(JSON.stringify({ allowed: (await authorize(r.actor, r.permission)).allowed }));
  }
}
await disconnectDb();
