// A process that logs through the app server's destination (server/handler.ts logDestination) as
// server/main.ts does, for tests/unit/server-log.test.ts: `<count> <end>` writes `count` request lines,
// then ends as told — `close` (the graceful stop: closeLogDestination, then process.exit), `exit`
// (process.exit at once: pino's own exit hook writes what is left) or `stay` (keeps running: the
// periodic flush must still write the lines).
import { createLogger } from "@/lib/ops/log";
import { closeLogDestination, logDestination } from "../../server/handler";

const count = Number(process.argv[2] ?? "0");
const end = process.argv[3] ?? "close";
const destination = logDestination();
const log = createLogger("info", destination);
for (let i = 0; i < count; i++)
  log.info(
    { reqId: `r${i}`, kind: "api", route: "/api/journal/cell", method: "POST", status: 200, ms: 1.5 },
    "request",
  );

if (end === "close") {
  log.info({ inFlight: 0 }, "stopped");
  await closeLogDestination(destination);
  process.exit(0);
} else if (end === "exit") {
  process.exit(0);
} else {
  setInterval(() => undefined, 1_000);
}
