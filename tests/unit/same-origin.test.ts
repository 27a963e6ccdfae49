import { describe, expect, it } from "vitest";
import { isCrossSiteWrite } from "@/lib/access/same-origin";

const h = (entries: Record<string, string>) => new Headers(entries);

describe("cross-site writes to route handlers are refused (NFR-5)", () => {
  it("refuses a POST from another site", () => {
    expect(
      isCrossSiteWrite("POST", h({ origin: "https://evil.example", "sec-fetch-site": "cross-site" }), "journal.local"),
    ).toBe(true);
    expect(isCrossSiteWrite("POST", h({ origin: "https://evil.example" }), "journal.local")).toBe(true);
  });

  it("accepts a POST from the app's own pages and any GET", () => {
    expect(
      isCrossSiteWrite("POST", h({ origin: "http://journal.local", "sec-fetch-site": "same-origin" }), "journal.local"),
    ).toBe(false);
    expect(
      isCrossSiteWrite("GET", h({ origin: "https://evil.example", "sec-fetch-site": "cross-site" }), "journal.local"),
    ).toBe(false);
  });

  it("accepts a client that sends no Origin (API tokens, tests)", () => {
    expect(isCrossSiteWrite("PUT", h({}), "journal.local")).toBe(false);
  });

  it("refuses a same-site but different-origin browser write", () => {
    expect(isCrossSiteWrite("DELETE", h({ "sec-fetch-site": "same-site" }), "journal.local")).toBe(true);
  });
});
