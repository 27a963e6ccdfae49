// The education-authority side of the gate (REG-1, ACL-5). Authority roles sit outside the
// organisation matrix (ACCESS_MATRIX.md, second-wave notes): they hold only these permissions,
// over the organisations of their own territory, and never an organisation permission — an
// authority session is no organisation user (lib/auth/session.ts `getCurrentUser` is null for
// it), so every organisation page, action, route and API resource refuses it in lib/access/guard.ts.
//
//   region.view    — the territory and its organisations, counts only (/region): every authority role;
//   region.reports — the territory report (/region/reports): specialists and heads;
//   region.staff   — who holds authority access to the territory (/region/users, read-only):
//                    heads (a head answers for who sees its territory's figures) and REGIONAL_ADMIN;
//   region.users   — issue, block and reset authority logins of the region (/region/users): REGIONAL_ADMIN.
// Pure data and functions: no I/O, no Prisma. The roles and territories: lib/auth/authority/rules.ts.

import { AUTHORITY_ROLES, type AuthorityRole } from "@/lib/auth/authority/rules";

export const AUTHORITY_MATRIX = {
  "region.view": AUTHORITY_ROLES,
  "region.reports": ["MUNICIPAL_SPECIALIST", "MUNICIPAL_HEAD", "REGIONAL_SPECIALIST", "REGIONAL_HEAD"],
  "region.staff": ["MUNICIPAL_HEAD", "REGIONAL_HEAD", "REGIONAL_ADMIN"],
  "region.users": ["REGIONAL_ADMIN"],
} as const satisfies Record<string, readonly AuthorityRole[]>;

export type AuthorityPermission = keyof typeof AUTHORITY_MATRIX;

export function authorityAllows(role: AuthorityRole, permission: AuthorityPermission): boolean {
  return (AUTHORITY_MATRIX[permission] as readonly AuthorityRole[]).includes(role);
}
