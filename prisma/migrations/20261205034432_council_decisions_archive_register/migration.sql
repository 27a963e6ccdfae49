-- AlterTable
ALTER TABLE "YearDecision" ADD COLUMN     "date" DATE,
ADD COLUMN     "movementId" INTEGER,
ADD COLUMN     "protocolDate" DATE,
ADD COLUMN     "protocolNumber" TEXT,
ADD COLUMN     "recordedAt" TIMESTAMP(3),
ADD COLUMN     "recordedById" INTEGER;

-- CreateTable
CREATE TABLE "ArchiveDocument" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "setId" INTEGER NOT NULL,
    "yearId" INTEGER NOT NULL,
    "classId" INTEGER,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "retentionYears" INTEGER,
    "retentionEnd" DATE,
    "destroyedAt" TIMESTAMP(3),
    "disposalActId" INTEGER,

    CONSTRAINT "ArchiveDocument_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "ArchiveDisposalAct" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "number" INTEGER NOT NULL,
    "actDate" DATE NOT NULL,
    "basis" TEXT,
    "confirmedById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "storageKey" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,

    CONSTRAINT "ArchiveDisposalAct_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "ArchiveRetention" (
    "organisationId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "years" INTEGER NOT NULL,

    CONSTRAINT "ArchiveRetention_pkey" PRIMARY KEY ("organisationId","kind")
);

-- CreateIndex
CREATE INDEX "ArchiveDocument_organisationId_setId_idx" ON "ArchiveDocument"("organisationId", "setId");

-- CreateIndex
CREATE INDEX "ArchiveDocument_organisationId_retentionEnd_idx" ON "ArchiveDocument"("organisationId", "retentionEnd");

-- CreateIndex
CREATE UNIQUE INDEX "ArchiveDocument_organisationId_storageKey_key" ON "ArchiveDocument"("organisationId", "storageKey");

-- CreateIndex
CREATE UNIQUE INDEX "ArchiveDisposalAct_organisationId_number_key" ON "ArchiveDisposalAct"("organisationId", "number");

-- AddForeignKey
ALTER TABLE "YearDecision" ADD CONSTRAINT "YearDecision_organisationId_movementId_fkey" FOREIGN KEY ("organisationId", "movementId") REFERENCES "Movement"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveDocument" ADD CONSTRAINT "ArchiveDocument_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveDocument" ADD CONSTRAINT "ArchiveDocument_organisationId_setId_fkey" FOREIGN KEY ("organisationId", "setId") REFERENCES "ArchiveSet"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveDocument" ADD CONSTRAINT "ArchiveDocument_organisationId_disposalActId_fkey" FOREIGN KEY ("organisationId", "disposalActId") REFERENCES "ArchiveDisposalAct"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveDisposalAct" ADD CONSTRAINT "ArchiveDisposalAct_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveRetention" ADD CONSTRAINT "ArchiveRetention_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill (REC-5): register rows for archive sets built before the register existed, with the
-- default retention periods (summary sheets 25 years, the printed journal and the data export 5),
-- counted from 1 January after the year's end.
INSERT INTO "ArchiveDocument" ("organisationId", "setId", "yearId", "classId", "name", "kind", "storageKey", "sha256", "size", "createdAt", "retentionYears", "retentionEnd")
SELECT a."organisationId", a.id, a."yearId", (f->>'classId')::int, f->>'name', f->>'kind', f->>'storageKey', f->>'sha256',
       (f->>'size')::int, a."createdAt", r.years, make_date(extract(year FROM y."endDate")::int + r.years, 12, 31)
  FROM "ArchiveSet" a
  JOIN "AcademicYear" y ON y."organisationId" = a."organisationId" AND y.id = a."yearId"
  CROSS JOIN LATERAL jsonb_array_elements(a.manifest->'manifest'->'files') f
  JOIN (VALUES ('summary', 25), ('journal', 5), ('export', 5)) AS r(kind, years) ON r.kind = f->>'kind'
ON CONFLICT DO NOTHING;
