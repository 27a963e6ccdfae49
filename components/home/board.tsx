import type { AnnouncementView } from "@/lib/messages/data";
import { formatDate } from "@/lib/org/time";

export function Board({ items }: { items: AnnouncementView[] }) {
  return (
    <section aria-labelledby="board-title" className="rounded border border-slate-200 bg-white p-4">
      <h2 id="board-title" className="mb-2 font-semibold">
        Доска объявлений
      </h2>
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">Объявлений нет.</p>
      ) : (
        <ul className="space-y-3">
          {items.map((a) => (
            <li key={a.id}>
              <p className="font-medium">{a.title}</p>
              <p className="whitespace-pre-line text-sm text-slate-700">{a.body}</p>
              <p className="text-xs text-slate-500">
                {formatDate(a.startsAt)} · {a.authorName}
                {a.className ? ` · для ${a.className}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
