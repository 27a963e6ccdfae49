// «Почта» — входящие (MSG-1) and, for class teachers and DEPUTY, «Неотвеченные вопросы родителей» (MSG-2).
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { loadInbox, loadOverdueQuestions, loadUnreadCount } from "@/lib/messages/mail/loaders";
import { MailTabs } from "@/components/messages/mail-tabs";
import { InboxTable } from "@/components/messages/inbox-table";
import { OverduePanel } from "@/components/messages/overdue-panel";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Почта" };

export default async function InboxPage() {
  const { user } = await requireAccess("mail.use");
  const [items, unread, overdue] = await Promise.all([
    loadInbox(user),
    loadUnreadCount(user),
    loadOverdueQuestions(user),
  ]);
  return (
    <div className="space-y-4">
      <PageHeader title="Почта" />
      <MailTabs current="inbox" unread={unread} />
      {overdue && <OverduePanel list={overdue} timeZone={user.timeZone} />}
      <InboxTable items={items} timeZone={user.timeZone} />
    </div>
  );
}
