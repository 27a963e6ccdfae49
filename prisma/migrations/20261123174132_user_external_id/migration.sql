-- AlterTable
ALTER TABLE "User" ADD COLUMN     "externalId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "User_organisationId_externalId_key" ON "User"("organisationId", "externalId");
