-- CreateEnum
CREATE TYPE "AuthorityRole" AS ENUM ('MUNICIPAL_SPECIALIST', 'MUNICIPAL_HEAD', 'REGIONAL_SPECIALIST', 'REGIONAL_HEAD', 'REGIONAL_ADMIN');

-- CreateTable
CREATE TABLE "AuthorityUser" (
    "id" SERIAL NOT NULL,
    "login" TEXT NOT NULL,
    "role" "AuthorityRole" NOT NULL,
    "regionId" INTEGER NOT NULL,
    "municipalityId" INTEGER,
    "passwordHash" TEXT NOT NULL,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT true,
    "lastName" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "middleName" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "failedSignIns" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastSignInAt" TIMESTAMP(3),
    "issuedById" INTEGER,
    "issuedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuthorityUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthoritySession" (
    "id" TEXT NOT NULL,
    "authorityUserId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "AuthoritySession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthorityEvent" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "subjectId" INTEGER,
    "action" TEXT NOT NULL,
    "details" JSONB,
    "ip" TEXT,

    CONSTRAINT "AuthorityEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuthorityUser_login_key" ON "AuthorityUser"("login");

-- CreateIndex
CREATE INDEX "AuthorityUser_regionId_municipalityId_idx" ON "AuthorityUser"("regionId", "municipalityId");

-- CreateIndex
CREATE INDEX "AuthoritySession_authorityUserId_idx" ON "AuthoritySession"("authorityUserId");

-- CreateIndex
CREATE INDEX "AuthorityEvent_subjectId_at_idx" ON "AuthorityEvent"("subjectId", "at");

-- AddForeignKey
ALTER TABLE "AuthorityUser" ADD CONSTRAINT "AuthorityUser_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthorityUser" ADD CONSTRAINT "AuthorityUser_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthoritySession" ADD CONSTRAINT "AuthoritySession_authorityUserId_fkey" FOREIGN KEY ("authorityUserId") REFERENCES "AuthorityUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;
