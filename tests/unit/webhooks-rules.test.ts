// REG-4: the pure rules of webhooks — the back-off, the 24-hour limit, the signature (checked against a
// vector computed independently with Python's hmac), the disable setting and the internal addresses.
import { describe, expect, it } from "vitest";
import { isInternalAddress } from "@/lib/webhooks/net";
import {
  DEFAULT_DISABLE_AFTER,
  disableAfter,
  nextAttempt,
  retryDelayMs,
  signature,
  verifySignature,
} from "@/lib/webhooks/rules";

describe("webhook back-off (REG-4)", () => {
  it("waits 30 s, 1, 2, 4 … minutes, never more than 4 hours", () => {
    expect([1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(20)).toBe(4 * 3600_000);
  });

  it("gives up when the next attempt would fall after 24 hours from the event", () => {
    const at = new Date("2026-11-20T08:00:00Z");
    const now = new Date(at.getTime() + 23 * 3600_000);
    expect(nextAttempt(at, 1, now)).toEqual(new Date(now.getTime() + 30_000));
    expect(nextAttempt(at, 12, now)).toBeNull(); // 4 h after 23 h is past the day
  });

  it("reads WEBHOOK_DISABLE_AFTER (a whole number ≥ 1, else the default)", () => {
    expect(disableAfter("3")).toBe(3);
    expect(disableAfter(undefined)).toBe(DEFAULT_DISABLE_AFTER);
    expect(disableAfter("0")).toBe(DEFAULT_DISABLE_AFTER);
    expect(disableAfter("три")).toBe(DEFAULT_DISABLE_AFTER);
  });
});

describe("webhook signature (REG-4)", () => {
  it("is sha256=HMAC(secret, timestamp.body), as a receiver computes it", () => {
    const body = '{"id":"1"}';
    expect(signature("whsec_test", 1764000000, body)).toBe(
      "sha256=be98a105898033f33b90ff0eee5f16020fef9fb1820e398339c7cd2fd1c3ecfc",
    );
    expect(verifySignature("whsec_test", 1764000000, body, signature("whsec_test", 1764000000, body))).toBe(true);
    expect(verifySignature("whsec_test", 1764000001, body, signature("whsec_test", 1764000000, body))).toBe(false);
    expect(verifySignature("whsec_test", 1764000000, body, "sha256=00")).toBe(false);
  });
});

describe("internal addresses a webhook may not reach (REG-4, SSRF)", () => {
  it("refuses loopback, private, link-local and mapped addresses; lets public ones through", () => {
    for (const ip of ["127.0.0.1", "10.0.0.5", "172.20.1.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0"])
      expect(isInternalAddress(ip), ip).toBe(true);
    for (const ip of ["::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "::"])
      expect(isInternalAddress(ip), ip).toBe(true);
    for (const ip of ["8.8.8.8", "93.184.216.34", "2a00:1450:4010:c0e::64"])
      expect(isInternalAddress(ip), ip).toBe(false);
    expect(isInternalAddress("not-an-ip")).toBe(true);
  });
});
