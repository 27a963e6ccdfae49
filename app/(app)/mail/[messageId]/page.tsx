// One message and its conversation (MSG-1). Only its sender and recipients see it: for anyone
// else the id does not exist (404), whatever their role.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireAccess } from "@/lib/access/guard";
import { loadUnreadCount, openMessage } from "@/lib/messages/mail/loaders";
import { idSchema } from "@/lib/messages/schema";
import { MailTabs } from "@/components/messages/mail-tabs";
import { MessageCard } from "@/components/messages/message-card";
import { RefreshOnRead } from "@/components/messages/refresh-on-read";

export const metadata: Metadata = { title: "Сообщение" };

const params = z.object({ messageId: idSchema });

export default async function MessagePage({
  params: raw,
  searchParams,
}: {
  params: Promise<{ messageId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const parsed = params.safeParse(await raw);
  if (!parsed.success) notFound();
  const { user } = await requireAccess("mail.use");
  const opened = await openMessage(user, parsed.data.messageId);
  if (!opened) notFound();
  const unread = await loadUnreadCount(user);
  const justSent = (await searchParams).sent === "1";
  return (
    <div className="space-y-4">
      {opened.markedRead && <RefreshOnRead />}
      <MailTabs current={null} unread={unread} />
      {justSent && (
        <p role="status" className="rounded bg-green-50 px-3 py-2 text-sm text-green-800">
          Сообщение отправлено.
        </p>
      )}
      <MessageCard m={opened.message} viewerId={user.id} timeZone={user.timeZone} />
      <Link
        href={`/mail/new?replyTo=${opened.message.id}`}
        className="inline-block rounded bg-blue-700 px-4 py-1.5 text-sm font-medium text-white"
      >
        Ответить
      </Link>
      {opened.thread.length > 0 && (
        <section aria-labelledby="thread-title" className="space-y-2">
          <h2 id="thread-title" className="font-semibold">
            Переписка
          </h2>
          {opened.thread.map((m) => (
            <MessageCard key={m.id} m={m} viewerId={user.id} timeZone={user.timeZone} compact />
          ))}
        </section>
      )}
    </div>
  );
}
