// REG-4: sending one webhook. The request goes out with node:http(s) — redirects are not followed —
// and, unless WEBHOOKS_ALLOW_PRIVATE=1 (development, tests), never to a loopback, private, link-local
// or otherwise internal address: the address is checked after the name is resolved, in the same
// lookup the connection uses (no second resolution an attacker's DNS could answer differently), so a
// subscription cannot make the server probe its own network (SSRF).
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";

const INTERNAL = new net.BlockList();
for (const [ip, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 3],
] as const)
  INTERNAL.addSubnet(ip, bits, "ipv4");
for (const [ip, bits] of [
  ["::", 127],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  INTERNAL.addSubnet(ip, bits, "ipv6");

/** Is the address one a webhook may not reach (loopback, private, link-local, multicast …)? */
export function isInternalAddress(ip: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return INTERNAL.check(mapped[1], "ipv4");
  const family = net.isIP(ip);
  if (family === 0) return true;
  return INTERNAL.check(ip, family === 4 ? "ipv4" : "ipv6");
}

export const allowPrivateTargets = () => process.env.WEBHOOKS_ALLOW_PRIVATE === "1";

/** Why a URL may not be subscribed here (Russian), or null. */
export function urlRefusal(url: string, allowPrivate = allowPrivateTargets()): string | null {
  const u = new URL(url);
  if (u.protocol !== "https:" && !allowPrivate) return "Адрес должен начинаться с https://";
  const host = u.hostname.replace(/^\[|\]$/g, "");
  if (
    !allowPrivate &&
    (host === "localhost" || host.endsWith(".localhost") || (net.isIP(host) && isInternalAddress(host)))
  )
    return "Адрес во внутренней сети недоступен для подписки";
  return null;
}

export type SendResult = { status: number } | { error: string };

const TIMEOUT_MS = 10_000;
const REFUSED = "адрес во внутренней сети";

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

/** dns.lookup that refuses internal addresses (the connection's own lookup: no second resolution). */
export function guardedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, "");
    const list = addresses as dns.LookupAddress[];
    if (list.length === 0 || list.some((a) => isInternalAddress(a.address))) {
      const e = new Error(REFUSED) as NodeJS.ErrnoException;
      e.code = "EWEBHOOKINTERNAL";
      return callback(e, "");
    }
    if (options.all) return callback(null, list);
    callback(null, list[0].address, list[0].family);
  });
}

/** POSTs `body` to `url`; the answer's status, or why there was none (a Russian phrase for the log). */
export function sendWebhook(url: string, headers: Record<string, string>, body: string): Promise<SendResult> {
  const allowPrivate = allowPrivateTargets();
  const refusal = urlRefusal(url, allowPrivate);
  if (refusal) return Promise.resolve({ error: refusal });
  const u = new URL(url);
  const client = u.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    const req = client.request(
      u,
      {
        method: "POST",
        headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        ...(allowPrivate ? {} : { lookup: guardedLookup as unknown as typeof dns.lookup }),
        timeout: TIMEOUT_MS,
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
        res.on("error", () => resolve({ status: res.statusCode ?? 0 }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("нет ответа за 10 с")));
    req.on("error", (e: NodeJS.ErrnoException) =>
      resolve({
        error:
          e.code === "EWEBHOOKINTERNAL"
            ? REFUSED
            : e.code === "ECONNREFUSED"
              ? "соединение отклонено"
              : e.code === "ENOTFOUND"
                ? "адрес не найден"
                : e.message.startsWith("нет ответа")
                  ? e.message
                  : `ошибка сети (${e.code ?? "нет кода"})`,
      }),
    );
    req.end(body);
  });
}
