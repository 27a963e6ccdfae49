// «Форум» (MSG-4): the organisation's topics.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { requireAccess } from "@/lib/access/guard";
import { heldPermissions } from "@/lib/access/loaders";
import { loadTopics } from "@/lib/messages/forum/loaders";
import { formatDateTime } from "@/lib/org/time";
import { NewTopicForm } from "@/components/messages/forum-forms";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Форум" };

export default async function ForumPage() {
  const { user } = await requireAccess("forum.use");
  const [topics, held] = await Promise.all([loadTopics(user), heldPermissions(user.organisationId, user.id)]);
  return (
    <div className="space-y-4">
      <PageHeader
        title="Форум"
        actions={
          held.has("forum.moderate") && (
            <Link href="/forum/moderators" className="text-sm text-blue-700 hover:underline">
              Модераторы форума
            </Link>
          )
        }
      />
      {topics.length === 0 ? (
        <p className="text-sm text-slate-500">Тем пока нет.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded border border-slate-200 bg-white">
          {topics.map((t) => (
            <li key={t.id} className="px-3 py-2">
              <Link href={`/forum/${t.id}`} className="font-medium text-blue-700 hover:underline">
                {t.title}
              </Link>
              <p className="text-xs text-slate-500">
                {t.authorName} · сообщений: {t.posts}
                {t.lastPostAt && <> · последнее {formatDateTime(t.lastPostAt, user.timeZone)}</>}
              </p>
            </li>
          ))}
        </ul>
      )}
      <NewTopicForm />
    </div>
  );
}
