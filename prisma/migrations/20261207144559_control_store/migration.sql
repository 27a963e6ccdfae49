-- CTL-1 / DUT-1 (issue 22 item 7): `/control`'s stored past days. ControlDay holds per day x conducting
-- teacher x class x subject FILL_ROWS' counts and DUT-1's lessons filled by the deadline, stored by the
-- background worker once the day's deadline has passed; ControlStore the organisation's watermark and the
-- settings the counts depend on. The page reads a stored class-day only while every check of
-- lib/control/store/data.ts holds (else live): no trigger and no write on the journal's path. No
-- report-version trigger either: a stored day never changes a report's figures (they equal the live ones).
-- CreateTable
CREATE TABLE "ControlDay" (
    "organisationId" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "classId" INTEGER NOT NULL,
    "teacherId" INTEGER NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "lessons" INTEGER NOT NULL,
    "noTopic" INTEGER NOT NULL,
    "noHomework" INTEGER NOT NULL,
    "noAttendance" INTEGER NOT NULL,
    "marks" INTEGER NOT NULL,
    "lateMarks" INTEGER NOT NULL,
    "lastAt" TIMESTAMP(3),
    "onTime" INTEGER NOT NULL,
    "marksRequired" BOOLEAN NOT NULL,

    CONSTRAINT "ControlDay_pkey" PRIMARY KEY ("organisationId","date","classId","teacherId","subjectId")
);

-- CreateTable
CREATE TABLE "ControlStore" (
    "organisationId" INTEGER NOT NULL,
    "changeId" BIGINT NOT NULL,
    "throughDate" DATE NOT NULL,
    "storedAt" TIMESTAMP(3) NOT NULL,
    "lockDays" INTEGER NOT NULL,
    "minutes" INTEGER NOT NULL,
    "timeZone" TEXT NOT NULL,

    CONSTRAINT "ControlStore_pkey" PRIMARY KEY ("organisationId")
);

-- AddForeignKey
ALTER TABLE "ControlDay" ADD CONSTRAINT "ControlDay_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ControlStore" ADD CONSTRAINT "ControlStore_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
