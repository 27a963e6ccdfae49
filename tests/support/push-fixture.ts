// Shared fixtures of the push and diary tests (API-4, DRY-7): a parent's login linked to a student,
// and a local HTTP endpoint standing in for the push service (the one thing outside the product).
import { createServer, type IncomingHttpHeaders } from "node:http";
import { db } from "@/lib/db";

/** A PARENT login (user, role, parent card) linked to `studentId`; returns the user's id. */
export async function addParentLogin(
  organisationId: number,
  studentId: number,
  name: { login: string; lastName: string; firstName?: string },
): Promise<number> {
  const firstName = name.firstName ?? "Тест";
  const user = await db.user.create({
    data: {
      organisationId,
      login: name.login,
      passwordHash: "-",
      mustChangePassword: false,
      lastName: name.lastName,
      firstName,
    },
  });
  await db.userRole.create({ data: { organisationId, userId: user.id, role: "PARENT" } });
  const parent = await db.parent.create({
    data: { organisationId, userId: user.id, lastName: name.lastName, firstName },
  });
  await db.parentLink.create({ data: { organisationId, parentId: parent.id, studentId } });
  return user.id;
}

export type ReceivedPush = { url: string; headers: IncomingHttpHeaders; body: Buffer };

export type PushEndpoint = {
  /** http://127.0.0.1:<port> — subscriptions' endpoints are `${origin}/push/<name>`. */
  origin: string;
  /** Every request's path, in order of arrival. */
  received: string[];
  /** Requests per path. */
  hits: Map<string, number>;
  /** The status to answer on a path (201 unless set: 404/410 tell the server the device is gone). */
  statusOf: Map<string, number>;
  /** The next request on a path. */
  next(path: string): Promise<ReceivedPush>;
  close(): Promise<void>;
};

/** Starts the stand-in push service on a free local port. */
export async function startPushEndpoint(): Promise<PushEndpoint> {
  const received: string[] = [];
  const hits = new Map<string, number>();
  const statusOf = new Map<string, number>();
  const waiting = new Map<string, (r: ReceivedPush) => void>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = req.url ?? "";
      received.push(url);
      hits.set(url, (hits.get(url) ?? 0) + 1);
      res.writeHead(statusOf.get(url) ?? 201).end();
      waiting.get(url)?.({ url, headers: req.headers, body: Buffer.concat(chunks) });
      waiting.delete(url);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return {
    origin: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`,
    received,
    hits,
    statusOf,
    next: (path) => new Promise((resolve) => waiting.set(path, resolve)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
