-- CreateEnum
CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- CreateTable
CREATE TABLE "WebhookSubscription" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "events" TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "disabledReason" TEXT,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookSubscription_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "organisationId" INTEGER NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "subscriptionId" INTEGER NOT NULL,
    "event" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "lastAttemptAt" TIMESTAMP(3),
    "responseCode" INTEGER,
    "error" TEXT,
    "deliveredAt" TIMESTAMP(3),

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateIndex
CREATE INDEX "WebhookSubscription_organisationId_active_idx" ON "WebhookSubscription"("organisationId", "active");

-- CreateIndex
CREATE INDEX "WebhookDelivery_organisationId_status_nextAttemptAt_idx" ON "WebhookDelivery"("organisationId", "status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_organisationId_subscriptionId_id_idx" ON "WebhookDelivery"("organisationId", "subscriptionId", "id");

-- AddForeignKey
ALTER TABLE "WebhookSubscription" ADD CONSTRAINT "WebhookSubscription_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_organisationId_subscriptionId_fkey" FOREIGN KEY ("organisationId", "subscriptionId") REFERENCES "WebhookSubscription"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
