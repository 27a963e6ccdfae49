// Who is on the other end of a request (SEC-1): the client address, the public host and the
// scheme. The socket is the truth; `X-Forwarded-For`, `X-Forwarded-Host` and `X-Forwarded-Proto`
// count only when TRUST_PROXY says how many of our own reverse proxies stand in front, and then
// exactly that many hops are stripped from the right. Pure: the app server (server/handler.ts)
// resolves every request once with `resolveForwarded` and hands Next.js canonical headers; the
// app reads them back with `clientAddress` (lib/auth/rules.ts) and `requestHost` (the same-origin rule).

export type HeaderBag = { readonly [name: string]: string | readonly string[] | undefined };

/** The number of trusted reverse proxies from the TRUST_PROXY setting (unset/0 → none; "true" → 1). */
export function trustedHops(setting: string | undefined): number {
  const raw = setting?.trim().toLowerCase() ?? "";
  if (raw === "" || raw === "0" || raw === "false") return 0;
  if (raw === "true") return 1;
  if (!/^\d{1,2}$/.test(raw)) {
    throw new Error(`TRUST_PROXY должен быть числом своих прокси перед приложением (0–99), получено «${setting}»`);
  }
  return Number(raw);
}

export function headerValue(headers: HeaderBag | Headers, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : (value as string | undefined);
}

/** The comma-separated entries of a forwarded header, trimmed, empty ones dropped. */
function entries(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9a-f:.]{2,45}$/i;

/** 4 or 6 for a syntactically valid address, else 0 (a light check; IPv6 is checked loosely). */
export function ipVersion(value: string): 0 | 4 | 6 {
  if (IPV4.test(value)) return 4;
  if (IPV6.test(value) && value.includes(":") && (value.match(/::/g) ?? []).length <= 1) return 6;
  return 0;
}

/** An IP address in canonical form (IPv4-mapped IPv6 as IPv4, brackets and port stripped), or null. */
export function normaliseAddress(raw: string | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim();
  if (value.startsWith("[") && value.includes("]")) value = value.slice(1, value.indexOf("]"));
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.slice(0, value.indexOf(":"));
  if (value.toLowerCase().startsWith("::ffff:") && ipVersion(value.slice(7)) === 4) value = value.slice(7);
  return ipVersion(value) ? value.toLowerCase() : null;
}

const HOST = /^[a-z0-9.-]{1,253}(:\d{1,5})?$|^\[[0-9a-f:.]{2,45}\](:\d{1,5})?$/i;

export type Forwarded = {
  /** The client's address, or "unknown" when it is not an IP address. */
  address: string;
  /** The host the client asked for (for same-origin checks), or null when there is none. */
  host: string | null;
  proto: "http" | "https";
};

/**
 * The client as seen through `hops` trusted proxies. The chain is X-Forwarded-For followed by
 * the socket address; each trusted proxy appended the address of its own peer, so the client is
 * the entry `hops` places left of the socket (the leftmost one when the chain is shorter, i.e.
 * when a request reached the app through fewer proxies). Entries further left were written by
 * the client and are ignored. Host and scheme: the right-most X-Forwarded-Host/-Proto entry (set
 * by the nearest trusted proxy) when hops > 0, else the Host header and the socket's own scheme.
 */
export function resolveForwarded(
  socketAddress: string | undefined,
  headers: HeaderBag | Headers,
  hops: number,
  encrypted = false,
): Forwarded {
  const ownHost = headerValue(headers, "host")?.trim() || null;
  const ownProto = encrypted ? "https" : "http";
  if (hops <= 0) {
    return { address: normaliseAddress(socketAddress) ?? "unknown", host: validHost(ownHost), proto: ownProto };
  }
  const chain = [...entries(headerValue(headers, "x-forwarded-for")), socketAddress ?? ""];
  const picked = chain[Math.max(0, chain.length - 1 - hops)];
  const fwdHost = entries(headerValue(headers, "x-forwarded-host")).at(-1) ?? ownHost;
  const fwdProto = entries(headerValue(headers, "x-forwarded-proto")).at(-1)?.toLowerCase();
  return {
    address: normaliseAddress(picked) ?? "unknown",
    host: validHost(fwdHost),
    proto: fwdProto === "https" ? "https" : fwdProto === "http" ? "http" : ownProto,
  };
}

function validHost(value: string | null): string | null {
  return value && HOST.test(value) ? value.toLowerCase() : null;
}

/**
 * The public host of a request for the same-origin rule (server/handler.ts): X-Forwarded-Host only with
 * TRUST_PROXY (behind the app server it already holds the resolved host), else the Host header.
 */
export function requestHost(headers: HeaderBag | Headers, trustProxy: string | undefined): string | null {
  const hops = safeHops(trustProxy);
  return resolveForwarded(undefined, headers, hops).host;
}

/** trustedHops that treats a malformed setting as "no proxy" (the server refuses to start with one). */
export function safeHops(setting: string | undefined): number {
  try {
    return trustedHops(setting);
  } catch {
    return 0;
  }
}
