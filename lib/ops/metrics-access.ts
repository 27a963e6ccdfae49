// Who may read /api/metrics (issue 26): a scraper presenting METRICS_TOKEN as a bearer token, or
// one calling from an address in METRICS_ALLOW (comma-separated addresses and CIDR ranges, e.g.
// "127.0.0.1, 10.0.0.0/8"). With neither set nobody may. The address is the resolved client
// address (SEC-1). Pure apart from node:net's BlockList.
import { timingSafeEqual } from "node:crypto";
import { BlockList, isIP } from "node:net";

export type MetricsAccess = { token: string | null; allow: BlockList | null };

/** The access settings; a malformed METRICS_ALLOW entry throws a Russian message. */
export function metricsAccess(env: { readonly [k: string]: string | undefined }): MetricsAccess {
  const token = env.METRICS_TOKEN?.trim() || null;
  if (token !== null && token.length < 16) throw new Error("METRICS_TOKEN должен быть не короче 16 символов");
  const entries = (env.METRICS_ALLOW ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return { token, allow: null };
  const allow = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split("/");
    const family = isIP(address ?? "");
    if (!family) throw new Error(`METRICS_ALLOW: «${entry}» — не IP-адрес и не сеть`);
    const type = family === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) allow.addAddress(address!, type);
    else {
      const bits = Number(prefix);
      if (!/^\d{1,3}$/.test(prefix) || bits > (family === 6 ? 128 : 32)) {
        throw new Error(`METRICS_ALLOW: «${entry}» — неверная длина префикса`);
      }
      allow.addSubnet(address!, bits, type);
    }
  }
  return { token, allow };
}

/** Whether a scrape with this Authorization header from this client address is let in. */
export function metricsAllowed(access: MetricsAccess, authorization: string | null, address: string): boolean {
  if (access.token && authorization) {
    const presented = /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1] ?? "";
    const a = Buffer.from(presented);
    const b = Buffer.from(access.token);
    if (a.length === b.length && timingSafeEqual(a, b)) return true;
  }
  const family = isIP(address);
  return access.allow !== null && family !== 0 && access.allow.check(address, family === 6 ? "ipv6" : "ipv4");
}
