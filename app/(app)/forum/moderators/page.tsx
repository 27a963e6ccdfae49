// «Модераторы форума» (MSG-4): ADMIN (forum.moderate) appoints the users who may hide posts.
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { loadModeratorCandidates } from "@/lib/messages/forum/loaders";
import { ModeratorToggle } from "@/components/messages/forum-forms";

export const metadata: Metadata = { title: "Модераторы форума" };

export default async function ModeratorsPage() {
  const { user } = await requireAccess("forum.moderate");
  const people = await loadModeratorCandidates(user);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Модераторы форума</h1>
      <p className="text-sm text-slate-600">
        Модератор может скрывать сообщения форума. Назначаются сотрудники организации.
      </p>
      <table className="w-full max-w-2xl rounded border border-slate-200 bg-white text-sm">
        <tbody>
          {people.map((p) => (
            <tr key={p.userId} className="border-t border-slate-100">
              <td className="px-3 py-1">{p.name}</td>
              <td className="px-3 py-1 text-slate-600">{p.isModerator ? "модератор" : ""}</td>
              <td className="px-3 py-1 text-right">
                <ModeratorToggle userId={p.userId} isModerator={p.isModerator} name={p.name} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
