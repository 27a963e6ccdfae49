// What the side-by-side comparisons (bench/ab.ts: two builds; bench/interleave.ts: one build with the
// cache off and on) share: the app servers' environment over the bench database, the median of their
// alternating windows, and the script's exit code.

/** The environment of an app server over the bench database `databaseUrl` (a fixed test secret, no telemetry). */
export function benchAppEnv(databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: "bench-secret-not-for-production-0123456789",
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

/** The median of a case's windows (the lower middle of an even count). */
export function median(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
}

/** Runs a script's `main`: exit code 0 when it resolves, 1 with the error's stack when it throws. */
export function runScript(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
      process.exit(1);
    },
  );
}
