// SEC-1: the client address from the socket; X-Forwarded-* only through TRUST_PROXY hops.
import { describe, expect, it } from "vitest";
import { requestHost, resolveForwarded, trustedHops } from "@/lib/ops/forwarded";

describe("TRUST_PROXY (SEC-1)", () => {
  it("is off unless set to a number of hops; 'true' means one; garbage is refused", () => {
    expect(trustedHops(undefined)).toBe(0);
    expect(trustedHops("")).toBe(0);
    expect(trustedHops("0")).toBe(0);
    expect(trustedHops("true")).toBe(1);
    expect(trustedHops("2")).toBe(2);
    expect(() => trustedHops("yes please")).toThrow(/TRUST_PROXY/);
  });
});

describe("resolveForwarded (SEC-1)", () => {
  const forged = {
    "x-forwarded-for": "10.99.0.7",
    "x-forwarded-host": "evil.example",
    "x-forwarded-proto": "https",
    host: "journal.local:3000",
  };

  it("without TRUST_PROXY takes the socket address, the Host header and the socket's scheme — forwarded headers ignored", () => {
    expect(resolveForwarded("::ffff:192.0.2.5", forged, 0)).toEqual({
      address: "192.0.2.5",
      host: "journal.local:3000",
      proto: "http",
    });
  });

  it("with TRUST_PROXY=1 takes the address our proxy appended (the client's own entries to its left ignored)", () => {
    const h = {
      "x-forwarded-for": "6.6.6.6, 203.0.113.4",
      "x-forwarded-host": "journal.example",
      "x-forwarded-proto": "https",
      host: "127.0.0.1:3000",
    };
    expect(resolveForwarded("127.0.0.1", h, 1)).toEqual({
      address: "203.0.113.4",
      host: "journal.example",
      proto: "https",
    });
  });

  it("strips exactly N hops with TRUST_PROXY=N", () => {
    const h = { "x-forwarded-for": "6.6.6.6, 203.0.113.4, 10.0.0.2" };
    expect(resolveForwarded("10.0.0.3", h, 2).address).toBe("203.0.113.4");
    expect(resolveForwarded("10.0.0.3", h, 1).address).toBe("10.0.0.2");
  });

  it("falls back to the leftmost entry (or the socket) when fewer proxies stood in front than configured", () => {
    expect(resolveForwarded("192.0.2.8", {}, 1).address).toBe("192.0.2.8");
    expect(resolveForwarded("10.0.0.3", { "x-forwarded-for": "203.0.113.4" }, 3).address).toBe("203.0.113.4");
  });

  it("maps a non-address to 'unknown' and refuses a malformed host", () => {
    expect(resolveForwarded("10.0.0.3", { "x-forwarded-for": "<script>" }, 1).address).toBe("unknown");
    expect(resolveForwarded("10.0.0.3", { "x-forwarded-host": "a b/c" }, 1).host).toBeNull();
  });

  it("requestHost (the same-origin rule) honours X-Forwarded-Host only with TRUST_PROXY", () => {
    const h = new Headers({ host: "journal.local", "x-forwarded-host": "evil.example" });
    expect(requestHost(h, undefined)).toBe("journal.local");
    expect(requestHost(h, "1")).toBe("evil.example");
  });
});
