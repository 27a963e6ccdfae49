// DAY-2: one home-page widget — a titled list of tasks, each a link to where the task is done.
import Link from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import type { HomeWidget } from "@/lib/home/data";

export function TaskWidget({ widget }: { widget: HomeWidget }) {
  return (
    <Card
      title={widget.title}
      data-widget={widget.key}
      actions={
        widget.more ? (
          <Link href={widget.more.href} className="text-blue-700 hover:underline">
            {widget.more.text}
          </Link>
        ) : undefined
      }
    >
      {widget.tasks.length === 0 ? (
        <p className="text-sm text-slate-500">{widget.empty}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {widget.tasks.map((t, i) => (
            <li key={`${t.href}:${i}`} className="flex flex-wrap items-baseline justify-between gap-x-3">
              <Link href={t.href} className="text-blue-700 hover:underline">
                {t.text}
              </Link>
              {t.note && <span className="text-xs text-slate-500">{t.note}</span>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
