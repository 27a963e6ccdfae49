-- CreateTable
CREATE TABLE "AccessVersion" (
    "organisationId" INTEGER NOT NULL,
    "slot" INTEGER NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "AccessVersion_pkey" PRIMARY KEY ("organisationId","slot")
);

-- The one bump (issue 22 item 3): the organisation's version (the sum of its AccessVersion rows)
-- goes up by exactly one in the same transaction as any change to what lib/auth/data.ts
-- loadSession and lib/access/data.ts loadActorFacts read. In the database rather than in the
-- application, so that no write path can forget it: server actions, imports, the year transition,
-- the seed, tests and an operator's psql alike.
--   * Once per organisation and transaction (a transaction-local setting remembers it; undone
--     with a rolled-back savepoint like the row it wrote).
--   * Never waits: the transaction takes the first of the organisation's rows that no other
--     transaction holds (FOR UPDATE SKIP LOCKED) or adds a row with a random slot, so concurrent
--     writers neither queue behind each other nor deadlock on the counter. The rows stay few (as
--     many as writers ever ran at once); a reader sums them with one index range scan.
CREATE FUNCTION "access_version_bump_org"(org integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  done text := coalesce(current_setting('ejournal.access_bumped', true), '');
  free integer;
BEGIN
  IF org IS NULL OR position(',' || org || ',' IN done) > 0 THEN
    RETURN;
  END IF;
  PERFORM set_config('ejournal.access_bumped', done || ',' || org || ',', true);
  SELECT "slot" INTO free FROM "AccessVersion" WHERE "organisationId" = org
    ORDER BY "slot" LIMIT 1 FOR UPDATE SKIP LOCKED;
  IF FOUND THEN
    UPDATE "AccessVersion" SET "version" = "version" + 1 WHERE "organisationId" = org AND "slot" = free;
  ELSE
    INSERT INTO "AccessVersion" ("organisationId", "slot", "version")
      VALUES (org, floor(random() * 2147483647)::integer, 1)
      ON CONFLICT ("organisationId", "slot") DO UPDATE SET "version" = "AccessVersion"."version" + 1;
  END IF;
END
$$;

CREATE FUNCTION "access_version_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'Organisation' THEN
    IF TG_OP <> 'INSERT' THEN PERFORM "access_version_bump_org"(OLD."id"); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM "access_version_bump_org"(NEW."id"); END IF;
  ELSE
    IF TG_OP <> 'INSERT' THEN PERFORM "access_version_bump_org"(OLD."organisationId"); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM "access_version_bump_org"(NEW."organisationId"); END IF;
  END IF;
  RETURN NULL;
END
$$;

-- Statement-level form for inserts, deletes and whole-table updates: one call per statement
-- whatever the number of rows (a seed or an import writes thousands), the organisations taken
-- from the transition tables `new_rows` / `old_rows` that every such trigger declares.
CREATE FUNCTION "access_version_bump_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "access_version_bump_org"(o) FROM (SELECT DISTINCT "organisationId" AS o FROM new_rows) n;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM "access_version_bump_org"(o) FROM (SELECT DISTINCT "organisationId" AS o FROM old_rows) d;
  END IF;
  RETURN NULL;
END
$$;

-- TRUNCATE names no rows: every organisation goes up.
CREATE FUNCTION "access_version_bump_all"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "access_version_bump_org"("id") FROM "Organisation";
  RETURN NULL;
END
$$;

-- Tables read as a whole: any row inserted, updated or deleted.
CREATE TRIGGER "UserRole_access_version_insert" AFTER INSERT ON "UserRole"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_rows"();
CREATE TRIGGER "UserRole_access_version_update" AFTER UPDATE ON "UserRole"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_rows"();
CREATE TRIGGER "UserRole_access_version_delete" AFTER DELETE ON "UserRole"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_rows"();
CREATE TRIGGER "ClassTeacher_access_version_insert" AFTER INSERT ON "ClassTeacher"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_rows"();
CREATE TRIGGER "ClassTeacher_access_version_update" AFTER UPDATE ON "ClassTeacher"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_rows"();
CREATE TRIGGER "ClassTeacher_access_version_delete" AFTER DELETE ON "ClassTeacher"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_rows"();
CREATE TRIGGER "TeacherLoad_access_version_insert" AFTER INSERT ON "TeacherLoad"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_rows"();
CREATE TRIGGER "TeacherLoad_access_version_update" AFTER UPDATE ON "TeacherLoad"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_rows"();
CREATE TRIGGER "TeacherLoad_access_version_delete" AFTER DELETE ON "TeacherLoad"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_rows"();
CREATE TRIGGER "ParentLink_access_version_insert" AFTER INSERT ON "ParentLink"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_rows"();
CREATE TRIGGER "ParentLink_access_version_update" AFTER UPDATE ON "ParentLink"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_rows"();
CREATE TRIGGER "ParentLink_access_version_delete" AFTER DELETE ON "ParentLink"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_rows"();
CREATE TRIGGER "RolePermission_access_version_insert" AFTER INSERT ON "RolePermission"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_rows"();
CREATE TRIGGER "RolePermission_access_version_update" AFTER UPDATE ON "RolePermission"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_rows"();
CREATE TRIGGER "RolePermission_access_version_delete" AFTER DELETE ON "RolePermission"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_rows"();
CREATE TRIGGER "AcademicYear_access_version_insert" AFTER INSERT ON "AcademicYear"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_rows"();
CREATE TRIGGER "AcademicYear_access_version_update" AFTER UPDATE ON "AcademicYear"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_rows"();
CREATE TRIGGER "AcademicYear_access_version_delete" AFTER DELETE ON "AcademicYear"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_rows"();

-- Tables with busy columns nobody caches (sign-in counters, card details, class names): inserts
-- and deletes where they matter, and row by row only the updates that change a column read
-- (the WHEN test runs without calling the function).
CREATE TRIGGER "User_access_version_delete" AFTER DELETE ON "User"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_rows"();
CREATE TRIGGER "User_access_version_upd" AFTER UPDATE ON "User"
  FOR EACH ROW WHEN ((OLD."isActive", OLD."login", OLD."lastName", OLD."firstName", OLD."middleName", OLD."mustChangePassword") IS DISTINCT FROM (NEW."isActive", NEW."login", NEW."lastName", NEW."firstName", NEW."middleName", NEW."mustChangePassword"))
  EXECUTE FUNCTION "access_version_bump"();
CREATE TRIGGER "UserSession_access_version_delete" AFTER DELETE ON "UserSession"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_rows"();
CREATE TRIGGER "UserSession_access_version_upd" AFTER UPDATE ON "UserSession"
  FOR EACH ROW WHEN ((OLD."revokedAt", OLD."expiresAt", OLD."userId") IS DISTINCT FROM (NEW."revokedAt", NEW."expiresAt", NEW."userId"))
  EXECUTE FUNCTION "access_version_bump"();
CREATE TRIGGER "Organisation_access_version_delete" AFTER DELETE ON "Organisation"
  FOR EACH ROW EXECUTE FUNCTION "access_version_bump"();
CREATE TRIGGER "Organisation_access_version_upd" AFTER UPDATE ON "Organisation"
  FOR EACH ROW WHEN ((OLD."kind", OLD."name", OLD."shortName", OLD."timeZone") IS DISTINCT FROM (NEW."kind", NEW."name", NEW."shortName", NEW."timeZone"))
  EXECUTE FUNCTION "access_version_bump"();
CREATE TRIGGER "ClassGroup_access_version_insert" AFTER INSERT ON "ClassGroup"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_rows"();
CREATE TRIGGER "ClassGroup_access_version_delete" AFTER DELETE ON "ClassGroup"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_rows"();
CREATE TRIGGER "ClassGroup_access_version_upd" AFTER UPDATE ON "ClassGroup"
  FOR EACH ROW WHEN ((OLD."departmentId", OLD."yearId") IS DISTINCT FROM (NEW."departmentId", NEW."yearId"))
  EXECUTE FUNCTION "access_version_bump"();
CREATE TRIGGER "Department_access_version_insert" AFTER INSERT ON "Department"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_rows"();
CREATE TRIGGER "Department_access_version_delete" AFTER DELETE ON "Department"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_rows"();
CREATE TRIGGER "Department_access_version_upd" AFTER UPDATE ON "Department"
  FOR EACH ROW WHEN (OLD."headId" IS DISTINCT FROM NEW."headId")
  EXECUTE FUNCTION "access_version_bump"();
CREATE TRIGGER "Student_access_version_insert" AFTER INSERT ON "Student"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_rows"();
CREATE TRIGGER "Student_access_version_delete" AFTER DELETE ON "Student"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_rows"();
CREATE TRIGGER "Student_access_version_upd" AFTER UPDATE ON "Student"
  FOR EACH ROW WHEN (OLD."userId" IS DISTINCT FROM NEW."userId")
  EXECUTE FUNCTION "access_version_bump"();
CREATE TRIGGER "Parent_access_version_insert" AFTER INSERT ON "Parent"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_rows"();
CREATE TRIGGER "Parent_access_version_delete" AFTER DELETE ON "Parent"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_rows"();
CREATE TRIGGER "Parent_access_version_upd" AFTER UPDATE ON "Parent"
  FOR EACH ROW WHEN (OLD."userId" IS DISTINCT FROM NEW."userId")
  EXECUTE FUNCTION "access_version_bump"();

CREATE TRIGGER "UserRole_access_version_truncate" AFTER TRUNCATE ON "UserRole" FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_all"();
CREATE TRIGGER "ClassTeacher_access_version_truncate" AFTER TRUNCATE ON "ClassTeacher" FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_all"();
CREATE TRIGGER "TeacherLoad_access_version_truncate" AFTER TRUNCATE ON "TeacherLoad" FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_all"();
CREATE TRIGGER "ParentLink_access_version_truncate" AFTER TRUNCATE ON "ParentLink" FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_all"();
CREATE TRIGGER "RolePermission_access_version_truncate" AFTER TRUNCATE ON "RolePermission" FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_all"();
CREATE TRIGGER "AcademicYear_access_version_truncate" AFTER TRUNCATE ON "AcademicYear" FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_all"();
CREATE TRIGGER "User_access_version_truncate" AFTER TRUNCATE ON "User" FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_all"();
CREATE TRIGGER "UserSession_access_version_truncate" AFTER TRUNCATE ON "UserSession" FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_all"();
CREATE TRIGGER "ClassGroup_access_version_truncate" AFTER TRUNCATE ON "ClassGroup" FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_all"();
CREATE TRIGGER "Department_access_version_truncate" AFTER TRUNCATE ON "Department" FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_all"();
CREATE TRIGGER "Student_access_version_truncate" AFTER TRUNCATE ON "Student" FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_all"();
CREATE TRIGGER "Parent_access_version_truncate" AFTER TRUNCATE ON "Parent" FOR EACH STATEMENT EXECUTE FUNCTION "access_version_bump_all"();
