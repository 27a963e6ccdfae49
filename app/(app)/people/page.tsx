// «Ученики и родители»: the classes the reader may list (PPL-1, ACL-3).
import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/access/guard";
import { classesInScope } from "@/lib/people/lists/loaders";

export const metadata: Metadata = { title: "Ученики" };

export default async function PeoplePage() {
  const { user, scopes } = await requireAccess("people.brief");
  const classes = await classesInScope(user, scopes);
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">Ученики и родители</h1>
      <ul className="flex flex-wrap gap-2">
        {classes.map((c) => (
          <li key={c.id}>
            <Link href={`/people/classes/${c.id}`} className="block rounded border border-slate-200 bg-white px-3 py-1 text-sm hover:border-blue-400">
              {c.name}
            </Link>
          </li>
        ))}
      </ul>
      {classes.length === 0 && <p className="text-sm text-slate-500">Нет классов в вашей области доступа.</p>}
    </div>
  );
}
