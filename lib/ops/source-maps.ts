// SEC-5, round 7: Node's source maps in the production server. tsx (which runs server/main.ts) turns
// them on for the whole process, and Node then keeps the map of every module it loads — for Next's
// server chunks with the full sources (`sourcesContent`; Prisma's generated client alone 7 times).
// That held ≈ 90 MB of the server's heap from start-up on (heapUsed after start 218 → 129 MB,
// bench/notes.md «SEC-5, round 7»). The production server turns them off unless asked
// (`--enable-source-maps` on the command line or in NODE_OPTIONS); development keeps them.

/** Whether the server keeps Node's source maps: in development, or when the operator asks. */
export function sourceMapsWanted(dev: boolean, execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  return dev || [...execArgv, nodeOptions ?? ""].some((a) => /(^|\s)--enable-source-maps(\s|=|$)/.test(a));
}

/** Turns Node's source maps off in this process unless sourceMapsWanted (call before Next loads its chunks). */
export function keepSourceMapsOnlyWhenAsked(
  dev: boolean,
  execArgv: readonly string[] = process.execArgv,
  nodeOptions: string | undefined = process.env.NODE_OPTIONS,
): void {
  if (!sourceMapsWanted(dev, execArgv, nodeOptions)) process.setSourceMapsEnabled(false);
}
