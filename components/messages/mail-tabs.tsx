// Sub-navigation of «Почта» (MSG-1).
import Link from "@/components/ui/link";

const TABS = [
  { href: "/mail", label: "Входящие", key: "inbox" },
  { href: "/mail/sent", label: "Отправленные", key: "sent" },
  { href: "/mail/new", label: "Написать", key: "new" },
] as const;

export function MailTabs({ current, unread }: { current: (typeof TABS)[number]["key"] | null; unread: number }) {
  return (
    <nav aria-label="Почта" className="flex flex-wrap gap-2 text-sm">
      {TABS.map((t) => (
        <Link
          key={t.key}
          href={t.href}
          aria-current={current === t.key ? "page" : undefined}
          className={`rounded px-3 py-1 ${current === t.key ? "bg-blue-700 text-white" : "bg-white text-blue-700 ring-1 ring-slate-200 hover:bg-slate-50"}`}
        >
          {t.label}
          {t.key === "inbox" && unread > 0 && <span className="ml-1 tabular-nums">({unread})</span>}
        </Link>
      ))}
    </nav>
  );
}
