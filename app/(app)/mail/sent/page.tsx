// «Почта» — отправленные, with read receipts (MSG-1).
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { loadSent, loadUnreadCount } from "@/lib/messages/mail/loaders";
import { MailTabs } from "@/components/messages/mail-tabs";
import { SentTable } from "@/components/messages/sent-table";

export const metadata: Metadata = { title: "Отправленные" };

export default async function SentPage() {
  const { user } = await requireAccess("mail.use");
  const [items, unread] = await Promise.all([loadSent(user), loadUnreadCount(user)]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Почта</h1>
      <MailTabs current="sent" unread={unread} />
      <SentTable items={items} timeZone={user.timeZone} />
    </div>
  );
}
