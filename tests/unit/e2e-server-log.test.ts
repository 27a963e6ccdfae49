// The check the e2e runner applies to its server log (issue 26, NFR-5) finds what it must.
import { describe, expect, it } from "vitest";
import { checkServerLog } from "../e2e/server-log";

const line = (o: object) => JSON.stringify({ level: "info", time: "t", pid: 1, ...o });

describe("the e2e server log check (issue 26)", () => {
  it("passes a log of whitelisted request lines", () => {
    const log = [
      line({
        msg: "request",
        reqId: "r",
        kind: "page",
        route: "/diary",
        method: "GET",
        status: 200,
        ms: 3,
        userId: 5,
        orgId: 1,
      }),
    ].join("\n");
    expect(checkServerLog(log, ["Смирнова"])).toEqual([]);
  });

  it("finds a personal value anywhere, a foreign field, and a log without requests", () => {
    const log = [line({ msg: "request", reqId: "r", name: "x" }), "⨯ Error: Key (login)=(smirnova) exists"].join("\n");
    expect(checkServerLog(log, ["Smirnova"])).toEqual([
      "log line with fields outside the whitelist (name)",
      "personal value in the log: «Sm…»",
    ]);
    expect(checkServerLog("", [])).toEqual(["no request was logged"]);
  });
});
