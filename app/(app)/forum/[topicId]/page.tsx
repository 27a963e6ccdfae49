// A forum topic (MSG-4): hidden posts show only a note; moderators still see their text.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireAccess } from "@/lib/access/guard";
import { loadCanModerate, loadTopic } from "@/lib/messages/forum/loaders";
import { idSchema } from "@/lib/messages/schema";
import { formatDateTime } from "@/lib/org/time";
import { HidePostButton, ReplyForm } from "@/components/messages/forum-forms";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Форум" };

const params = z.object({ topicId: idSchema });

export default async function TopicPage({ params: raw }: { params: Promise<{ topicId: string }> }) {
  const parsed = params.safeParse(await raw);
  if (!parsed.success) notFound();
  const { user } = await requireAccess("forum.use");
  const [topic, moderator] = await Promise.all([loadTopic(user, parsed.data.topicId), loadCanModerate(user)]);
  if (!topic) notFound();
  return (
    <div className="space-y-4">
      <PageHeader
        back={{ href: "/forum", label: "Все темы" }}
        title={<span className="break-words">{topic.title}</span>}
      />
      <ol className="space-y-2">
        {topic.posts.map((p) => (
          <li
            key={p.id}
            className={`rounded border p-3 ${p.hidden ? "border-dashed border-slate-300 bg-slate-50" : "border-slate-200 bg-white"}`}
          >
            <p className="text-xs text-slate-500">
              {p.authorName} · {formatDateTime(p.createdAt, user.timeZone)}
              {moderator && (
                <>
                  {" · "}
                  <HidePostButton postId={p.id} hidden={p.hidden} />
                </>
              )}
            </p>
            {p.hidden && (
              <p className="text-sm italic text-slate-500">
                Сообщение скрыто модератором{moderator && p.hiddenByName ? ` (${p.hiddenByName})` : ""}
              </p>
            )}
            {(!p.hidden || moderator) && (
              <p className={`mt-1 whitespace-pre-line break-words text-sm ${p.hidden ? "text-slate-400" : ""}`}>
                {p.body}
              </p>
            )}
          </li>
        ))}
      </ol>
      <ReplyForm topicId={topic.id} />
    </div>
  );
}
