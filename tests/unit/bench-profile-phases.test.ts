// bench/profile-phases.ts (issue 22 item 6, round 19): a profile's busy samples split into phases
// that add up — each sample to the innermost frame a rule names.
import { describe, expect, it } from "vitest";
import { phaseOfStack, phaseRules } from "../../bench/profile-phases";

const frame = (functionName: string, url = "file:///app/.next/server/chunks/route.js") => ({ functionName, url });

describe("bench/profile-phases", () => {
  const rules = phaseRules(
    "session=requireUserForRoute;command=decide|save@lib_journal;pg=*@node_modules/pg/;dispatch=handleRequest",
  );

  it("reads `name=fn|fn@url;…`, `*@url` for any function of a file", () => {
    expect(rules).toEqual([
      { name: "session", fn: "requireUserForRoute" },
      { name: "command", fn: "decide" },
      { name: "command", fn: "save", url: "lib_journal" },
      { name: "pg", fn: "*", url: "node_modules/pg/" },
      { name: "dispatch", fn: "handleRequest" },
    ]);
    expect(phaseRules(" ;=x;a=")).toEqual([]);
  });

  it("gives a sample to the innermost frame a rule names, not to an outer one", () => {
    // handleRequest > POST > save (route) > requireUserForRoute > cookies: the session's.
    const stack = [
      frame("cookies"),
      frame("requireUserForRoute"),
      frame("save"),
      frame("POST"),
      frame("handleRequest"),
    ];
    expect(phaseOfStack(stack, rules)).toBe("session");
    // The same sample one frame out: the dispatch's.
    expect(phaseOfStack(stack.slice(2), rules)).toBe("dispatch");
  });

  it("matches a function by its file when the rule names one, and any function of a file with `*`", () => {
    expect(phaseOfStack([frame("save", "file:///x/lib_journal_commands.js")], rules)).toBe("command");
    expect(phaseOfStack([frame("save", "file:///x/app_route.js")], rules)).toBeNull();
    expect(phaseOfStack([frame("", "file:///x/node_modules/pg/lib/client.js"), frame("decide")], rules)).toBe("pg");
    expect(phaseOfStack([frame("writev", "")], rules)).toBeNull();
  });
});
