// The kit's lint rules (issue 19 item 1, ARCHITECTURE «UI»): run ESLint's Node API on bad fixture
// files placed (virtually) where the rules apply, so a rule that silently stops matching fails here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const eslint = new ESLint({ cwd: root });

async function lintAs(fixture: string, asPath: string) {
  const code = readFileSync(path.join(root, "tests/fixtures/lint", fixture), "utf8");
  const [result] = await eslint.lintText(code, { filePath: path.join(root, asPath) });
  return result.messages;
}

describe("ESLint: the interface kit's rules", () => {
  it("refuses styled raw <button>/<input>/<select>/<textarea> in a component outside components/ui", async () => {
    const messages = await lintAs("raw-controls.tsx", "components/people/raw-controls.tsx");
    const kit = messages.filter((m) => m.ruleId === "no-restricted-syntax");
    // input, select, textarea, button with className; the unstyled hidden input passes.
    expect(kit.map((m) => m.line)).toEqual([6, 7, 10, 11]);
    expect(kit[0].message).toContain("components/ui");
  }, 30_000);

  it("refuses them in a page too", async () => {
    const messages = await lintAs("raw-controls.tsx", "app/(app)/people/raw-controls.tsx");
    expect(messages.filter((m) => m.ruleId === "no-restricted-syntax")).toHaveLength(4);
  }, 30_000);

  it("lets components/ui itself style raw controls (it is the kit)", async () => {
    const messages = await lintAs("raw-controls.tsx", "components/ui/raw-controls.tsx");
    expect(messages.filter((m) => m.ruleId === "no-restricted-syntax")).toEqual([]);
  }, 30_000);

  it("refuses a lib/** import inside components/ui except lib/errors", async () => {
    const messages = await lintAs("kit-imports-lib.tsx", "components/ui/kit-imports-lib.tsx");
    const imports = messages.filter((m) => m.ruleId === "no-restricted-imports");
    expect(imports).toHaveLength(1);
    expect(imports[0].line).toBe(4);
    expect(imports[0].message).toContain("lib/errors");
  }, 30_000);

  it("allows the same import in a domain component", async () => {
    const messages = await lintAs("kit-imports-lib.tsx", "components/journal/kit-imports-lib.tsx");
    expect(messages.filter((m) => m.ruleId === "no-restricted-imports")).toEqual([]);
  }, 30_000);
});

describe("ESLint: the gate's one door (issue 19 item 2, ACL-1)", () => {
  const gateMessages = (messages: Awaited<ReturnType<typeof lintAs>>) =>
    messages.filter((m) => m.ruleId === "no-restricted-imports" && m.message.includes("шлюза"));

  it("refuses actorFacts / decide / effectiveScopes in a loader, a data file and a page", async () => {
    for (const asPath of ["lib/journal/loaders.ts", "lib/risk/data.ts", "app/(app)/journal/gate-page.ts"]) {
      const found = gateMessages(await lintAs("gate-internals.ts", asPath));
      // actorFacts on line 2, decide and effectiveScopes on line 3; authorize and listScope pass.
      expect(
        found.map((m) => m.line),
        asPath,
      ).toEqual([2, 3, 3]);
    }
  }, 30_000);

  it("lets lib/access itself use them", async () => {
    expect(gateMessages(await lintAs("gate-internals.ts", "lib/access/scope.ts"))).toEqual([]);
  }, 30_000);
});

describe("ESLint: only the data layer reaches Prisma (ARCHITECTURE «Layers», issue 19 item 5)", () => {
  const prismaMessages = (messages: Awaited<ReturnType<typeof lintAs>>) =>
    messages.filter((m) => m.ruleId === "no-restricted-imports" && m.message.includes("Prisma"));

  it("refuses lib/db and the generated client in a loader, an action, a rules file, a component and a page", async () => {
    for (const asPath of [
      "lib/journal/loaders.ts",
      "lib/journal/actions.ts",
      "lib/journal/rules.ts",
      "components/journal/prisma-outside.tsx",
      "app/(app)/journal/prisma-page.ts",
    ]) {
      const found = prismaMessages(await lintAs("prisma-outside.ts", asPath));
      // lib/db on line 2, the generated enums on line 3; lib/errors passes.
      expect(
        found.map((m) => m.line),
        asPath,
      ).toEqual([2, 3]);
    }
  }, 30_000);

  it("lets data.ts, mutations.ts and lib/db.ts use them", async () => {
    for (const asPath of ["lib/journal/data.ts", "lib/absences/mutations.ts", "lib/db.ts"])
      expect(prismaMessages(await lintAs("prisma-outside.ts", asPath)), asPath).toEqual([]);
  }, 30_000);
});

/** The lines of `fixture`, linted as `asPath`, that `ruleId` reports with a message naming `says`. */
async function ruleLines(fixture: string, asPath: string, ruleId: string, says: string) {
  return (await lintAs(fixture, asPath))
    .filter((m) => m.ruleId === ruleId && m.message.includes(says))
    .map((m) => m.line);
}

// Two rules of issue 19: a change's audit row goes through auditChange (AUTH-5: recordAudit only inside
// lib/audit), and Russian text is sorted with lib/org/collation.ts (not a collator per localeCompare).
const ONE_HOME_RULES = [
  {
    fixture: "record-audit.ts",
    ruleId: "@typescript-eslint/no-restricted-imports",
    says: "auditChange",
    lines: [3, 4], // recordAudit, and its renamed relative import; auditChange on line 2 passes
    applies: [
      "lib/journal/mutations.ts",
      "lib/people/actions.ts",
      "app/(app)/audit/record-page.ts",
      "prisma/seed/x.ts",
    ],
    exempt: "lib/audit/commands.ts",
  },
  {
    fixture: "locale-compare.ts",
    ruleId: "no-restricted-syntax",
    says: "compareRu",
    lines: [4, 5], // localeCompare(…, "ru") and with { numeric: true }; a plain localeCompare and compareRu pass
    applies: ["lib/journal/data.ts", "lib/reports/rules.ts", "prisma/seed/people.ts"],
    exempt: "lib/org/collation.ts",
  },
];

describe("ESLint: one home for the audit row and for Russian sorting (AUTH-5, issue 19)", () => {
  for (const r of ONE_HOME_RULES)
    it(`${r.fixture}: reported in ${r.applies.join(", ")}; allowed in ${r.exempt}`, async () => {
      for (const asPath of r.applies)
        expect(await ruleLines(r.fixture, asPath, r.ruleId, r.says), asPath).toEqual(r.lines);
      expect(await ruleLines(r.fixture, r.exempt, r.ruleId, r.says)).toEqual([]);
    }, 60_000);

  it("keeps the Prisma rule in force beside the recordAudit one (a rule of its own, not an override)", async () => {
    const messages = await lintAs("prisma-outside.ts", "lib/journal/loaders.ts");
    expect(messages.filter((m) => m.ruleId === "no-restricted-imports" && m.message.includes("Prisma"))).toHaveLength(
      2,
    );
  }, 30_000);
});

describe("ESLint: the app's links do not prefetch and are not next/link (issue 22, the evening peak)", () => {
  const linkMessages = (messages: Awaited<ReturnType<typeof lintAs>>) =>
    messages.filter((m) => m.ruleId === "no-restricted-imports" && m.message.includes("next/link"));

  // components/ui/link.tsx is a plain anchor now (issue 22: one soft navigation): nothing wraps next/link.
  it("refuses next/link in a page, a domain component, a kit component and the kit's Link itself", async () => {
    for (const asPath of [
      "app/(app)/diary/links.tsx",
      "components/diary/links.tsx",
      "components/ui/links.tsx",
      "components/ui/link.tsx",
    ]) {
      const found = linkMessages(await lintAs("next-link.tsx", asPath));
      expect(
        found.map((m) => m.line),
        asPath,
      ).toEqual([2]);
      expect(found[0].message).toContain("components/ui/link.tsx");
    }
  }, 30_000);
});
