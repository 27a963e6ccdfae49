// «Вебхуки» (REG-4): the organisation's subscriptions to events and the delivery log (webhooks.manage).
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { requireAccess } from "@/lib/access/guard";
import { formatDateTime } from "@/lib/org/time";
import { loadWebhooksPage } from "@/lib/webhooks/loaders";
import { EVENT_LABELS, isWebhookEvent, WEBHOOK_EVENTS } from "@/lib/webhooks/rules";
import { Card } from "@/components/ui/card";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { CreateSubscriptionForm, SubscriptionActions } from "@/components/admin/webhook-panel";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Вебхуки" };

const STATUS = { PENDING: "ожидает", DELIVERED: "доставлено", FAILED: "не доставлено" } as const;

const SUBSCRIPTION_COLUMNS: DataColumn[] = [
  { key: "url", header: "Адрес", rowHeader: true },
  { key: "events", header: "События" },
  { key: "state", header: "Состояние" },
  { key: "actions", header: "" },
];

const LOG_COLUMNS: DataColumn[] = [
  { key: "at", header: "Событие произошло", sortable: true, descFirst: true },
  { key: "event", header: "Событие", sortable: true },
  { key: "url", header: "Адрес" },
  { key: "status", header: "Доставка", sortable: true },
  { key: "attempts", header: "Попыток", align: "right" },
  { key: "code", header: "Ответ", align: "right" },
  { key: "note", header: "Ошибка / следующая попытка" },
];

const eventLabel = (e: string) => (isWebhookEvent(e) ? EVENT_LABELS[e] : e);

export default async function WebhooksPage() {
  const { user } = await requireAccess("webhooks.manage");
  const { subscriptions, deliveries } = await loadWebhooksPage(user);
  const at = (d: Date) => formatDateTime(d, user.timeZone);
  const urlOf = new Map(subscriptions.map((s) => [s.id, s.url]));
  return (
    <div className="space-y-4">
      <PageHeader title="Вебхуки" />
      <p className="max-w-3xl text-sm text-slate-600">
        Программа вашей организации может получать события журнала, не храня ничьих паролей: сервер отправляет
        POST-запрос с JSON на указанный адрес и подписывает его (HMAC-SHA256, заголовок{" "}
        <code className="font-mono">X-Journal-Signature</code>) секретом подписки. В событии — только идентификаторы и
        изменение, без имён. Неудачная доставка повторяется с растущими паузами в течение суток; после многих неудач
        подряд подписка отключается. Формат описан на странице{" "}
        <Link href="/api-docs" className="text-blue-700 underline">
          API
        </Link>
        .
      </p>
      <CreateSubscriptionForm events={WEBHOOK_EVENTS.map((e) => ({ value: e, label: EVENT_LABELS[e] }))} />
      <Card title="Подписки">
        <DataTable
          label="Подписки"
          columns={SUBSCRIPTION_COLUMNS}
          empty="Подписок нет."
          rows={subscriptions.map((s) => ({
            key: s.id,
            cells: {
              url: <span className="break-all font-mono text-xs">{s.url}</span>,
              events: s.events.map(eventLabel).join(", "),
              state: s.active ? (
                s.failures > 0 ? (
                  `действует (неудач подряд: ${s.failures})`
                ) : (
                  "действует"
                )
              ) : (
                <span className="text-red-700">{s.disabledReason ?? "отключена"}</span>
              ),
              actions: <SubscriptionActions id={s.id} active={s.active} />,
            },
          }))}
        />
      </Card>
      <Card title="Журнал доставки (последние 50)">
        <DataTable
          label="Журнал доставки"
          columns={LOG_COLUMNS}
          dense
          empty="Событий ещё не было."
          rows={deliveries.map((d) => ({
            key: String(d.id),
            cells: {
              at: { value: at(d.occurredAt), sort: d.occurredAt.getTime() },
              event: eventLabel(d.event),
              url: <span className="break-all font-mono text-xs">{urlOf.get(d.subscriptionId) ?? "—"}</span>,
              status: {
                value: STATUS[d.status],
                className: d.status === "FAILED" ? "text-red-700" : d.status === "DELIVERED" ? "text-green-800" : "",
              },
              attempts: d.attempts,
              code: d.responseCode ?? "—",
              note:
                d.status === "PENDING" && d.attempts > 0
                  ? `${d.error ?? ""}; следующая попытка ${at(d.nextAttemptAt)}`
                  : (d.error ?? ""),
            },
          }))}
        />
      </Card>
    </div>
  );
}
