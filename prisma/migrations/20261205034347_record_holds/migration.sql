-- AlterTable
ALTER TABLE "Mark" ADD COLUMN     "certificateId" INTEGER;

-- AlterTable
ALTER TABLE "UnlockRequest" ADD COLUMN     "dateTo" DATE;

-- CreateTable
CREATE TABLE "PeriodClosure" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "classId" INTEGER NOT NULL,
    "periodId" INTEGER NOT NULL,
    "basis" TEXT NOT NULL,
    "closedById" INTEGER NOT NULL,
    "closedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PeriodClosure_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "HospitalCertificate" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "studentId" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "issuedOn" DATE NOT NULL,
    "stayFrom" DATE NOT NULL,
    "stayTo" DATE NOT NULL,
    "institution" TEXT,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HospitalCertificate_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "YearReopening" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "yearId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "reopenedById" INTEGER NOT NULL,
    "reopenedAt" TIMESTAMP(3) NOT NULL,
    "closedAgainAt" TIMESTAMP(3),
    "archiveSetId" INTEGER,

    CONSTRAINT "YearReopening_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateIndex
CREATE INDEX "PeriodClosure_organisationId_periodId_idx" ON "PeriodClosure"("organisationId", "periodId");

-- CreateIndex
CREATE UNIQUE INDEX "PeriodClosure_organisationId_classId_periodId_key" ON "PeriodClosure"("organisationId", "classId", "periodId");

-- CreateIndex
CREATE INDEX "HospitalCertificate_organisationId_studentId_idx" ON "HospitalCertificate"("organisationId", "studentId");

-- CreateIndex
CREATE INDEX "YearReopening_organisationId_yearId_idx" ON "YearReopening"("organisationId", "yearId");

-- AddForeignKey
ALTER TABLE "Mark" ADD CONSTRAINT "Mark_organisationId_certificateId_fkey" FOREIGN KEY ("organisationId", "certificateId") REFERENCES "HospitalCertificate"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodClosure" ADD CONSTRAINT "PeriodClosure_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodClosure" ADD CONSTRAINT "PeriodClosure_organisationId_classId_fkey" FOREIGN KEY ("organisationId", "classId") REFERENCES "ClassGroup"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodClosure" ADD CONSTRAINT "PeriodClosure_organisationId_periodId_fkey" FOREIGN KEY ("organisationId", "periodId") REFERENCES "Period"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodClosure" ADD CONSTRAINT "PeriodClosure_organisationId_closedById_fkey" FOREIGN KEY ("organisationId", "closedById") REFERENCES "User"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HospitalCertificate" ADD CONSTRAINT "HospitalCertificate_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HospitalCertificate" ADD CONSTRAINT "HospitalCertificate_organisationId_studentId_fkey" FOREIGN KEY ("organisationId", "studentId") REFERENCES "Student"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HospitalCertificate" ADD CONSTRAINT "HospitalCertificate_organisationId_createdById_fkey" FOREIGN KEY ("organisationId", "createdById") REFERENCES "User"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YearReopening" ADD CONSTRAINT "YearReopening_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YearReopening" ADD CONSTRAINT "YearReopening_organisationId_yearId_fkey" FOREIGN KEY ("organisationId", "yearId") REFERENCES "AcademicYear"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YearReopening" ADD CONSTRAINT "YearReopening_organisationId_reopenedById_fkey" FOREIGN KEY ("organisationId", "reopenedById") REFERENCES "User"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
