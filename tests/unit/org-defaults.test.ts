// lib/org/defaults states each organisation default once (issue 22, round 19 code health): its figures
// are the SPEC's where it names one (ORG-2 marks 2..5, JRN-6 lock 7 days, §1 Europe/Samara, DUT-1 16:00)
// and prisma/schema.prisma's @default for every setting (a new OrganisationSettings row); and no reader
// in lib/, app/ or components/ states a copy of its own.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_TIME_ZONE, ORG_SETTINGS_DEFAULTS } from "@/lib/org/defaults";
import { repoRoot, sourceFiles } from "../support/source-files";

/** A Prisma model's `@default(…)` of each field, as written (quotes removed). */
function schemaDefaults(model: string): Record<string, string> {
  const schema = readFileSync(path.join(repoRoot, "prisma/schema.prisma"), "utf8");
  const body = schema.split(`model ${model} {`)[1].split("\n}")[0];
  const out: Record<string, string> = {};
  for (const line of body.split("\n")) {
    const m = /^\s*(\w+)\s.*@default\((.*?)\)(?:\s|$)/.exec(line);
    if (m) out[m[1]] = m[2].replace(/^"(.*)"$/, "$1");
  }
  return out;
}

const SETTINGS = Object.keys(ORG_SETTINGS_DEFAULTS);

describe("the organisation's defaults (lib/org/defaults)", () => {
  it("are the SPEC's: marks 2..5 (ORG-2), the edit lock 7 days (JRN-6), Europe/Samara (§1), 16:00 (DUT-1)", () => {
    expect(ORG_SETTINGS_DEFAULTS.minMark).toBe(2);
    expect(ORG_SETTINGS_DEFAULTS.maxMark).toBe(5);
    expect(ORG_SETTINGS_DEFAULTS.lockDays).toBe(7);
    expect(DEFAULT_TIME_ZONE).toBe("Europe/Samara");
    expect(ORG_SETTINGS_DEFAULTS.fillDeadlineMinutes).toBe(16 * 60);
    expect(ORG_SETTINGS_DEFAULTS.finalsWarningDays).toBe(3); // FIN-4: three days before the period's end
  });

  it("are the schema's @default of every setting and of the organisation's time zone", () => {
    const settings = schemaDefaults("OrganisationSettings");
    expect(Object.keys(settings).sort()).toEqual([...SETTINGS].sort());
    for (const [name, value] of Object.entries(ORG_SETTINGS_DEFAULTS))
      expect([name, String(value)]).toEqual([name, settings[name]]);
    expect(schemaDefaults("Organisation").timeZone).toBe(DEFAULT_TIME_ZONE);
  });
});

describe("no reader states a default of its own (issue 22)", () => {
  const names = [...SETTINGS, "timeZone"].join("|");
  // A literal after a setting's name, or a zone's name as a value.
  const literal = new RegExp(
    [
      `\\b(${names})\\s*(\\?\\?|\\|\\|)\\s*("[^"]*"|\\d[\\d.]*|true|false)`, // s?.lockDays ?? 7
      `\\b(${names})"\\s*,\\s*(\\d[\\d.]*|'[^']*'|true|false)`, // coalesce(s."lockDays", 7)
      `(=|\\?\\?|\\|\\||:)\\s*"Europe/\\w+"\\s*[;,)]?\\s*$`, // = "Europe/Samara";
    ].join("|"),
  );
  const files = ["lib", "app", "components"].flatMap((dir) => sourceFiles(dir));

  it("every fallback of a setting or the time zone names lib/org/defaults", () => {
    const found = files.flatMap((file) => {
      const rel = path.relative(repoRoot, file);
      if (rel === path.join("lib", "org", "defaults.ts")) return [];
      return readFileSync(file, "utf8")
        .split("\n")
        .filter((line) => literal.test(line) && !/^\s*(\/\/|\*|\/\*\*)/.test(line))
        .map((line) => `${rel}: ${line.trim()}`);
    });
    expect(found).toEqual([]);
  });
});
