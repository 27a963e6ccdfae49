// «Отправленные» (MSG-1) with read receipts: how many recipients have read each message.
import Link from "@/components/ui/link";
import type { SentItem } from "@/lib/messages/mailbox/data";
import { formatDateTime } from "@/lib/org/time";

function recipientsLabel(m: SentItem): string {
  const shown = m.recipientNames.slice(0, 3).join(", ");
  return m.recipients > 3 ? `${shown} и ещё ${m.recipients - 3}` : shown;
}

export function SentTable({ items, timeZone }: { items: SentItem[]; timeZone: string }) {
  if (items.length === 0) return <p className="text-sm text-slate-500">Отправленных сообщений нет.</p>;
  return (
    <ul className="divide-y divide-slate-100 rounded border border-slate-200 bg-white">
      {items.map((m) => (
        <li key={m.id}>
          <Link
            href={`/mail/${m.id}`}
            className="flex flex-col gap-0.5 px-3 py-2 hover:bg-slate-50 sm:flex-row sm:items-baseline sm:gap-3"
          >
            <span className="truncate sm:w-64 sm:shrink-0">Кому: {recipientsLabel(m)}</span>
            <span className="min-w-0 flex-1 truncate">{m.subject}</span>
            <span className="text-xs text-slate-500">
              {m.read === m.recipients ? "прочитано" : `прочитано ${m.read} из ${m.recipients}`} ·{" "}
              <span className="tabular-nums">{formatDateTime(m.createdAt, timeZone)}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
