// AUTH-4: passwords are hashed with argon2id (memory-hard). @node-rs/argon2 defaults to argon2id.
import { hash, verify } from "@node-rs/argon2";
import { randomInt } from "node:crypto";

const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, OPTIONS);
}

export async function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  try {
    return await verify(passwordHash, plain);
  } catch {
    return false;
  }
}

// No look-alike characters (0/O, 1/l/I) so a slip can be typed from paper.
const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A one-time initial password for a credential slip (AUTH-2). */
export function generateOneTimePassword(length = 10): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}
