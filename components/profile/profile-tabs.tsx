// Tabs of «Профиль»: the person, API tokens, notifications on this device.
import Link from "@/components/ui/link";

const TABS = [
  { href: "/profile", label: "Профиль" },
  { href: "/profile/tokens", label: "Токены API" },
  { href: "/profile/notifications", label: "Уведомления" },
  { href: "/api-docs", label: "Описание API" },
] as const;

export function ProfileTabs({ current }: { current: (typeof TABS)[number]["href"] }) {
  return (
    <nav aria-label="Разделы профиля" className="flex flex-wrap gap-4 border-b border-slate-200 pb-2 text-sm">
      {TABS.map((t) =>
        t.href === current ? (
          <span key={t.href} aria-current="page" className="font-semibold text-blue-800">
            {t.label}
          </span>
        ) : (
          <Link key={t.href} href={t.href} className="text-slate-700 hover:text-blue-700">
            {t.label}
          </Link>
        ),
      )}
    </nav>
  );
}
