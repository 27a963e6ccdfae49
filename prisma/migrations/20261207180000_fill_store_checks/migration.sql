-- REG-2 / DUT-1 (issue 22, round 24): the territory fill reads a stored FillDay only while the checks of
-- `/control`'s store hold for its class-day (lib/control/store/data.ts storeValidSql), so the report equals the
-- all-live computation at every moment, a schedule edit of a past day included. FillDay gains the class's
-- «marks required» it was stored under, FillStore the deadline settings (minutes, zone). The stored rows carry
-- no value for them, and the old watermark was taken without STORE_MARGIN_MS: the store is emptied and its
-- daily claims dropped, so the worker's next step re-stores the window (until then every day is live — exact).
DELETE FROM "FillDay";
DELETE FROM "FillStore";
DELETE FROM "DutyRun" WHERE "kind" = 'fill-days';

-- AlterTable
ALTER TABLE "FillDay" ADD COLUMN     "marksRequired" BOOLEAN NOT NULL;

-- AlterTable
ALTER TABLE "FillStore" ADD COLUMN     "minutes" INTEGER NOT NULL,
ADD COLUMN     "timeZone" TEXT NOT NULL;
