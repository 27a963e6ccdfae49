// `npm run audit:verify` names the first altered row of the hash-chained audit log (AUTH-5, ACL-4).
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/mutations";
import { createAccessFixture } from "../support/access-fixture";

const run = promisify(execFile);

async function verifyCli(): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run("node_modules/.bin/tsx", ["prisma/tools/audit-verify.ts"], {
      env: { ...process.env },
      timeout: 60_000,
    });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

describe("npm run audit:verify", () => {
  it("passes an intact log and names the row edited by SQL", async () => {
    const f = await createAccessFixture();
    const ids: bigint[] = [];
    for (const action of ["acl.change", "auth.signin", "auth.signout"]) {
      ids.push((await recordAudit(db, { organisationId: f.organisationId, userId: f.users.ADMIN, action })).id);
    }
    const intact = await verifyCli();
    expect(intact.code).toBe(0);
    expect(intact.out).toContain("журнал цел");

    await db.$executeRaw`UPDATE "AuditEvent" SET action = 'auth.failed' WHERE "organisationId" = ${f.organisationId} AND id = ${ids[1]}`;
    const tampered = await verifyCli();
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain(
      `ЦЕПОЧКА НАРУШЕНА — первая изменённая или следующая за удалённой запись № ${ids[1]}`,
    );
  }, 120_000);
});
