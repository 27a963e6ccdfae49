// «Почта» — отправленные, with read receipts (MSG-1).
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { loadSent, loadUnreadCount } from "@/lib/messages/mail/loaders";
import { MailTabs } from "@/components/messages/mail-tabs";
import { SentTable } from "@/components/messages/sent-table";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Отправленные" };

export default async function SentPage() {
  const { user } = await requireAccess("mail.use");
  const [items, unread] = await Promise.all([loadSent(user), loadUnreadCount(user)]);
  return (
    <div className="space-y-4">
      <PageHeader title="Почта" />
      <MailTabs current="sent" unread={unread} />
      <SentTable items={items} timeZone={user.timeZone} />
    </div>
  );
}
