// «Написать сообщение» (MSG-1); `?replyTo=<id>` answers a message the user sent or received; `?to=<userId>`
// starts a message to one person the sender may write to (DAY-4: «Написать классному руководителю»).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireAccess } from "@/lib/access/guard";
import { loadComposeOptions, loadReplyDraft, loadUnreadCount } from "@/lib/messages/mail/loaders";
import { idSchema } from "@/lib/messages/schema";
import { MailTabs } from "@/components/messages/mail-tabs";
import { ComposeForm } from "@/components/messages/compose-form";
import { PageHeader } from "@/components/ui/page-header";
import { vocabulary } from "@/lib/org/vocabulary";

export const metadata: Metadata = { title: "Написать сообщение" };

const search = z.object({ replyTo: idSchema.optional(), to: idSchema.optional() });

export default async function ComposePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user } = await requireAccess("mail.use");
  const parsed = search.safeParse(await searchParams);
  if (!parsed.success) notFound();
  const [options, unread, draft] = await Promise.all([
    loadComposeOptions(user),
    loadUnreadCount(user),
    parsed.data.replyTo ? loadReplyDraft(user, parsed.data.replyTo) : null,
  ]);
  if (parsed.data.replyTo && !draft) notFound();
  // A recipient the rule does not offer is simply not prefilled (the server checks again on sending).
  const to = parsed.data.to ? options.persons.find((p) => p.userId === parsed.data.to) : undefined;
  const prefill =
    draft ?? (to ? { replyToId: null, people: [{ userId: to.userId, name: to.name }], subject: "" } : null);
  return (
    <div className="space-y-4">
      <PageHeader title={draft ? "Ответ" : "Новое сообщение"} />
      <MailTabs current="new" unread={unread} />
      {options.family && (
        <p className="text-sm text-slate-600">
          {/* DAY-6 (issue 22 round 24): a college's «преподавателям ваших групп, куратору». */}
          Вы можете написать {vocabulary(user.orgKind).teacher.datPl} ваших{" "}
          {user.roles.includes("PARENT") ? "детей" : vocabulary(user.orgKind).class.genPl},{" "}
          {vocabulary(user.orgKind).classTeacher.dat} и администрации.
        </p>
      )}
      <ComposeForm options={options} draft={prefill} kind={user.orgKind} />
    </div>
  );
}
