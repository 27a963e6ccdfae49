-- CreateTable
CREATE TABLE "AuthorityReportJob" (
    "id" SERIAL NOT NULL,
    "authorityUserId" INTEGER NOT NULL,
    "regionId" INTEGER NOT NULL,
    "municipalityId" INTEGER,
    "report" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'QUEUED',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "fileName" TEXT,
    "bytes" BYTEA,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),

    CONSTRAINT "AuthorityReportJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuthorityReportJob_authorityUserId_status_idx" ON "AuthorityReportJob"("authorityUserId", "status");

-- CreateIndex
CREATE INDEX "AuthorityReportJob_status_createdAt_idx" ON "AuthorityReportJob"("status", "createdAt");

-- CreateIndex
CREATE INDEX "AuthorityReportJob_expiresAt_idx" ON "AuthorityReportJob"("expiresAt");

-- AddForeignKey
ALTER TABLE "AuthorityReportJob" ADD CONSTRAINT "AuthorityReportJob_authorityUserId_fkey" FOREIGN KEY ("authorityUserId") REFERENCES "AuthorityUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthorityReportJob" ADD CONSTRAINT "AuthorityReportJob_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthorityReportJob" ADD CONSTRAINT "AuthorityReportJob_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;
