// SEC-5, round 7: the production server does not keep Node's source maps (tsx turns them on; the maps
// of Next's server chunks, with their full sources, held ≈ 90 MB of the heap) unless the operator asks
// with --enable-source-maps; development keeps them.
import { afterEach, describe, expect, it } from "vitest";
import { keepSourceMapsOnlyWhenAsked, sourceMapsWanted } from "@/lib/ops/source-maps";

const initially = process.sourceMapsEnabled;
afterEach(() => process.setSourceMapsEnabled(initially));

describe("source maps of the app server (SEC-5)", () => {
  it("keeps them in development or when asked on the command line or in NODE_OPTIONS", () => {
    expect(sourceMapsWanted(true, [], undefined)).toBe(true);
    expect(sourceMapsWanted(false, ["--enable-source-maps"], undefined)).toBe(true);
    expect(sourceMapsWanted(false, [], "--max-old-space-size=512 --enable-source-maps")).toBe(true);
    expect(sourceMapsWanted(false, ["--max-old-space-size=512", "--import", "tsx/esm"], "--require x.cjs")).toBe(false);
    expect(sourceMapsWanted(false, [], "--enable-source-maps-not")).toBe(false);
  });

  it("turns them off in production when not asked, leaves them on when asked", () => {
    process.setSourceMapsEnabled(true);
    keepSourceMapsOnlyWhenAsked(false, ["--enable-source-maps"], undefined);
    expect(process.sourceMapsEnabled).toBe(true);
    keepSourceMapsOnlyWhenAsked(true, [], undefined);
    expect(process.sourceMapsEnabled).toBe(true);
    keepSourceMapsOnlyWhenAsked(false, [], undefined);
    expect(process.sourceMapsEnabled).toBe(false);
  });
});
