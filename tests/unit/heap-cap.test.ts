import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_HEAP_MB, appServerArgv, heapCapArgs } from "@/prisma/tools/heap-cap";

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
      "--import",
      "tsx/esm",
      "/app/server/main.ts",
    ]);
    expect(appServerArgv({}, "/app", ["--dev"]).at(-1)).toBe("--dev");
  });

  it("adds no flag when the operator's NODE_OPTIONS sets the heap", () => {
    expect(appServerArgv({ NODE_OPTIONS: "--max-old-space-size=1500" }, "/app")).toEqual([
      "--import",
      "tsx/esm",
      "/app/server/main.ts",
    ]);
  });
});
