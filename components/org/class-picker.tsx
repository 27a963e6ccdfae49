// Links to the same page for each class of the year.
import Link from "@/components/ui/link";
import { cap, vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

export function ClassPicker({
  path,
  classes,
  current,
  kind = "SCHOOL",
}: {
  path: string;
  classes: readonly { id: number; name: string }[];
  current: number;
  /** DAY-6: «Группы» at a college. */
  kind?: OrgKindName;
}) {
  return (
    <nav aria-label={cap(vocabulary(kind).class.nomPl)} className="flex flex-wrap gap-1 text-sm">
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
