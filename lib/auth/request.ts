// Facts about the current HTTP request for server actions, route handlers and next-auth events:
// the client address (see `clientAddress` for the TRUST_PROXY rules) and the user agent.
import { headers } from "next/headers";
import { clientAddress } from "./rules";

export type HeaderRecord = Record<string, string | string[] | undefined>;

async function currentHeaders(): Promise<HeaderRecord | null> {
  try {
    return Object.fromEntries(await headers());
  } catch {
    // Outside a request (scripts, tests): no headers.
    return null;
  }
}

/** The client address of the current request, or null outside a request. */
export async function requestAddress(): Promise<string | null> {
  const bag = await currentHeaders();
  return bag ? clientAddress(bag) : null;
}

/** The user agent from a header bag, trimmed to a sane length for storage. */
export function userAgentOf(bag: HeaderRecord): string | null {
  const raw = bag["user-agent"];
  const value = Array.isArray(raw) ? raw.join(" ") : raw;
  return value ? value.slice(0, 500) : null;
}
