-- AlterTable
ALTER TABLE "OrganisationSettings" ADD COLUMN     "clubMarksAllowed" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Club" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "yearId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "leaderId" INTEGER NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Club_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "ClubMember" (
    "organisationId" INTEGER NOT NULL,
    "clubId" INTEGER NOT NULL,
    "studentId" INTEGER NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClubMember_pkey" PRIMARY KEY ("organisationId","clubId","studentId")
);

-- CreateTable
CREATE TABLE "ClubSlot" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "clubId" INTEGER NOT NULL,
    "weekday" INTEGER NOT NULL,
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,
    "roomId" INTEGER,
    "validFrom" DATE NOT NULL,
    "validTo" DATE NOT NULL,

    CONSTRAINT "ClubSlot_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "ClubPlanItem" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "clubId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "topic" TEXT NOT NULL,
    "hours" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ClubPlanItem_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "ClubSession" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "clubId" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "topic" TEXT NOT NULL,
    "updatedById" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClubSession_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "ClubAttendance" (
    "organisationId" INTEGER NOT NULL,
    "sessionId" INTEGER NOT NULL,
    "studentId" INTEGER NOT NULL,
    "code" "AttendanceCode",
    "mark" INTEGER,

    CONSTRAINT "ClubAttendance_pkey" PRIMARY KEY ("organisationId","sessionId","studentId")
);

-- CreateIndex
CREATE INDEX "Club_organisationId_leaderId_idx" ON "Club"("organisationId", "leaderId");

-- CreateIndex
CREATE UNIQUE INDEX "Club_organisationId_yearId_name_key" ON "Club"("organisationId", "yearId", "name");

-- CreateIndex
CREATE INDEX "ClubMember_organisationId_studentId_idx" ON "ClubMember"("organisationId", "studentId");

-- CreateIndex
CREATE INDEX "ClubSlot_organisationId_weekday_idx" ON "ClubSlot"("organisationId", "weekday");

-- CreateIndex
CREATE INDEX "ClubSlot_organisationId_clubId_idx" ON "ClubSlot"("organisationId", "clubId");

-- CreateIndex
CREATE UNIQUE INDEX "ClubPlanItem_organisationId_clubId_position_key" ON "ClubPlanItem"("organisationId", "clubId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ClubSession_organisationId_clubId_date_key" ON "ClubSession"("organisationId", "clubId", "date");

-- CreateIndex
CREATE INDEX "ClubAttendance_organisationId_studentId_idx" ON "ClubAttendance"("organisationId", "studentId");

-- AddForeignKey
ALTER TABLE "Club" ADD CONSTRAINT "Club_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Club" ADD CONSTRAINT "Club_organisationId_yearId_fkey" FOREIGN KEY ("organisationId", "yearId") REFERENCES "AcademicYear"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Club" ADD CONSTRAINT "Club_organisationId_leaderId_fkey" FOREIGN KEY ("organisationId", "leaderId") REFERENCES "User"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClubMember" ADD CONSTRAINT "ClubMember_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClubMember" ADD CONSTRAINT "ClubMember_organisationId_clubId_fkey" FOREIGN KEY ("organisationId", "clubId") REFERENCES "Club"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClubMember" ADD CONSTRAINT "ClubMember_organisationId_studentId_fkey" FOREIGN KEY ("organisationId", "studentId") REFERENCES "Student"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClubSlot" ADD CONSTRAINT "ClubSlot_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClubSlot" ADD CONSTRAINT "ClubSlot_organisationId_clubId_fkey" FOREIGN KEY ("organisationId", "clubId") REFERENCES "Club"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClubSlot" ADD CONSTRAINT "ClubSlot_organisationId_roomId_fkey" FOREIGN KEY ("organisationId", "roomId") REFERENCES "Room"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClubPlanItem" ADD CONSTRAINT "ClubPlanItem_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClubPlanItem" ADD CONSTRAINT "ClubPlanItem_organisationId_clubId_fkey" FOREIGN KEY ("organisationId", "clubId") REFERENCES "Club"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClubSession" ADD CONSTRAINT "ClubSession_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClubSession" ADD CONSTRAINT "ClubSession_organisationId_clubId_fkey" FOREIGN KEY ("organisationId", "clubId") REFERENCES "Club"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClubAttendance" ADD CONSTRAINT "ClubAttendance_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClubAttendance" ADD CONSTRAINT "ClubAttendance_organisationId_sessionId_fkey" FOREIGN KEY ("organisationId", "sessionId") REFERENCES "ClubSession"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClubAttendance" ADD CONSTRAINT "ClubAttendance_organisationId_studentId_fkey" FOREIGN KEY ("organisationId", "studentId") REFERENCES "Student"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
