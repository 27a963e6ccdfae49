// The phases of a V8 CPU profile (issue 22 item 6, round 19): bench/profile-top.ts `--phases` gives
// each busy sample to ONE phase — the innermost frame on its stack that a rule names — so a request's
// CPU splits into parts that add up (Next.js's dispatch, the session, the body, the command, the
// answer …) instead of overlapping inclusive times. A rule is `fn` or `fn@part of the file's URL`
// (`*@part`: any function of that file); rules are `name=rule|rule;name=…`.

export type PhaseFrame = { functionName: string; url: string };
export type PhaseRule = { name: string; fn: string; url?: string };

export function phaseRules(spec: string): PhaseRule[] {
  return spec.split(";").flatMap((entry) => {
    const at = entry.indexOf("=");
    if (at <= 0) return [];
    const name = entry.slice(0, at).trim();
    return entry
      .slice(at + 1)
      .split("|")
      .filter((m) => m.trim() !== "")
      .map((m) => {
        const [fn, url] = m.split("@");
        return { name, fn: fn.trim(), ...(url?.trim() ? { url: url.trim() } : {}) };
      });
  });
}

const matches = (r: PhaseRule, f: PhaseFrame) =>
  (r.fn === "*" || r.fn === f.functionName) && (r.url === undefined || f.url.includes(r.url));

/** The phase of a stack given leaf first (the sampled frame, then its callers); null when no rule names a frame. */
export function phaseOfStack(leafFirst: readonly PhaseFrame[], rules: readonly PhaseRule[]): string | null {
  for (const f of leafFirst) {
    const rule = rules.find((r) => matches(r, f));
    if (rule) return rule.name;
  }
  return null;
}
