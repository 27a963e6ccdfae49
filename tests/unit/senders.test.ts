// Orchestration has one name (issue 19 item 6, ARCHITECTURE «Layers»): pushes and e-mail are sent
// only from `commands.ts` files — what an action or a route (or the worker) calls after the gate.
// The senders are the push transport (lib/push/send.ts), the push queue (enqueuePush, pushOutboxSql
// in lib/push/mutations.ts) and the mail transport (sendLetters in lib/messages/notify/smtp.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFiles } from "../support/source-files";

const root = path.resolve(__dirname, "../..");

const filesUnder = (dir: string) => sourceFiles(dir);

/** Sender modules (repo-relative, without extension) → the names that send; "*" = every value import. */
const SENDERS: Record<string, readonly string[] | "*"> = {
  "lib/push/send": "*",
  "lib/push/mutations": ["enqueuePush", "pushOutboxSql"],
  "lib/messages/notify/smtp": ["sendLetters"],
};

/** Files other than commands.ts that may import a sender, each with its reason. */
const ALLOWED: Record<string, string> = {
  "lib/reports/jobs/worker.ts": "delivers the push jobs commands queued (deliverPush): the transport's loop",
  "lib/journal/mutations.ts":
    "the mark save's push job is one more row of the save's own statement (pushOutboxSql, issue 22 item 6)",
  "lib/journal/lesson/mutations.ts": "the homework's push job is written in the homework's own transaction (outbox)",
};

/** The sender names a file imports (value imports only: a type ties nothing to sending). */
export function sendersImported(file: string, text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/import\s+(type\s+)?([^;]*?)\s+from\s+["']([^"']+)["']/g)) {
    if (m[1]) continue;
    const spec = m[3];
    let target: string | null = null;
    if (spec.startsWith("@/")) target = spec.slice(2);
    else if (spec.startsWith("."))
      target = path.relative(root, path.resolve(path.dirname(path.join(root, file)), spec));
    if (!target) continue;
    target = target
      .split(path.sep)
      .join("/")
      .replace(/\.tsx?$/, "");
    const names = SENDERS[target];
    if (!names) continue;
    const clause = m[2];
    const named = [...(clause.match(/\{([^}]*)\}/)?.[1] ?? "").split(",")]
      .map((s) => s.trim())
      .filter((s) => s && !s.startsWith("type "))
      .map((s) => s.split(/\s+as\s+/)[0]);
    const whole = /^\*\s+as\s+\w+|^\w+\s*(,|$)/.test(clause.trim());
    const hits =
      names === "*"
        ? whole || named.length
          ? [target]
          : []
        : whole
          ? [...names]
          : named.filter((n) => names.includes(n));
    found.push(...hits.map((h) => `${h}${names === "*" ? "" : ` (${target})`}`));
  }
  return found;
}

function isSenderHome(file: string): boolean {
  return file.startsWith("lib/push/") || file.startsWith("lib/messages/notify/");
}

describe("pushes and mail are sent from commands only (issue 19 item 6)", () => {
  it("no file but a commands.ts (or a listed transport/outbox) imports a sender", () => {
    const offenders: string[] = [];
    for (const dir of ["lib", "app", "components"])
      for (const full of filesUnder(path.join(root, dir))) {
        const file = path.relative(root, full).split(path.sep).join("/");
        if (path.basename(file) === "commands.ts" || isSenderHome(file) || file in ALLOWED) continue;
        for (const s of sendersImported(file, readFileSync(full, "utf8"))) offenders.push(`${file}: ${s}`);
      }
    expect(offenders).toEqual([]);
  });

  it("every listed exception still imports a sender (a stale entry fails)", () => {
    for (const file of Object.keys(ALLOWED))
      expect(sendersImported(file, readFileSync(path.join(root, file), "utf8")).length, file).toBeGreaterThan(0);
  });

  it("would see a sender imported elsewhere (the check can fail)", () => {
    expect(sendersImported("lib/x/data.ts", `import { notify } from "@/lib/push/send";`)).toEqual(["lib/push/send"]);
    expect(
      sendersImported("lib/x/loaders.ts", `import { enqueuePush, saveSubscription } from "@/lib/push/mutations";`),
    ).toEqual(["enqueuePush (lib/push/mutations)"]);
    expect(sendersImported("lib/messages/mail/send.ts", `import { sendLetters } from "../notify/smtp";`)).toEqual([
      "sendLetters (lib/messages/notify/smtp)",
    ]);
    expect(sendersImported("lib/x/a.ts", `import type { PushPayload } from "@/lib/push/send";`)).toEqual([]);
    expect(sendersImported("lib/x/a.ts", `import { saveSubscription } from "@/lib/push/mutations";`)).toEqual([]);
  });
});
