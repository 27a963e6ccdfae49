-- CreateTable
CREATE TABLE "ReportDataVersion" (
    "organisationId" INTEGER NOT NULL,
    "slot" INTEGER NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ReportDataVersion_pkey" PRIMARY KEY ("organisationId","slot")
);

-- SEC-5 (issue 22, round 20): the organisation's report data version. A heavy report's kept file
-- (lib/reports/single-flight.ts) is given again only while the version of its organisation (of every
-- member organisation, for a territory's file, REG-2) equals the one read before its build read the
-- data. Until now the test was the server's pg_current_snapshot(): any write of any organisation, any
-- background job's row, staled every kept file. The version goes up by exactly one in the same
-- transaction as any write to a table the heavy reports (lib/reports, lib/region) read, in the
-- database rather than in app code so that no write path can forget it: Prisma, raw SQL, imports,
-- the year transition, the worker, the seed and an operator's psql alike. When in doubt a table is
-- included (a needless rebuild is cheap, a stale printed report is not); writes the reports never
-- read (sessions, visits, audit, jobs, sign-in counters) do not touch it.
--   * Once per organisation and transaction (a transaction-local setting remembers it; undone with
--     a rolled-back savepoint like the row it wrote): a mark save that writes Mark and JournalChange
--     raises it once.
--   * Never waits: AccessVersion's design (20261205041735_access_version) — the transaction takes
--     the first of the organisation's rows that no other transaction holds (FOR UPDATE SKIP LOCKED)
--     or adds a row with a random slot, so a school's concurrent mark saves neither queue behind each
--     other on the counter nor deadlock. The rows stay as few as the writers that ever ran at once;
--     a reader sums them with one index range scan.
--   * Exact: the sum only grows, and a writing transaction's raise commits with its data; a reader
--     that read the version before (or in the same snapshot as) the report's data sees a larger sum
--     afterwards exactly when such a write committed after that read (lib/reports/data.ts).
CREATE FUNCTION "report_data_version_bump_org"(org integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  done text := coalesce(current_setting('ejournal.report_bumped', true), '');
  free integer;
BEGIN
  IF org IS NULL OR position(',' || org || ',' IN done) > 0 THEN
    RETURN;
  END IF;
  PERFORM set_config('ejournal.report_bumped', done || ',' || org || ',', true);
  SELECT "slot" INTO free FROM "ReportDataVersion" WHERE "organisationId" = org
    ORDER BY "slot" LIMIT 1 FOR UPDATE SKIP LOCKED;
  IF FOUND THEN
    UPDATE "ReportDataVersion" SET "version" = "version" + 1 WHERE "organisationId" = org AND "slot" = free;
  ELSE
    INSERT INTO "ReportDataVersion" ("organisationId", "slot", "version")
      VALUES (org, floor(random() * 2147483647)::integer, 1)
      ON CONFLICT ("organisationId", "slot") DO UPDATE SET "version" = "ReportDataVersion"."version" + 1;
  END IF;
END
$$;

-- Whether the transaction has raised the organisation's version already: the triggers' WHEN test. It runs
-- in the executor for each row written, without calling PL/pgSQL, so only the first row of an
-- organisation in a transaction calls the function (a mark save: its Mark row; its JournalChange row and
-- the save's statements that write no row cost nothing; round 20's first form, statement-level triggers
-- with transition tables, called PL/pgSQL for every INSERT, UPDATE and DELETE of the save's statement,
-- rows or none). What the one call still costs is in bench/notes.md «Round 20, sec5O20».
CREATE FUNCTION "report_data_version_bumped"(org integer) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT position(',' || org || ',' IN coalesce(current_setting('ejournal.report_bumped', true), '')) > 0
$$;

-- Row level: the organisation of the row written (Organisation's own "id"), before and after.
CREATE FUNCTION "report_data_version_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'Organisation' THEN
    IF TG_OP <> 'INSERT' THEN PERFORM "report_data_version_bump_org"(OLD."id"); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM "report_data_version_bump_org"(NEW."id"); END IF;
  ELSE
    IF TG_OP <> 'INSERT' THEN PERFORM "report_data_version_bump_org"(OLD."organisationId"); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM "report_data_version_bump_org"(NEW."organisationId"); END IF;
  END IF;
  RETURN NULL;
END
$$;

-- TRUNCATE names no rows: every organisation goes up.
CREATE FUNCTION "report_data_version_bump_all"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "report_data_version_bump_org"("id") FROM "Organisation";
  RETURN NULL;
END
$$;

-- The tables the heavy reports read (the organisation reports, the printed journal, the territory's
-- kinds; FillDay / FillStore are the territory fill's stored days): any row inserted, updated or deleted.
CREATE TRIGGER "Mark_report_version_insert" AFTER INSERT ON "Mark" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Mark_report_version_update" AFTER UPDATE ON "Mark" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId") OR NOT "report_data_version_bumped"(NEW."organisationId"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Mark_report_version_delete" AFTER DELETE ON "Mark" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Mark_report_version_truncate" AFTER TRUNCATE ON "Mark" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();
CREATE TRIGGER "Attendance_report_version_insert" AFTER INSERT ON "Attendance" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Attendance_report_version_update" AFTER UPDATE ON "Attendance" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId") OR NOT "report_data_version_bumped"(NEW."organisationId"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Attendance_report_version_delete" AFTER DELETE ON "Attendance" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Attendance_report_version_truncate" AFTER TRUNCATE ON "Attendance" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();
CREATE TRIGGER "Lesson_report_version_insert" AFTER INSERT ON "Lesson" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Lesson_report_version_update" AFTER UPDATE ON "Lesson" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId") OR NOT "report_data_version_bumped"(NEW."organisationId"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Lesson_report_version_delete" AFTER DELETE ON "Lesson" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Lesson_report_version_truncate" AFTER TRUNCATE ON "Lesson" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();
CREATE TRIGGER "FinalMark_report_version_insert" AFTER INSERT ON "FinalMark" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "FinalMark_report_version_update" AFTER UPDATE ON "FinalMark" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId") OR NOT "report_data_version_bumped"(NEW."organisationId"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "FinalMark_report_version_delete" AFTER DELETE ON "FinalMark" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "FinalMark_report_version_truncate" AFTER TRUNCATE ON "FinalMark" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();
CREATE TRIGGER "ClassMembership_report_version_insert" AFTER INSERT ON "ClassMembership" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "ClassMembership_report_version_update" AFTER UPDATE ON "ClassMembership" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId") OR NOT "report_data_version_bumped"(NEW."organisationId"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "ClassMembership_report_version_delete" AFTER DELETE ON "ClassMembership" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "ClassMembership_report_version_truncate" AFTER TRUNCATE ON "ClassMembership" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();
CREATE TRIGGER "ClassGroup_report_version_insert" AFTER INSERT ON "ClassGroup" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "ClassGroup_report_version_update" AFTER UPDATE ON "ClassGroup" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId") OR NOT "report_data_version_bumped"(NEW."organisationId"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "ClassGroup_report_version_delete" AFTER DELETE ON "ClassGroup" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "ClassGroup_report_version_truncate" AFTER TRUNCATE ON "ClassGroup" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();
CREATE TRIGGER "Student_report_version_insert" AFTER INSERT ON "Student" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Student_report_version_update" AFTER UPDATE ON "Student" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId") OR NOT "report_data_version_bumped"(NEW."organisationId"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Student_report_version_delete" AFTER DELETE ON "Student" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Student_report_version_truncate" AFTER TRUNCATE ON "Student" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();
CREATE TRIGGER "Subject_report_version_insert" AFTER INSERT ON "Subject" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Subject_report_version_update" AFTER UPDATE ON "Subject" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId") OR NOT "report_data_version_bumped"(NEW."organisationId"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Subject_report_version_delete" AFTER DELETE ON "Subject" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Subject_report_version_truncate" AFTER TRUNCATE ON "Subject" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();
CREATE TRIGGER "Period_report_version_insert" AFTER INSERT ON "Period" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Period_report_version_update" AFTER UPDATE ON "Period" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId") OR NOT "report_data_version_bumped"(NEW."organisationId"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Period_report_version_delete" AFTER DELETE ON "Period" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Period_report_version_truncate" AFTER TRUNCATE ON "Period" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();
CREATE TRIGGER "Department_report_version_insert" AFTER INSERT ON "Department" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Department_report_version_update" AFTER UPDATE ON "Department" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId") OR NOT "report_data_version_bumped"(NEW."organisationId"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Department_report_version_delete" AFTER DELETE ON "Department" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Department_report_version_truncate" AFTER TRUNCATE ON "Department" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();
CREATE TRIGGER "CurriculumItem_report_version_insert" AFTER INSERT ON "CurriculumItem" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "CurriculumItem_report_version_update" AFTER UPDATE ON "CurriculumItem" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId") OR NOT "report_data_version_bumped"(NEW."organisationId"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "CurriculumItem_report_version_delete" AFTER DELETE ON "CurriculumItem" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "CurriculumItem_report_version_truncate" AFTER TRUNCATE ON "CurriculumItem" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();
CREATE TRIGGER "AcademicYear_report_version_insert" AFTER INSERT ON "AcademicYear" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "AcademicYear_report_version_update" AFTER UPDATE ON "AcademicYear" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId") OR NOT "report_data_version_bumped"(NEW."organisationId"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "AcademicYear_report_version_delete" AFTER DELETE ON "AcademicYear" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "AcademicYear_report_version_truncate" AFTER TRUNCATE ON "AcademicYear" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();
CREATE TRIGGER "YearDecision_report_version_insert" AFTER INSERT ON "YearDecision" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "YearDecision_report_version_update" AFTER UPDATE ON "YearDecision" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId") OR NOT "report_data_version_bumped"(NEW."organisationId"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "YearDecision_report_version_delete" AFTER DELETE ON "YearDecision" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "YearDecision_report_version_truncate" AFTER TRUNCATE ON "YearDecision" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();
CREATE TRIGGER "TeacherLoad_report_version_insert" AFTER INSERT ON "TeacherLoad" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "TeacherLoad_report_version_update" AFTER UPDATE ON "TeacherLoad" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId") OR NOT "report_data_version_bumped"(NEW."organisationId"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "TeacherLoad_report_version_delete" AFTER DELETE ON "TeacherLoad" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "TeacherLoad_report_version_truncate" AFTER TRUNCATE ON "TeacherLoad" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();
CREATE TRIGGER "Subgroup_report_version_insert" AFTER INSERT ON "Subgroup" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Subgroup_report_version_update" AFTER UPDATE ON "Subgroup" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId") OR NOT "report_data_version_bumped"(NEW."organisationId"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Subgroup_report_version_delete" AFTER DELETE ON "Subgroup" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Subgroup_report_version_truncate" AFTER TRUNCATE ON "Subgroup" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();
CREATE TRIGGER "SubgroupMember_report_version_insert" AFTER INSERT ON "SubgroupMember" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "SubgroupMember_report_version_update" AFTER UPDATE ON "SubgroupMember" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId") OR NOT "report_data_version_bumped"(NEW."organisationId"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "SubgroupMember_report_version_delete" AFTER DELETE ON "SubgroupMember" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "SubgroupMember_report_version_truncate" AFTER TRUNCATE ON "SubgroupMember" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();
CREATE TRIGGER "Staff_report_version_insert" AFTER INSERT ON "Staff" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Staff_report_version_update" AFTER UPDATE ON "Staff" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId") OR NOT "report_data_version_bumped"(NEW."organisationId"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Staff_report_version_delete" AFTER DELETE ON "Staff" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Staff_report_version_truncate" AFTER TRUNCATE ON "Staff" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();
CREATE TRIGGER "Movement_report_version_insert" AFTER INSERT ON "Movement" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Movement_report_version_update" AFTER UPDATE ON "Movement" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId") OR NOT "report_data_version_bumped"(NEW."organisationId"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Movement_report_version_delete" AFTER DELETE ON "Movement" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Movement_report_version_truncate" AFTER TRUNCATE ON "Movement" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();
CREATE TRIGGER "ClassTeacher_report_version_insert" AFTER INSERT ON "ClassTeacher" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "ClassTeacher_report_version_update" AFTER UPDATE ON "ClassTeacher" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId") OR NOT "report_data_version_bumped"(NEW."organisationId"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "ClassTeacher_report_version_delete" AFTER DELETE ON "ClassTeacher" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "ClassTeacher_report_version_truncate" AFTER TRUNCATE ON "ClassTeacher" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();
CREATE TRIGGER "JournalChange_report_version_insert" AFTER INSERT ON "JournalChange" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "JournalChange_report_version_update" AFTER UPDATE ON "JournalChange" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId") OR NOT "report_data_version_bumped"(NEW."organisationId"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "JournalChange_report_version_delete" AFTER DELETE ON "JournalChange" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "JournalChange_report_version_truncate" AFTER TRUNCATE ON "JournalChange" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();
CREATE TRIGGER "Assignment_report_version_insert" AFTER INSERT ON "Assignment" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Assignment_report_version_update" AFTER UPDATE ON "Assignment" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId") OR NOT "report_data_version_bumped"(NEW."organisationId"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Assignment_report_version_delete" AFTER DELETE ON "Assignment" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Assignment_report_version_truncate" AFTER TRUNCATE ON "Assignment" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();
CREATE TRIGGER "Homework_report_version_insert" AFTER INSERT ON "Homework" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Homework_report_version_update" AFTER UPDATE ON "Homework" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId") OR NOT "report_data_version_bumped"(NEW."organisationId"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Homework_report_version_delete" AFTER DELETE ON "Homework" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Homework_report_version_truncate" AFTER TRUNCATE ON "Homework" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();
CREATE TRIGGER "ExternalResult_report_version_insert" AFTER INSERT ON "ExternalResult" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "ExternalResult_report_version_update" AFTER UPDATE ON "ExternalResult" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId") OR NOT "report_data_version_bumped"(NEW."organisationId"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "ExternalResult_report_version_delete" AFTER DELETE ON "ExternalResult" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "ExternalResult_report_version_truncate" AFTER TRUNCATE ON "ExternalResult" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();
CREATE TRIGGER "Absence_report_version_insert" AFTER INSERT ON "Absence" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Absence_report_version_update" AFTER UPDATE ON "Absence" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId") OR NOT "report_data_version_bumped"(NEW."organisationId"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Absence_report_version_delete" AFTER DELETE ON "Absence" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Absence_report_version_truncate" AFTER TRUNCATE ON "Absence" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();
CREATE TRIGGER "AbsenceLesson_report_version_insert" AFTER INSERT ON "AbsenceLesson" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "AbsenceLesson_report_version_update" AFTER UPDATE ON "AbsenceLesson" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId") OR NOT "report_data_version_bumped"(NEW."organisationId"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "AbsenceLesson_report_version_delete" AFTER DELETE ON "AbsenceLesson" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "AbsenceLesson_report_version_truncate" AFTER TRUNCATE ON "AbsenceLesson" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();
CREATE TRIGGER "FillDay_report_version_insert" AFTER INSERT ON "FillDay" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "FillDay_report_version_update" AFTER UPDATE ON "FillDay" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId") OR NOT "report_data_version_bumped"(NEW."organisationId"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "FillDay_report_version_delete" AFTER DELETE ON "FillDay" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "FillDay_report_version_truncate" AFTER TRUNCATE ON "FillDay" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();
CREATE TRIGGER "FillStore_report_version_insert" AFTER INSERT ON "FillStore" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "FillStore_report_version_update" AFTER UPDATE ON "FillStore" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId") OR NOT "report_data_version_bumped"(NEW."organisationId"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "FillStore_report_version_delete" AFTER DELETE ON "FillStore" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "FillStore_report_version_truncate" AFTER TRUNCATE ON "FillStore" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();
CREATE TRIGGER "OrganisationSettings_report_version_insert" AFTER INSERT ON "OrganisationSettings" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "OrganisationSettings_report_version_update" AFTER UPDATE ON "OrganisationSettings" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId") OR NOT "report_data_version_bumped"(NEW."organisationId"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "OrganisationSettings_report_version_delete" AFTER DELETE ON "OrganisationSettings" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "OrganisationSettings_report_version_truncate" AFTER TRUNCATE ON "OrganisationSettings" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();
CREATE TRIGGER "Holiday_report_version_insert" AFTER INSERT ON "Holiday" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Holiday_report_version_update" AFTER UPDATE ON "Holiday" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId") OR NOT "report_data_version_bumped"(NEW."organisationId"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Holiday_report_version_delete" AFTER DELETE ON "Holiday" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "Holiday_report_version_truncate" AFTER TRUNCATE ON "Holiday" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();
CREATE TRIGGER "ParentLink_report_version_insert" AFTER INSERT ON "ParentLink" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "ParentLink_report_version_update" AFTER UPDATE ON "ParentLink" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId") OR NOT "report_data_version_bumped"(NEW."organisationId"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "ParentLink_report_version_delete" AFTER DELETE ON "ParentLink" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "ParentLink_report_version_truncate" AFTER TRUNCATE ON "ParentLink" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();

-- User: its sign-in counters change on every sign-in and no report reads them; inserts and deletes,
-- and only the updates of a column a report prints or filters on.
CREATE TRIGGER "User_report_version_insert" AFTER INSERT ON "User" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(NEW."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "User_report_version_delete" AFTER DELETE ON "User" FOR EACH ROW
  WHEN (NOT "report_data_version_bumped"(OLD."organisationId")) EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "User_report_version_upd" AFTER UPDATE ON "User" FOR EACH ROW
  WHEN ((OLD."isActive", OLD."login", OLD."lastName", OLD."firstName", OLD."middleName") IS DISTINCT FROM (NEW."isActive", NEW."login", NEW."lastName", NEW."firstName", NEW."middleName"))
  EXECUTE FUNCTION "report_data_version_bump"();
CREATE TRIGGER "User_report_version_truncate" AFTER TRUNCATE ON "User" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_version_bump_all"();

-- The organisation's row (its name, kind and time zone are printed): any update, even of a column
-- to itself (bench/scenarios.ts SNAPSHOT_MOVING_WRITE relies on it to make the next request build).
CREATE TRIGGER "Organisation_report_version" AFTER INSERT OR UPDATE OR DELETE ON "Organisation"
  FOR EACH ROW EXECUTE FUNCTION "report_data_version_bump"();
