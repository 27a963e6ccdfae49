-- CreateTable
CREATE TABLE "ApiToken" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "PushSubscription" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "endpoint" TEXT NOT NULL,
    "p256dh" TEXT NOT NULL,
    "auth" TEXT NOT NULL,
    "kinds" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PushSubscription_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateIndex
CREATE INDEX "ApiToken_organisationId_userId_idx" ON "ApiToken"("organisationId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_organisationId_tokenHash_key" ON "ApiToken"("organisationId", "tokenHash");

-- CreateIndex
CREATE INDEX "PushSubscription_organisationId_userId_idx" ON "PushSubscription"("organisationId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "PushSubscription_organisationId_endpoint_key" ON "PushSubscription"("organisationId", "endpoint");

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_organisationId_userId_fkey" FOREIGN KEY ("organisationId", "userId") REFERENCES "User"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PushSubscription" ADD CONSTRAINT "PushSubscription_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PushSubscription" ADD CONSTRAINT "PushSubscription_organisationId_userId_fkey" FOREIGN KEY ("organisationId", "userId") REFERENCES "User"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
