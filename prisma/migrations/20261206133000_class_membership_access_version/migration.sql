-- The gate keeps a student's target facts (their classes on a day, lib/access/authorize.ts) in the
-- process under the organisation's AccessVersion (issue 22): a stay begun, ended or moved must raise
-- it in the same transaction, as the other tables the cached reads name do (20261205041735_access_version).
CREATE TRIGGER "ClassMembership_access_version_insert" AFTER INSERT ON "ClassMembership"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_rows"();
CREATE TRIGGER "ClassMembership_access_version_delete" AFTER DELETE ON "ClassMembership"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_rows"();
-- The education form is not read by the gate.
CREATE TRIGGER "ClassMembership_access_version_upd" AFTER UPDATE ON "ClassMembership"
  FOR EACH ROW WHEN ((OLD."studentId", OLD."classId", OLD."startDate", OLD."endDate") IS DISTINCT FROM (NEW."studentId", NEW."classId", NEW."startDate", NEW."endDate"))
  EXECUTE FUNCTION "access_version_bump"();
CREATE TRIGGER "ClassMembership_access_version_truncate" AFTER TRUNCATE ON "ClassMembership" FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_all"();
