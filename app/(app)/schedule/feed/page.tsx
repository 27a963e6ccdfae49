// «Календарь (ICS)»: a personal iCalendar link to one's own schedule (SCH-6).
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { heldPermissions } from "@/lib/access/loaders";
import { loadMyFeed } from "@/lib/schedule/feed/loaders";
import { formatDateTime } from "@/lib/org/time";
import { ScheduleTabs } from "@/components/schedule/schedule-tabs";
import { FeedPanel } from "@/components/schedule/feed-panel";
import { PageHeader } from "@/components/ui/page-header";
import { vocabulary } from "@/lib/org/vocabulary";

export const metadata: Metadata = { title: "Календарь (ICS)" };

export default async function FeedPage() {
  const { user } = await requireAccess("schedule.viewOwn");
  const [held, feed] = await Promise.all([
    heldPermissions(user.organisationId, user.id),
    loadMyFeed(user.organisationId, user.id),
  ]);
  return (
    <div className="space-y-3">
      <ScheduleTabs held={held} current="/schedule/feed" />
      <PageHeader title="Календарь (ICS)" />
      <p className="max-w-3xl text-sm text-slate-600">
        Секретная ссылка на ваше расписание в формате iCalendar: добавьте её в календарь телефона или почты. В календаре
        — {vocabulary(user.orgKind).lesson.nomPl} с прошлой недели на пять недель вперёд, с изменениями и заменами. Кто
        знает ссылку, видит расписание; если она попала к чужим, отзовите её и создайте новую.
      </p>
      <FeedPanel active={feed !== null} since={feed ? formatDateTime(feed.createdAt, user.timeZone) : null} />
    </div>
  );
}
