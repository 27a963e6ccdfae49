-- CreateEnum
CREATE TYPE "TimetableVersionStatus" AS ENUM ('SUBMITTED', 'APPROVED', 'RETURNED');

-- CreateTable
CREATE TABLE "TimetableVersion" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "yearId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "TimetableVersionStatus" NOT NULL DEFAULT 'SUBMITTED',
    "snapshot" JSONB NOT NULL,
    "classIds" INTEGER[],
    "note" TEXT,
    "comment" TEXT,
    "submittedById" INTEGER,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "TimetableVersion_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TimetableVersion_organisationId_yearId_number_key" ON "TimetableVersion"("organisationId", "yearId", "number");

-- AddForeignKey
ALTER TABLE "TimetableVersion" ADD CONSTRAINT "TimetableVersion_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimetableVersion" ADD CONSTRAINT "TimetableVersion_organisationId_yearId_fkey" FOREIGN KEY ("organisationId", "yearId") REFERENCES "AcademicYear"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
