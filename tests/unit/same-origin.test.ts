import { describe, expect, it } from "vitest";
import { isCrossSiteWrite } from "@/lib/access/same-origin";

const h = (entries: Record<string, string>) => new Headers({ host: "journal.local", ...entries });

describe("the one same-origin rule for every write (NFR-5, issue 19 item 7)", () => {
  it("refuses a POST from another site", () => {
    expect(
      isCrossSiteWrite("POST", h({ origin: "https://evil.example", "sec-fetch-site": "cross-site" }), undefined),
    ).toBe(true);
    expect(isCrossSiteWrite("POST", h({ origin: "https://evil.example" }), undefined)).toBe(true);
    expect(isCrossSiteWrite("POST", h({ origin: "null" }), undefined)).toBe(true);
  });

  it("accepts a POST from the app's own pages and any GET", () => {
    expect(
      isCrossSiteWrite("POST", h({ origin: "http://journal.local", "sec-fetch-site": "same-origin" }), undefined),
    ).toBe(false);
    expect(
      isCrossSiteWrite("GET", h({ origin: "https://evil.example", "sec-fetch-site": "cross-site" }), undefined),
    ).toBe(false);
  });

  it("accepts a client that sends no Origin (API tokens, scripts: browsers always send one with a write)", () => {
    expect(isCrossSiteWrite("PUT", h({}), undefined)).toBe(false);
  });

  it("refuses a same-site but different-origin browser write", () => {
    expect(isCrossSiteWrite("DELETE", h({ "sec-fetch-site": "same-site" }), undefined)).toBe(true);
  });

  it("trusts X-Forwarded-Host only with TRUST_PROXY (SEC-1): Origin evil + X-Forwarded-Host evil is refused without it", () => {
    const forged = h({ origin: "https://evil.example", "x-forwarded-host": "evil.example" });
    expect(isCrossSiteWrite("POST", forged, undefined)).toBe(true);
    expect(isCrossSiteWrite("POST", forged, "1")).toBe(false);
  });
});
