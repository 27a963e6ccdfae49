// «Уведомления» (API-4): Web Push on this device — families for new marks, homework, final marks
// and messages; staff for journal remarks and messages.
import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { kindsFor, PUSH_KIND_LABELS } from "@/lib/push/rules";
import { vapidKeys } from "@/lib/push/vapid";
import { ProfileTabs } from "@/components/profile/profile-tabs";
import { PushPanel } from "@/components/profile/push-panel";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Уведомления" };

export default async function NotificationsPage() {
  // One's own device setting: the signed-in session is the gate.
  const user = await requireUser();
  const kinds = kindsFor(user.roles).map((kind) => ({ kind, label: PUSH_KIND_LABELS[kind] }));
  return (
    <div className="space-y-4">
      <ProfileTabs current="/profile/notifications" />
      <PageHeader title="Уведомления" />
      <p className="max-w-3xl text-sm text-slate-600">
        Уведомления приходят на это устройство, даже когда журнал закрыт. Включаются отдельно на каждом телефоне и
        компьютере. В уведомлении — только короткий текст («Новая отметка: Алгебра 5»); подробности — в дневнике.
      </p>
      <PushPanel publicKey={vapidKeys().publicKey} kinds={kinds} />
    </div>
  );
}
