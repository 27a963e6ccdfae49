// «Входящие» (MSG-1): unread messages in bold.
import Link from "@/components/ui/link";
import type { InboxItem } from "@/lib/messages/mailbox/data";
import { formatDateTime } from "@/lib/org/time";

export function InboxTable({ items, timeZone }: { items: InboxItem[]; timeZone: string }) {
  if (items.length === 0) return <p className="text-sm text-slate-500">Входящих сообщений нет.</p>;
  return (
    <ul className="divide-y divide-slate-100 rounded border border-slate-200 bg-white">
      {items.map((m) => (
        <li key={m.id} className={m.readAt ? "" : "bg-blue-50"}>
          <Link
            href={`/mail/${m.id}`}
            className="flex flex-col gap-0.5 px-3 py-2 hover:bg-slate-50 sm:flex-row sm:items-baseline sm:gap-3"
          >
            <span className={`sm:w-64 sm:shrink-0 ${m.readAt ? "" : "font-semibold"}`}>{m.senderName}</span>
            <span className={`min-w-0 flex-1 truncate ${m.readAt ? "" : "font-semibold"}`}>
              {!m.readAt && <span className="sr-only">Непрочитанное: </span>}
              {m.subject}
              {m.attachments > 0 && <span className="ml-1 text-xs text-slate-500">📎 {m.attachments}</span>}
            </span>
            <span className="text-xs text-slate-500 tabular-nums">{formatDateTime(m.createdAt, timeZone)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
