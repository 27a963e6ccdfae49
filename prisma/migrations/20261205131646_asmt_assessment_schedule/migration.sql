-- CreateTable
CREATE TABLE "AssessmentPublication" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "classId" INTEGER NOT NULL,
    "periodId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "items" JSONB NOT NULL,
    "publishedById" INTEGER,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssessmentPublication_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentPublication_organisationId_classId_periodId_versi_key" ON "AssessmentPublication"("organisationId", "classId", "periodId", "version");

-- AddForeignKey
ALTER TABLE "AssessmentPublication" ADD CONSTRAINT "AssessmentPublication_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentPublication" ADD CONSTRAINT "AssessmentPublication_organisationId_classId_fkey" FOREIGN KEY ("organisationId", "classId") REFERENCES "ClassGroup"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentPublication" ADD CONSTRAINT "AssessmentPublication_organisationId_periodId_fkey" FOREIGN KEY ("organisationId", "periodId") REFERENCES "Period"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
