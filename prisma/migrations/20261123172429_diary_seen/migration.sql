-- CreateTable
CREATE TABLE "DiarySeen" (
    "organisationId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "studentId" INTEGER NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "sinceAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DiarySeen_pkey" PRIMARY KEY ("organisationId","userId","studentId")
);

-- AddForeignKey
ALTER TABLE "DiarySeen" ADD CONSTRAINT "DiarySeen_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiarySeen" ADD CONSTRAINT "DiarySeen_organisationId_userId_fkey" FOREIGN KEY ("organisationId", "userId") REFERENCES "User"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiarySeen" ADD CONSTRAINT "DiarySeen_organisationId_studentId_fkey" FOREIGN KEY ("organisationId", "studentId") REFERENCES "Student"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
