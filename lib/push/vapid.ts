// API-4: the server's VAPID key pair. From VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY when set; else
// generated on first use and kept in `.data/vapid.json` (or VAPID_FILE), so subscriptions survive
// restarts. The private key never leaves the server.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import webpush from "web-push";

export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

let cached: VapidKeys | null = null;

function file(): string {
  return process.env.VAPID_FILE ?? path.join(/* turbopackIgnore: true */ process.cwd(), ".data", "vapid.json");
}

export function vapidKeys(): VapidKeys {
  if (cached) return cached;
  const subject = process.env.VAPID_SUBJECT ?? "mailto:no-reply@ejournal.invalid";
  if (process.env.VAPID_PUBLIC_KEY && process.env.VAPID_PRIVATE_KEY) {
    return (cached = { publicKey: process.env.VAPID_PUBLIC_KEY, privateKey: process.env.VAPID_PRIVATE_KEY, subject });
  }
  const where = file();
  try {
    const stored = JSON.parse(readFileSync(where, "utf8")) as { publicKey?: string; privateKey?: string };
    if (stored.publicKey && stored.privateKey)
      return (cached = { publicKey: stored.publicKey, privateKey: stored.privateKey, subject });
  } catch {
    // not there yet: generate below
  }
  const keys = webpush.generateVAPIDKeys();
  mkdirSync(path.dirname(where), { recursive: true });
  writeFileSync(where, JSON.stringify(keys), { mode: 0o600 });
  return (cached = { ...keys, subject });
}
