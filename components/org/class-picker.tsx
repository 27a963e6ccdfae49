// Links to the same page for each class of the year.
import Link from "@/components/ui/link";

export function ClassPicker({
  path,
  classes,
  current,
}: {
  path: string;
  classes: readonly { id: number; name: string }[];
  current: number;
}) {
  return (
    <nav aria-label="Классы" className="flex flex-wrap gap-1 text-sm">
      {classes.map((c) => (
        <Link
          key={c.id}
          href={`${path}?classId=${c.id}`}
          aria-current={c.id === current ? "page" : undefined}
          className={`rounded border px-2 py-0.5 ${c.id === current ? "border-blue-600 bg-blue-50" : "border-slate-200 bg-white"}`}
        >
          {c.name}
        </Link>
      ))}
    </nav>
  );
}
