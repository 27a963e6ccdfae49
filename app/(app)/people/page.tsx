// «Ученики и родители»: the classes the reader may list (PPL-1, ACL-3) with their figures today,
// and a search of pupils by surname within the same classes.
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requireAccess } from "@/lib/access/guard";
import { formatDate, todayIn } from "@/lib/org/time";
import { loadPeopleOverview } from "@/lib/people/lists/loaders";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";

export const metadata: Metadata = { title: "Ученики" };

const search = z.object({ q: z.string().trim().min(2).max(60).optional().catch(undefined) });

export default async function PeoplePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, scopes } = await requireAccess("people.brief");
  const q = search.parse(await searchParams).q ?? null;
  const { classes, found } = await loadPeopleOverview(user, scopes, q);
  const total = classes.reduce((n, c) => n + c.students, 0);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold">Ученики и родители</h1>
          <p className="text-sm text-slate-600">
            {classes.length} кл. · {total} уч. на {formatDate(todayIn(user.timeZone))}
          </p>
        </div>
        <form className="flex items-end gap-2 text-sm" role="search">
          <label>
            <span className="block text-xs text-slate-600">Фамилия ученика</span>
            <Input name="q" defaultValue={q ?? ""} minLength={2} />
          </label>
          <Button variant="secondary" type="submit">
            Найти
          </Button>
        </form>
      </div>
      {found && (
        <section className="rounded border border-slate-200 bg-white p-3 text-sm">
          <h2 className="mb-1 font-semibold">
            Найдено: {found.length}
            {found.length === 50 ? " (первые 50)" : ""}
          </h2>
          <ul>
            {found.map((s) => (
              <li key={s.id}>
                <Link className="text-blue-700 hover:underline" href={`/people/students/${s.id}`}>
                  {s.fullName}
                </Link>
                <span className="text-slate-500">
                  {" "}
                  · {s.className} · {formatDate(s.birthDate)}
                </span>
              </li>
            ))}
            {found.length === 0 && <li className="text-slate-500">Никого не найдено.</li>}
          </ul>
        </section>
      )}
      <table className="w-full rounded border border-slate-200 bg-white text-sm">
        <thead className="bg-slate-50 text-left text-xs text-slate-500">
          <tr>
            <th className="px-2">Класс</th>
            <th>Классный руководитель / куратор</th>
            <th className="text-right">Учеников</th>
            <th className="text-right">Не очно</th>
            <th className="px-2 text-right">Без логина</th>
          </tr>
        </thead>
        <tbody>
          {classes.map((c) => (
            <tr key={c.id} className="border-t border-slate-100">
              <td className="px-2">
                <Link href={`/people/classes/${c.id}`} className="text-blue-700 hover:underline">
                  {c.name}
                </Link>
              </td>
              <td>{c.teachers.join(", ") || "—"}</td>
              <td className="text-right tabular-nums">{c.students}</td>
              <td className="text-right tabular-nums">{c.notFullTime || "—"}</td>
              <td className="px-2 text-right tabular-nums">{c.withoutLogin || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {classes.length === 0 && <p className="text-sm text-slate-500">Нет классов в вашей области доступа.</p>}
    </div>
  );
}
