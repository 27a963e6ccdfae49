-- CreateTable
CREATE TABLE "FillDay" (
    "organisationId" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "classId" INTEGER NOT NULL,
    "lessons" INTEGER NOT NULL,
    "due" INTEGER NOT NULL,
    "onTime" INTEGER NOT NULL,
    "noTopic" INTEGER NOT NULL,
    "marks" INTEGER NOT NULL,
    "storedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FillDay_pkey" PRIMARY KEY ("organisationId","date","classId")
);

-- CreateTable
CREATE TABLE "FillStore" (
    "organisationId" INTEGER NOT NULL,
    "changeId" BIGINT NOT NULL,
    "storedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FillStore_pkey" PRIMARY KEY ("organisationId")
);

-- AddForeignKey
ALTER TABLE "FillDay" ADD CONSTRAINT "FillDay_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FillDay" ADD CONSTRAINT "FillDay_organisationId_classId_fkey" FOREIGN KEY ("organisationId", "classId") REFERENCES "ClassGroup"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FillStore" ADD CONSTRAINT "FillStore_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
