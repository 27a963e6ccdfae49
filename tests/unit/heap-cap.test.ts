import { describe, expect, it } from "vitest";
import {
  DEFAULT_HEAP_GROWING_PERCENT,
  DEFAULT_MAX_HEAP_MB,
  appServerArgv,
  heapCapArgs,
  heapGrowthArgs,
} from "@/prisma/tools/heap-cap";

describe("heap cap of the production server (issue 10, peak RSS)", () => {
  it("caps the old space at the default when nothing is configured", () => {
    expect(heapCapArgs({})).toEqual([`--max-old-space-size=${DEFAULT_MAX_HEAP_MB}`]);
    expect(heapCapArgs({ MAX_HEAP_MB: " " })).toEqual([`--max-old-space-size=${DEFAULT_MAX_HEAP_MB}`]);
  });

  it("takes the cap from MAX_HEAP_MB", () => {
    expect(heapCapArgs({ MAX_HEAP_MB: "768" })).toEqual(["--max-old-space-size=768"]);
  });

  it("turns the cap off with MAX_HEAP_MB=0", () => {
    expect(heapCapArgs({ MAX_HEAP_MB: "0" })).toEqual([]);
  });

  it("leaves an operator's NODE_OPTIONS with its own --max-old-space-size alone", () => {
    expect(heapCapArgs({ NODE_OPTIONS: "--max-old-space-size=2048", MAX_HEAP_MB: "384" })).toEqual([]);
    expect(heapCapArgs({ NODE_OPTIONS: "--enable-source-maps --max-old-space-size 1024" })).toEqual([]);
  });

  it("still caps when NODE_OPTIONS holds other flags", () => {
    expect(heapCapArgs({ NODE_OPTIONS: "--enable-source-maps" })).toEqual([
      `--max-old-space-size=${DEFAULT_MAX_HEAP_MB}`,
    ]);
  });

  it("refuses a value that is not a whole number of megabytes or too small to run", () => {
    expect(() => heapCapArgs({ MAX_HEAP_MB: "512m" })).toThrow(/MAX_HEAP_MB/);
    expect(() => heapCapArgs({ MAX_HEAP_MB: "-1" })).toThrow(/MAX_HEAP_MB/);
    expect(() => heapCapArgs({ MAX_HEAP_MB: "64" })).toThrow(/128/);
  });
});

describe("the production server's command line", () => {
  it("puts the heap cap before the app server, so node reads it (issue 26: server/main.ts, not next start)", () => {
    expect(appServerArgv({ MAX_HEAP_MB: "400" }, "/app")).toEqual([
      "--max-old-space-size=400",
      `--heap-growing-percent=${DEFAULT_HEAP_GROWING_PERCENT}`,
      "--import",
      "tsx/esm",
      "/app/server/main.ts",
    ]);
    expect(appServerArgv({}, "/app", ["--dev"]).at(-1)).toBe("--dev");
  });

  it("adds no heap cap when the operator's NODE_OPTIONS sets the heap", () => {
    expect(appServerArgv({ NODE_OPTIONS: "--max-old-space-size=1500" }, "/app")).toEqual([
      `--heap-growing-percent=${DEFAULT_HEAP_GROWING_PERCENT}`,
      "--import",
      "tsx/esm",
      "/app/server/main.ts",
    ]);
  });
});

describe("the old generation's growing factor (issue 22, peak RSS)", () => {
  it("keeps V8's old generation within 20 % of the live heap by default", () => {
    expect(DEFAULT_HEAP_GROWING_PERCENT).toBe(20);
    expect(heapGrowthArgs({})).toEqual(["--heap-growing-percent=20"]);
    expect(heapGrowthArgs({ HEAP_GROWING_PERCENT: "35" })).toEqual(["--heap-growing-percent=35"]);
  });

  it("leaves V8's own factor with HEAP_GROWING_PERCENT=0 and refuses what is not 0–100", () => {
    expect(heapGrowthArgs({ HEAP_GROWING_PERCENT: "0" })).toEqual([]);
    expect(() => heapGrowthArgs({ HEAP_GROWING_PERCENT: "1.5" })).toThrow(/HEAP_GROWING_PERCENT/);
    expect(() => heapGrowthArgs({ HEAP_GROWING_PERCENT: "150" })).toThrow(/HEAP_GROWING_PERCENT/);
  });

  it("reaches the app server's node before the script, compiled or from the sources", () => {
    expect(appServerArgv({ HEAP_GROWING_PERCENT: "25" }, "/app").slice(0, 2)).toEqual([
      `--max-old-space-size=${DEFAULT_MAX_HEAP_MB}`,
      "--heap-growing-percent=25",
    ]);
  });
});
