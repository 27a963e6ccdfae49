// One message (MSG-1): text as React text with line breaks kept (no HTML is ever interpreted),
// attachments through the guarded download route, read receipts for the sender. A recipient
// does not see the other recipients' names.
import type { MessageView } from "@/lib/messages/mailbox/data";
import { formatDateTime } from "@/lib/org/time";
import { formatNumber } from "@/lib/org/vocabulary";

function size(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${formatNumber(bytes / 1024 / 1024, 1)} МБ`
    : `${Math.max(1, Math.round(bytes / 1024))} КБ`;
}

export function MessageCard({
  m,
  viewerId,
  timeZone,
  compact = false,
}: {
  m: MessageView;
  viewerId: number;
  timeZone: string;
  compact?: boolean;
}) {
  const mine = m.senderId === viewerId;
  return (
    <article className={`rounded border bg-white p-4 ${compact ? "border-slate-100" : "border-slate-200"}`}>
      <header className="mb-2 space-y-0.5 text-sm">
        {compact ? (
          <p className="font-medium">{m.subject}</p>
        ) : (
          <h1 className="text-xl font-semibold break-words">{m.subject}</h1>
        )}
        <p>
          <span className="text-slate-500">От: </span>
          {m.senderName}
          <span className="ml-2 text-xs text-slate-500 tabular-nums">{formatDateTime(m.createdAt, timeZone)}</span>
        </p>
        <p>
          <span className="text-slate-500">Кому: </span>
          {mine ? (
            <span>
              {m.recipients.map((r, i) => (
                <span key={r.userId}>
                  {i > 0 && ", "}
                  {r.name}{" "}
                  <span className={`text-xs ${r.readAt ? "text-green-700" : "text-slate-500"}`}>
                    ({r.readAt ? `прочитано ${formatDateTime(r.readAt, timeZone)}` : "не прочитано"})
                  </span>
                </span>
              ))}
            </span>
          ) : (
            // A recipient sees only themselves: other recipients may be other families (MSG-1).
            <>
              вам
              {m.recipients.length > 1 &&
                ` и ещё ${m.recipients.length - 1} получател${m.recipients.length === 2 ? "ю" : "ям"}`}
            </>
          )}
        </p>
      </header>
      <div className="whitespace-pre-line break-words text-sm leading-relaxed" data-testid="message-body">
        {m.body}
      </div>
      {m.attachments.length > 0 && (
        <ul className="mt-3 space-y-1 border-t border-slate-100 pt-2 text-sm">
          {m.attachments.map((a) => (
            <li key={a.id}>
              <a href={`/api/messages/attachments/${a.id}`} className="text-blue-700 hover:underline">
                📎 {a.fileName}
              </a>{" "}
              <span className="text-xs text-slate-500">{size(a.size)}</span>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
