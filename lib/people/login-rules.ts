// Logins for issued accounts (AUTH-2): Latin transliteration of the surname plus initials,
// unique inside the organisation by a numeric suffix. Users cannot change it later (AUTH-3).
import { transliterate } from "@/lib/auth/rules";

/** «Соколова Елена Викторовна» → "sokolova.ev". */
export function baseLogin(p: { lastName: string; firstName: string; middleName?: string | null }): string {
  const last = transliterate(p.lastName).slice(0, 20) || "user";
  const initials = transliterate((p.firstName[0] ?? "") + (p.middleName?.[0] ?? ""));
  return initials ? `${last}.${initials}` : last;
}

/** The first free login: base, base2, base3 … */
export function uniqueLogin(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}

export const LOGIN_PATTERN = /^[a-z0-9._-]{3,40}$/;
