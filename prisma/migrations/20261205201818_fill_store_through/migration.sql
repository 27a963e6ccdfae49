-- The stored fill days are derived data (lib/region/fill-store.ts): start over, the worker stores them again.
DELETE FROM "FillDay";
DELETE FROM "FillStore";

-- AlterTable
ALTER TABLE "FillStore" ADD COLUMN     "throughDate" DATE NOT NULL;
