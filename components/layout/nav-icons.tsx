// The phone bar's icons (DAY-4): an outline icon per usual item, else one per menu section. Inline
// SVG paths (24 × 24, stroked): no icon font or package, a few hundred bytes in the client bundle.
import type { NavGroup } from "./nav-items";

const CHART = "M5 20V11M11 20V5M17 20v-6M3 20h18";

const BY_HREF: Readonly<Record<string, string>> = {
  "/": "M3 11l9-8 9 8M5 9.5V20h5v-6h4v6h5V9.5",
  "/diary": "M5 4.5A1.5 1.5 0 0 1 6.5 3H19v15H6.5A1.5 1.5 0 0 0 5 19.5zM5 19.5A1.5 1.5 0 0 0 6.5 21H19M9 7h6",
  "/journal": "M3 4h18v16H3zM3 9h18M3 14h18M9 4v16",
  "/mail": "M3 6h18v12H3zM3 6l9 7 9-7",
  "/schedule": "M4 6h16v14H4zM4 10h16M8 3v5M16 3v5",
  "/board": "M3 10v4l11 5V5zM14 8.5a3.5 3.5 0 0 1 0 7",
  "/forum": "M4 5h16v10H9l-5 4z",
  "/reports": CHART,
  "/plans": "M9 6h11M9 12h11M9 18h11M4 6h1M4 12h1M4 18h1",
  // The education authority's bar (REG-1): its reports as the organisation's, a key for the password.
  "/region/reports": CHART,
  "/change-password": "M8 14a4 4 0 1 1 0-8 4 4 0 0 1 0 8zM11 11l9 0M17 11v3M20 11v3",
};

const BY_GROUP: Readonly<Record<NavGroup, string>> = {
  Учёба: "M2 9l10-5 10 5-10 5zM6 11v5c3 2 9 2 12 0v-5",
  Общение: "M4 5h16v10H9l-5 4z",
  Люди: "M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21a7 7 0 0 1 14 0M16 3.5a4 4 0 0 1 0 7.5M22 21a7 7 0 0 0-4-6.3",
  Организация: "M4 21V5l8-3 8 3v16M9 21v-5h6v5M8 8h1M15 8h1M8 12h1M15 12h1",
  Контроль: "M12 3l8 3v6c0 5-4 8-8 9-4-1-8-4-8-9V6zM8.5 12l2.5 2.5 4.5-5",
};

/** «Ещё»: three dots. */
export const MORE_ICON =
  "M4 12a1.5 1.5 0 1 0 3 0 1.5 1.5 0 1 0-3 0M10.5 12a1.5 1.5 0 1 0 3 0 1.5 1.5 0 1 0-3 0M17 12a1.5 1.5 0 1 0 3 0 1.5 1.5 0 1 0-3 0";

export function NavIcon({ path }: { path: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      aria-hidden="true"
      className="h-5 w-5"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={path} />
    </svg>
  );
}

export const iconOf = (item: { href: string; group: NavGroup }): string => BY_HREF[item.href] ?? BY_GROUP[item.group];
