-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'DIRECTOR', 'DEPUTY', 'HEAD_OF_DEPT', 'SCHEDULER', 'SECRETARY', 'TEACHER', 'STUDENT', 'PARENT', 'MEDIC', 'PSYCHOLOGIST', 'STAFF');

-- CreateEnum
CREATE TYPE "OrgKind" AS ENUM ('SCHOOL', 'COLLEGE');

-- CreateEnum
CREATE TYPE "AveragingMethod" AS ENUM ('PLAIN', 'WEIGHTED');

-- CreateEnum
CREATE TYPE "PeriodKind" AS ENUM ('QUARTER', 'HALF_YEAR', 'SEMESTER', 'TRIMESTER', 'CUSTOM');

-- CreateEnum
CREATE TYPE "YearStatus" AS ENUM ('PLANNED', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "EducationForm" AS ENUM ('FULL_TIME', 'PART_TIME', 'EXTRAMURAL', 'FAMILY', 'HOME');

-- CreateEnum
CREATE TYPE "MovementKind" AS ENUM ('ADMISSION', 'EXPULSION', 'TRANSFER', 'ACADEMIC_LEAVE', 'RETURN', 'FORM_CHANGE', 'PROMOTION', 'REPEAT_YEAR', 'CONDITIONAL_PROMOTION', 'GRADUATION');

-- CreateEnum
CREATE TYPE "ClassTeacherKind" AS ENUM ('CLASS_TEACHER', 'CURATOR', 'MASTER');

-- CreateEnum
CREATE TYPE "SubjectKind" AS ENUM ('SUBJECT', 'DISCIPLINE', 'MODULE', 'MDK', 'PRACTICE');

-- CreateEnum
CREATE TYPE "PracticeKind" AS ENUM ('EDUCATIONAL', 'INDUSTRIAL');

-- CreateEnum
CREATE TYPE "ControlKind" AS ENUM ('NONE', 'EXAM', 'CREDIT', 'DIFF_CREDIT', 'COURSEWORK', 'PRACTICE', 'VKR', 'OTHER');

-- CreateEnum
CREATE TYPE "TimetableChangeKind" AS ENUM ('REPLACE', 'CANCEL', 'MOVE', 'ADD');

-- CreateEnum
CREATE TYPE "LessonStatus" AS ENUM ('SCHEDULED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED');

-- CreateEnum
CREATE TYPE "MarkKind" AS ENUM ('GRADE', 'PASS', 'FAIL', 'DEBT', 'NOT_ATTESTED');

-- CreateEnum
CREATE TYPE "AttendanceCode" AS ENUM ('N', 'UP', 'NP', 'B', 'OT', 'OP');

-- CreateEnum
CREATE TYPE "FinalKind" AS ENUM ('PERIOD', 'YEAR', 'EXAM', 'FINAL', 'ATTESTATION');

-- CreateEnum
CREATE TYPE "FinalSpecial" AS ENUM ('NOT_ATTESTED', 'EXEMPT', 'PASS', 'FAIL');

-- CreateEnum
CREATE TYPE "UnlockStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "JournalEntity" AS ENUM ('MARK', 'ATTENDANCE', 'TOPIC', 'HOMEWORK', 'ASSIGNMENT', 'FINAL');

-- CreateEnum
CREATE TYPE "Audience" AS ENUM ('ALL', 'ROLE', 'CLASS');

-- CreateEnum
CREATE TYPE "RemarkStatus" AS ENUM ('OPEN', 'DONE', 'CLOSED');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- CreateEnum
CREATE TYPE "YearDecisionKind" AS ENUM ('PROMOTED', 'CONDITIONAL', 'REPEAT', 'LEFT', 'GRADUATED');

-- CreateTable
CREATE TABLE "Region" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Municipality" (
    "id" SERIAL NOT NULL,
    "regionId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Municipality_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" SERIAL NOT NULL,
    "regionId" INTEGER NOT NULL,
    "municipalityId" INTEGER NOT NULL,
    "kind" "OrgKind" NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "address" TEXT,
    "director" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "website" TEXT,
    "inn" TEXT,
    "kpp" TEXT,
    "okpo" TEXT,
    "ogrn" TEXT,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Samara',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "OrganisationSettings" (
    "organisationId" INTEGER NOT NULL,
    "minMark" INTEGER NOT NULL DEFAULT 2,
    "maxMark" INTEGER NOT NULL DEFAULT 5,
    "passFailEnabled" BOOLEAN NOT NULL DEFAULT true,
    "averagingMethod" "AveragingMethod" NOT NULL DEFAULT 'WEIGHTED',
    "roundingThreshold" DECIMAL(3,2) NOT NULL DEFAULT 0.5,
    "lockDays" INTEGER NOT NULL DEFAULT 7,
    "homeworkForToday" BOOLEAN NOT NULL DEFAULT true,
    "homeworkForPast" BOOLEAN NOT NULL DEFAULT false,
    "finalsWarningDays" INTEGER NOT NULL DEFAULT 3,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrganisationSettings_pkey" PRIMARY KEY ("organisationId")
);

-- CreateTable
CREATE TABLE "RolePermission" (
    "organisationId" INTEGER NOT NULL,
    "column" TEXT NOT NULL,
    "permission" TEXT NOT NULL,
    "scope" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" INTEGER,

    CONSTRAINT "RolePermission_pkey" PRIMARY KEY ("organisationId","column","permission")
);

-- CreateTable
CREATE TABLE "AcademicYear" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "status" "YearStatus" NOT NULL DEFAULT 'OPEN',
    "isCurrent" BOOLEAN NOT NULL DEFAULT false,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "AcademicYear_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "Period" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "yearId" INTEGER NOT NULL,
    "kind" "PeriodKind" NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,

    CONSTRAINT "Period_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "Holiday" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "yearId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,

    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "Department" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "headId" INTEGER,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "ClassGroup" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "yearId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "grade" INTEGER NOT NULL,
    "letter" TEXT,
    "specialty" TEXT,
    "specialtyCode" TEXT,
    "departmentId" INTEGER,
    "periodKind" "PeriodKind" NOT NULL DEFAULT 'QUARTER',
    "shift" INTEGER NOT NULL DEFAULT 1,
    "bellScheduleId" INTEGER,
    "nextClassId" INTEGER,

    CONSTRAINT "ClassGroup_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "Subgroup" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "classId" INTEGER NOT NULL,
    "subjectId" INTEGER,
    "name" TEXT NOT NULL,

    CONSTRAINT "Subgroup_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "SubgroupMember" (
    "organisationId" INTEGER NOT NULL,
    "subgroupId" INTEGER NOT NULL,
    "studentId" INTEGER NOT NULL,

    CONSTRAINT "SubgroupMember_pkey" PRIMARY KEY ("organisationId","subgroupId","studentId")
);

-- CreateTable
CREATE TABLE "ClassTeacher" (
    "organisationId" INTEGER NOT NULL,
    "classId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" "ClassTeacherKind" NOT NULL DEFAULT 'CLASS_TEACHER',

    CONSTRAINT "ClassTeacher_pkey" PRIMARY KEY ("organisationId","classId","userId")
);

-- CreateTable
CREATE TABLE "Subject" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "code" TEXT,
    "kind" "SubjectKind" NOT NULL DEFAULT 'SUBJECT',
    "parentId" INTEGER,
    "controlKind" "ControlKind" NOT NULL DEFAULT 'NONE',
    "practiceKind" "PracticeKind",
    "passFail" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Subject_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "CurriculumItem" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "classId" INTEGER NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "periodId" INTEGER,
    "hours" DECIMAL(6,1) NOT NULL,
    "controlKind" "ControlKind" NOT NULL DEFAULT 'NONE',

    CONSTRAINT "CurriculumItem_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "TeacherLoad" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "yearId" INTEGER NOT NULL,
    "teacherId" INTEGER NOT NULL,
    "classId" INTEGER NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "subgroupId" INTEGER,
    "hoursPerWeek" DECIMAL(5,1) NOT NULL,
    "hoursPerYear" DECIMAL(6,1),

    CONSTRAINT "TeacherLoad_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "AssignmentType" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "weight" DECIMAL(4,2) NOT NULL DEFAULT 1,
    "isControl" BOOLEAN NOT NULL DEFAULT false,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AssignmentType_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "User" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "login" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT true,
    "lastName" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "middleName" TEXT,
    "email" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "failedSignIns" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastSignInAt" TIMESTAMP(3),
    "issuedById" INTEGER,
    "issuedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "UserRole" (
    "organisationId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "role" "Role" NOT NULL,

    CONSTRAINT "UserRole_pkey" PRIMARY KEY ("organisationId","userId","role")
);

-- CreateTable
CREATE TABLE "UserSession" (
    "organisationId" INTEGER NOT NULL,
    "id" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "Visit" (
    "organisationId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "area" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "lastAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Visit_pkey" PRIMARY KEY ("organisationId","userId","day","area")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "organisationId" INTEGER NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" INTEGER,
    "action" TEXT NOT NULL,
    "entity" TEXT,
    "entityId" TEXT,
    "details" JSONB,
    "ip" TEXT,
    "prevHash" TEXT,
    "hash" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "Staff" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "userId" INTEGER,
    "lastName" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "middleName" TEXT,
    "birthDate" DATE,
    "sex" "Sex",
    "position" TEXT,
    "education" TEXT,
    "category" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "snils" TEXT,
    "inn" TEXT,
    "hiredAt" DATE,
    "firedAt" DATE,

    CONSTRAINT "Staff_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "Student" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "userId" INTEGER,
    "lastName" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "middleName" TEXT,
    "birthDate" DATE NOT NULL,
    "sex" "Sex",
    "citizenship" TEXT,
    "documentType" TEXT,
    "documentNumber" TEXT,
    "snils" TEXT,
    "registrationAddress" TEXT,
    "actualAddress" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "preferredContact" TEXT,
    "educationForm" "EducationForm" NOT NULL DEFAULT 'FULL_TIME',
    "programme" TEXT,
    "personalFileNumber" TEXT,
    "healthGroup" TEXT,
    "physicalGroup" TEXT,
    "medicalNotes" TEXT,
    "psychNotes" TEXT,
    "deviantBehaviour" TEXT,
    "socialStatus" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Student_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "Parent" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "userId" INTEGER,
    "lastName" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "middleName" TEXT,
    "birthDate" DATE,
    "sex" "Sex",
    "phone" TEXT,
    "email" TEXT,
    "preferredContact" TEXT,
    "address" TEXT,
    "workplace" TEXT,
    "position" TEXT,

    CONSTRAINT "Parent_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "ParentLink" (
    "organisationId" INTEGER NOT NULL,
    "parentId" INTEGER NOT NULL,
    "studentId" INTEGER NOT NULL,
    "kinship" TEXT,
    "isLegalRepresentative" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "ParentLink_pkey" PRIMARY KEY ("organisationId","parentId","studentId")
);

-- CreateTable
CREATE TABLE "Movement" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "studentId" INTEGER NOT NULL,
    "kind" "MovementKind" NOT NULL,
    "date" DATE NOT NULL,
    "orderNumber" TEXT NOT NULL,
    "orderDate" DATE NOT NULL,
    "fromClassId" INTEGER,
    "toClassId" INTEGER,
    "educationForm" "EducationForm",
    "note" TEXT,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Movement_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "ClassMembership" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "studentId" INTEGER NOT NULL,
    "classId" INTEGER NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "educationForm" "EducationForm" NOT NULL DEFAULT 'FULL_TIME',

    CONSTRAINT "ClassMembership_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "YearDecision" (
    "organisationId" INTEGER NOT NULL,
    "yearId" INTEGER NOT NULL,
    "studentId" INTEGER NOT NULL,
    "decision" "YearDecisionKind" NOT NULL,
    "toGrade" INTEGER,
    "orderNumber" TEXT,
    "orderDate" DATE,

    CONSTRAINT "YearDecision_pkey" PRIMARY KEY ("organisationId","yearId","studentId")
);

-- CreateTable
CREATE TABLE "BellSchedule" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "BellSchedule_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "Bell" (
    "organisationId" INTEGER NOT NULL,
    "scheduleId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "startTime" TEXT NOT NULL,
    "endTime" TEXT NOT NULL,

    CONSTRAINT "Bell_pkey" PRIMARY KEY ("organisationId","scheduleId","number")
);

-- CreateTable
CREATE TABLE "Room" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "capacity" INTEGER,
    "building" TEXT,

    CONSTRAINT "Room_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "TimetableEntry" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "classId" INTEGER NOT NULL,
    "subgroupId" INTEGER,
    "subjectId" INTEGER NOT NULL,
    "teacherId" INTEGER NOT NULL,
    "roomId" INTEGER,
    "weekday" INTEGER NOT NULL,
    "bellNumber" INTEGER NOT NULL,
    "hours" DECIMAL(3,1) NOT NULL DEFAULT 1,
    "validFrom" DATE NOT NULL,
    "validTo" DATE NOT NULL,

    CONSTRAINT "TimetableEntry_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "TimetableChange" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "kind" "TimetableChangeKind" NOT NULL,
    "date" DATE NOT NULL,
    "classId" INTEGER NOT NULL,
    "entryId" INTEGER,
    "subjectId" INTEGER,
    "teacherId" INTEGER,
    "roomId" INTEGER,
    "bellNumber" INTEGER,
    "toDate" DATE,
    "note" TEXT,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TimetableChange_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "Substitution" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "originalId" INTEGER NOT NULL,
    "substituteId" INTEGER NOT NULL,
    "classId" INTEGER,
    "subjectId" INTEGER,
    "dateFrom" DATE NOT NULL,
    "dateTo" DATE NOT NULL,
    "note" TEXT,

    CONSTRAINT "Substitution_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "SchoolEvent" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "classId" INTEGER,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3),
    "place" TEXT,
    "createdById" INTEGER,

    CONSTRAINT "SchoolEvent_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "ExamSlot" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "classId" INTEGER NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "kind" "ControlKind" NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "roomId" INTEGER,
    "examinerId" INTEGER,
    "isConsultation" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ExamSlot_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "Lesson" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "classId" INTEGER NOT NULL,
    "subgroupId" INTEGER,
    "subjectId" INTEGER NOT NULL,
    "teacherId" INTEGER NOT NULL,
    "substituteId" INTEGER,
    "substitutionId" INTEGER,
    "entryId" INTEGER,
    "roomId" INTEGER,
    "date" DATE NOT NULL,
    "bellNumber" INTEGER NOT NULL,
    "hours" DECIMAL(3,1) NOT NULL DEFAULT 1,
    "status" "LessonStatus" NOT NULL DEFAULT 'SCHEDULED',
    "topic" TEXT,
    "content" TEXT,
    "planTopicId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "filledAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Lesson_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "LessonPlan" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "yearId" INTEGER NOT NULL,
    "teacherId" INTEGER NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "classId" INTEGER,
    "grade" INTEGER,
    "title" TEXT,
    "status" "PlanStatus" NOT NULL DEFAULT 'DRAFT',
    "reviewComment" TEXT,
    "reviewerId" INTEGER,
    "submittedAt" TIMESTAMP(3),
    "reviewedAt" TIMESTAMP(3),
    "autoHomework" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LessonPlan_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "PlanTopic" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "hours" DECIMAL(4,1) NOT NULL DEFAULT 1,
    "kesCodes" TEXT,
    "lessonType" TEXT,
    "controlKind" TEXT,
    "homework" TEXT,

    CONSTRAINT "PlanTopic_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "lessonId" INTEGER NOT NULL,
    "typeId" INTEGER NOT NULL,
    "description" TEXT,
    "weight" DECIMAL(4,2),
    "dueDate" DATE,
    "specification" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "Mark" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "lessonId" INTEGER NOT NULL,
    "assignmentId" INTEGER NOT NULL,
    "studentId" INTEGER NOT NULL,
    "kind" "MarkKind" NOT NULL DEFAULT 'GRADE',
    "value" INTEGER,
    "isHospital" BOOLEAN NOT NULL DEFAULT false,
    "comment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" INTEGER NOT NULL,
    "updatedById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Mark_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "Attendance" (
    "organisationId" INTEGER NOT NULL,
    "lessonId" INTEGER NOT NULL,
    "studentId" INTEGER NOT NULL,
    "code" "AttendanceCode" NOT NULL,
    "missedHours" DECIMAL(3,1),
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" INTEGER NOT NULL,
    "reasonSetById" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Attendance_pkey" PRIMARY KEY ("organisationId","lessonId","studentId")
);

-- CreateTable
CREATE TABLE "Homework" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "lessonId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "dueDate" DATE,
    "fromPlan" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Homework_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "homeworkId" INTEGER,
    "messageId" INTEGER,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "ControlProtocol" (
    "organisationId" INTEGER NOT NULL,
    "assignmentId" INTEGER NOT NULL,
    "studentId" INTEGER NOT NULL,
    "results" JSONB NOT NULL,

    CONSTRAINT "ControlProtocol_pkey" PRIMARY KEY ("organisationId","assignmentId","studentId")
);

-- CreateTable
CREATE TABLE "UnlockRequest" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "classId" INTEGER NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "UnlockStatus" NOT NULL DEFAULT 'PENDING',
    "requesterId" INTEGER NOT NULL,
    "deciderId" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "openUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnlockRequest_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "JournalChange" (
    "organisationId" INTEGER NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "entity" "JournalEntity" NOT NULL,
    "lessonId" INTEGER,
    "studentId" INTEGER,
    "entityKey" TEXT NOT NULL,
    "oldValue" JSONB,
    "newValue" JSONB,
    "reason" TEXT,
    "userId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JournalChange_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "FinalMark" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "studentId" INTEGER NOT NULL,
    "classId" INTEGER NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "kind" "FinalKind" NOT NULL,
    "periodId" INTEGER,
    "form" "ControlKind" NOT NULL DEFAULT 'NONE',
    "value" INTEGER,
    "special" "FinalSpecial",
    "version" INTEGER NOT NULL DEFAULT 1,
    "setById" INTEGER NOT NULL,
    "setAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FinalMark_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "Message" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "senderId" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "replyToId" INTEGER,
    "threadId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "MessageRecipient" (
    "organisationId" INTEGER NOT NULL,
    "messageId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "readAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "MessageRecipient_pkey" PRIMARY KEY ("organisationId","messageId","userId")
);

-- CreateTable
CREATE TABLE "Announcement" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "authorId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "audience" "Audience" NOT NULL DEFAULT 'ALL',
    "role" "Role",
    "classId" INTEGER,
    "startsAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3),
    "source" TEXT NOT NULL DEFAULT 'manual',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Announcement_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "ForumTopic" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "authorId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ForumTopic_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "ForumPost" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "topicId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "hiddenById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ForumPost_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "ForumModerator" (
    "organisationId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,

    CONSTRAINT "ForumModerator_pkey" PRIMARY KEY ("organisationId","userId")
);

-- CreateTable
CREATE TABLE "Remark" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "authorId" INTEGER NOT NULL,
    "teacherId" INTEGER NOT NULL,
    "classId" INTEGER,
    "subjectId" INTEGER,
    "lessonId" INTEGER,
    "text" TEXT NOT NULL,
    "status" "RemarkStatus" NOT NULL DEFAULT 'OPEN',
    "teacherNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Remark_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "ReportJob" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "report" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'QUEUED',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "fileKey" TEXT,
    "fileName" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),

    CONSTRAINT "ReportJob_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "ArchiveSet" (
    "organisationId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "yearId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" INTEGER,
    "manifest" JSONB NOT NULL,
    "storagePrefix" TEXT NOT NULL,

    CONSTRAINT "ArchiveSet_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Region_name_key" ON "Region"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Municipality_regionId_name_key" ON "Municipality"("regionId", "name");

-- CreateIndex
CREATE INDEX "Organisation_regionId_idx" ON "Organisation"("regionId");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_municipalityId_name_key" ON "Organisation"("municipalityId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "AcademicYear_organisationId_name_key" ON "AcademicYear"("organisationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Period_organisationId_yearId_kind_number_key" ON "Period"("organisationId", "yearId", "kind", "number");

-- CreateIndex
CREATE INDEX "Holiday_organisationId_yearId_idx" ON "Holiday"("organisationId", "yearId");

-- CreateIndex
CREATE UNIQUE INDEX "Department_organisationId_name_key" ON "Department"("organisationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ClassGroup_organisationId_yearId_name_key" ON "ClassGroup"("organisationId", "yearId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Subgroup_organisationId_classId_subjectId_name_key" ON "Subgroup"("organisationId", "classId", "subjectId", "name");

-- CreateIndex
CREATE INDEX "SubgroupMember_organisationId_studentId_idx" ON "SubgroupMember"("organisationId", "studentId");

-- CreateIndex
CREATE INDEX "ClassTeacher_organisationId_userId_idx" ON "ClassTeacher"("organisationId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Subject_organisationId_name_key" ON "Subject"("organisationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "CurriculumItem_organisationId_classId_subjectId_periodId_key" ON "CurriculumItem"("organisationId", "classId", "subjectId", "periodId");

-- CreateIndex
CREATE INDEX "TeacherLoad_organisationId_classId_subjectId_idx" ON "TeacherLoad"("organisationId", "classId", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "TeacherLoad_organisationId_teacherId_classId_subjectId_subg_key" ON "TeacherLoad"("organisationId", "teacherId", "classId", "subjectId", "subgroupId");

-- CreateIndex
CREATE UNIQUE INDEX "AssignmentType_organisationId_name_key" ON "AssignmentType"("organisationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "User_organisationId_login_key" ON "User"("organisationId", "login");

-- CreateIndex
CREATE INDEX "UserSession_organisationId_userId_idx" ON "UserSession"("organisationId", "userId");

-- CreateIndex
CREATE INDEX "AuditEvent_organisationId_action_at_idx" ON "AuditEvent"("organisationId", "action", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_organisationId_userId_at_idx" ON "AuditEvent"("organisationId", "userId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Staff_organisationId_userId_key" ON "Staff"("organisationId", "userId");

-- CreateIndex
CREATE INDEX "Student_organisationId_lastName_firstName_idx" ON "Student"("organisationId", "lastName", "firstName");

-- CreateIndex
CREATE UNIQUE INDEX "Student_organisationId_userId_key" ON "Student"("organisationId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Parent_organisationId_userId_key" ON "Parent"("organisationId", "userId");

-- CreateIndex
CREATE INDEX "ParentLink_organisationId_studentId_idx" ON "ParentLink"("organisationId", "studentId");

-- CreateIndex
CREATE INDEX "Movement_organisationId_studentId_date_idx" ON "Movement"("organisationId", "studentId", "date");

-- CreateIndex
CREATE INDEX "ClassMembership_organisationId_classId_startDate_idx" ON "ClassMembership"("organisationId", "classId", "startDate");

-- CreateIndex
CREATE INDEX "ClassMembership_organisationId_studentId_startDate_idx" ON "ClassMembership"("organisationId", "studentId", "startDate");

-- CreateIndex
CREATE UNIQUE INDEX "BellSchedule_organisationId_name_key" ON "BellSchedule"("organisationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Room_organisationId_name_key" ON "Room"("organisationId", "name");

-- CreateIndex
CREATE INDEX "TimetableEntry_organisationId_classId_weekday_bellNumber_idx" ON "TimetableEntry"("organisationId", "classId", "weekday", "bellNumber");

-- CreateIndex
CREATE INDEX "TimetableEntry_organisationId_teacherId_weekday_bellNumber_idx" ON "TimetableEntry"("organisationId", "teacherId", "weekday", "bellNumber");

-- CreateIndex
CREATE INDEX "TimetableChange_organisationId_classId_date_idx" ON "TimetableChange"("organisationId", "classId", "date");

-- CreateIndex
CREATE INDEX "Substitution_organisationId_substituteId_dateFrom_idx" ON "Substitution"("organisationId", "substituteId", "dateFrom");

-- CreateIndex
CREATE INDEX "SchoolEvent_organisationId_startsAt_idx" ON "SchoolEvent"("organisationId", "startsAt");

-- CreateIndex
CREATE INDEX "ExamSlot_organisationId_classId_startsAt_idx" ON "ExamSlot"("organisationId", "classId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_organisationId_tokenHash_key" ON "CalendarFeed"("organisationId", "tokenHash");

-- CreateIndex
CREATE INDEX "Lesson_organisationId_classId_subjectId_date_idx" ON "Lesson"("organisationId", "classId", "subjectId", "date");

-- CreateIndex
CREATE INDEX "Lesson_organisationId_teacherId_date_idx" ON "Lesson"("organisationId", "teacherId", "date");

-- CreateIndex
CREATE INDEX "Lesson_organisationId_substituteId_date_idx" ON "Lesson"("organisationId", "substituteId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "Lesson_organisationId_classId_date_bellNumber_subjectId_sub_key" ON "Lesson"("organisationId", "classId", "date", "bellNumber", "subjectId", "subgroupId");

-- CreateIndex
CREATE INDEX "LessonPlan_organisationId_teacherId_subjectId_idx" ON "LessonPlan"("organisationId", "teacherId", "subjectId");

-- CreateIndex
CREATE INDEX "LessonPlan_organisationId_classId_subjectId_idx" ON "LessonPlan"("organisationId", "classId", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanTopic_organisationId_planId_position_key" ON "PlanTopic"("organisationId", "planId", "position");

-- CreateIndex
CREATE INDEX "Assignment_organisationId_lessonId_idx" ON "Assignment"("organisationId", "lessonId");

-- CreateIndex
CREATE INDEX "Mark_organisationId_studentId_lessonId_idx" ON "Mark"("organisationId", "studentId", "lessonId");

-- CreateIndex
CREATE INDEX "Mark_organisationId_lessonId_idx" ON "Mark"("organisationId", "lessonId");

-- CreateIndex
CREATE UNIQUE INDEX "Mark_organisationId_assignmentId_studentId_key" ON "Mark"("organisationId", "assignmentId", "studentId");

-- CreateIndex
CREATE INDEX "Attendance_organisationId_studentId_idx" ON "Attendance"("organisationId", "studentId");

-- CreateIndex
CREATE INDEX "Homework_organisationId_lessonId_idx" ON "Homework"("organisationId", "lessonId");

-- CreateIndex
CREATE INDEX "Homework_organisationId_dueDate_idx" ON "Homework"("organisationId", "dueDate");

-- CreateIndex
CREATE INDEX "Attachment_organisationId_homeworkId_idx" ON "Attachment"("organisationId", "homeworkId");

-- CreateIndex
CREATE INDEX "Attachment_organisationId_messageId_idx" ON "Attachment"("organisationId", "messageId");

-- CreateIndex
CREATE INDEX "UnlockRequest_organisationId_classId_subjectId_date_idx" ON "UnlockRequest"("organisationId", "classId", "subjectId", "date");

-- CreateIndex
CREATE INDEX "UnlockRequest_organisationId_status_idx" ON "UnlockRequest"("organisationId", "status");

-- CreateIndex
CREATE INDEX "JournalChange_organisationId_entity_entityKey_at_idx" ON "JournalChange"("organisationId", "entity", "entityKey", "at");

-- CreateIndex
CREATE INDEX "JournalChange_organisationId_lessonId_idx" ON "JournalChange"("organisationId", "lessonId");

-- CreateIndex
CREATE INDEX "FinalMark_organisationId_classId_subjectId_idx" ON "FinalMark"("organisationId", "classId", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "FinalMark_organisationId_studentId_subjectId_classId_kind_p_key" ON "FinalMark"("organisationId", "studentId", "subjectId", "classId", "kind", "periodId");

-- CreateIndex
CREATE INDEX "Message_organisationId_senderId_createdAt_idx" ON "Message"("organisationId", "senderId", "createdAt");

-- CreateIndex
CREATE INDEX "MessageRecipient_organisationId_userId_readAt_idx" ON "MessageRecipient"("organisationId", "userId", "readAt");

-- CreateIndex
CREATE INDEX "Announcement_organisationId_startsAt_idx" ON "Announcement"("organisationId", "startsAt");

-- CreateIndex
CREATE INDEX "ForumPost_organisationId_topicId_createdAt_idx" ON "ForumPost"("organisationId", "topicId", "createdAt");

-- CreateIndex
CREATE INDEX "Remark_organisationId_teacherId_status_idx" ON "Remark"("organisationId", "teacherId", "status");

-- CreateIndex
CREATE INDEX "ReportJob_organisationId_status_createdAt_idx" ON "ReportJob"("organisationId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "ArchiveSet_organisationId_yearId_idx" ON "ArchiveSet"("organisationId", "yearId");

-- AddForeignKey
ALTER TABLE "Municipality" ADD CONSTRAINT "Municipality_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationSettings" ADD CONSTRAINT "OrganisationSettings_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RolePermission" ADD CONSTRAINT "RolePermission_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcademicYear" ADD CONSTRAINT "AcademicYear_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Period" ADD CONSTRAINT "Period_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Period" ADD CONSTRAINT "Period_organisationId_yearId_fkey" FOREIGN KEY ("organisationId", "yearId") REFERENCES "AcademicYear"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Holiday" ADD CONSTRAINT "Holiday_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Holiday" ADD CONSTRAINT "Holiday_organisationId_yearId_fkey" FOREIGN KEY ("organisationId", "yearId") REFERENCES "AcademicYear"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_organisationId_headId_fkey" FOREIGN KEY ("organisationId", "headId") REFERENCES "User"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassGroup" ADD CONSTRAINT "ClassGroup_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassGroup" ADD CONSTRAINT "ClassGroup_organisationId_yearId_fkey" FOREIGN KEY ("organisationId", "yearId") REFERENCES "AcademicYear"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassGroup" ADD CONSTRAINT "ClassGroup_organisationId_departmentId_fkey" FOREIGN KEY ("organisationId", "departmentId") REFERENCES "Department"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassGroup" ADD CONSTRAINT "ClassGroup_organisationId_bellScheduleId_fkey" FOREIGN KEY ("organisationId", "bellScheduleId") REFERENCES "BellSchedule"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subgroup" ADD CONSTRAINT "Subgroup_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subgroup" ADD CONSTRAINT "Subgroup_organisationId_classId_fkey" FOREIGN KEY ("organisationId", "classId") REFERENCES "ClassGroup"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subgroup" ADD CONSTRAINT "Subgroup_organisationId_subjectId_fkey" FOREIGN KEY ("organisationId", "subjectId") REFERENCES "Subject"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubgroupMember" ADD CONSTRAINT "SubgroupMember_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubgroupMember" ADD CONSTRAINT "SubgroupMember_organisationId_subgroupId_fkey" FOREIGN KEY ("organisationId", "subgroupId") REFERENCES "Subgroup"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubgroupMember" ADD CONSTRAINT "SubgroupMember_organisationId_studentId_fkey" FOREIGN KEY ("organisationId", "studentId") REFERENCES "Student"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassTeacher" ADD CONSTRAINT "ClassTeacher_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassTeacher" ADD CONSTRAINT "ClassTeacher_organisationId_classId_fkey" FOREIGN KEY ("organisationId", "classId") REFERENCES "ClassGroup"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassTeacher" ADD CONSTRAINT "ClassTeacher_organisationId_userId_fkey" FOREIGN KEY ("organisationId", "userId") REFERENCES "User"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subject" ADD CONSTRAINT "Subject_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subject" ADD CONSTRAINT "Subject_organisationId_parentId_fkey" FOREIGN KEY ("organisationId", "parentId") REFERENCES "Subject"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CurriculumItem" ADD CONSTRAINT "CurriculumItem_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CurriculumItem" ADD CONSTRAINT "CurriculumItem_organisationId_classId_fkey" FOREIGN KEY ("organisationId", "classId") REFERENCES "ClassGroup"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CurriculumItem" ADD CONSTRAINT "CurriculumItem_organisationId_subjectId_fkey" FOREIGN KEY ("organisationId", "subjectId") REFERENCES "Subject"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CurriculumItem" ADD CONSTRAINT "CurriculumItem_organisationId_periodId_fkey" FOREIGN KEY ("organisationId", "periodId") REFERENCES "Period"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeacherLoad" ADD CONSTRAINT "TeacherLoad_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeacherLoad" ADD CONSTRAINT "TeacherLoad_organisationId_yearId_fkey" FOREIGN KEY ("organisationId", "yearId") REFERENCES "AcademicYear"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeacherLoad" ADD CONSTRAINT "TeacherLoad_organisationId_teacherId_fkey" FOREIGN KEY ("organisationId", "teacherId") REFERENCES "User"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeacherLoad" ADD CONSTRAINT "TeacherLoad_organisationId_classId_fkey" FOREIGN KEY ("organisationId", "classId") REFERENCES "ClassGroup"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeacherLoad" ADD CONSTRAINT "TeacherLoad_organisationId_subjectId_fkey" FOREIGN KEY ("organisationId", "subjectId") REFERENCES "Subject"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeacherLoad" ADD CONSTRAINT "TeacherLoad_organisationId_subgroupId_fkey" FOREIGN KEY ("organisationId", "subgroupId") REFERENCES "Subgroup"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentType" ADD CONSTRAINT "AssignmentType_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserRole" ADD CONSTRAINT "UserRole_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserRole" ADD CONSTRAINT "UserRole_organisationId_userId_fkey" FOREIGN KEY ("organisationId", "userId") REFERENCES "User"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_organisationId_userId_fkey" FOREIGN KEY ("organisationId", "userId") REFERENCES "User"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_organisationId_userId_fkey" FOREIGN KEY ("organisationId", "userId") REFERENCES "User"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Staff" ADD CONSTRAINT "Staff_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Staff" ADD CONSTRAINT "Staff_organisationId_userId_fkey" FOREIGN KEY ("organisationId", "userId") REFERENCES "User"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Student" ADD CONSTRAINT "Student_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Student" ADD CONSTRAINT "Student_organisationId_userId_fkey" FOREIGN KEY ("organisationId", "userId") REFERENCES "User"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Parent" ADD CONSTRAINT "Parent_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Parent" ADD CONSTRAINT "Parent_organisationId_userId_fkey" FOREIGN KEY ("organisationId", "userId") REFERENCES "User"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParentLink" ADD CONSTRAINT "ParentLink_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParentLink" ADD CONSTRAINT "ParentLink_organisationId_parentId_fkey" FOREIGN KEY ("organisationId", "parentId") REFERENCES "Parent"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParentLink" ADD CONSTRAINT "ParentLink_organisationId_studentId_fkey" FOREIGN KEY ("organisationId", "studentId") REFERENCES "Student"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Movement" ADD CONSTRAINT "Movement_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Movement" ADD CONSTRAINT "Movement_organisationId_studentId_fkey" FOREIGN KEY ("organisationId", "studentId") REFERENCES "Student"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Movement" ADD CONSTRAINT "Movement_organisationId_fromClassId_fkey" FOREIGN KEY ("organisationId", "fromClassId") REFERENCES "ClassGroup"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Movement" ADD CONSTRAINT "Movement_organisationId_toClassId_fkey" FOREIGN KEY ("organisationId", "toClassId") REFERENCES "ClassGroup"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassMembership" ADD CONSTRAINT "ClassMembership_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassMembership" ADD CONSTRAINT "ClassMembership_organisationId_studentId_fkey" FOREIGN KEY ("organisationId", "studentId") REFERENCES "Student"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassMembership" ADD CONSTRAINT "ClassMembership_organisationId_classId_fkey" FOREIGN KEY ("organisationId", "classId") REFERENCES "ClassGroup"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YearDecision" ADD CONSTRAINT "YearDecision_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YearDecision" ADD CONSTRAINT "YearDecision_organisationId_yearId_fkey" FOREIGN KEY ("organisationId", "yearId") REFERENCES "AcademicYear"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YearDecision" ADD CONSTRAINT "YearDecision_organisationId_studentId_fkey" FOREIGN KEY ("organisationId", "studentId") REFERENCES "Student"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BellSchedule" ADD CONSTRAINT "BellSchedule_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bell" ADD CONSTRAINT "Bell_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bell" ADD CONSTRAINT "Bell_organisationId_scheduleId_fkey" FOREIGN KEY ("organisationId", "scheduleId") REFERENCES "BellSchedule"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Room" ADD CONSTRAINT "Room_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimetableEntry" ADD CONSTRAINT "TimetableEntry_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimetableEntry" ADD CONSTRAINT "TimetableEntry_organisationId_classId_fkey" FOREIGN KEY ("organisationId", "classId") REFERENCES "ClassGroup"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimetableEntry" ADD CONSTRAINT "TimetableEntry_organisationId_subgroupId_fkey" FOREIGN KEY ("organisationId", "subgroupId") REFERENCES "Subgroup"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimetableEntry" ADD CONSTRAINT "TimetableEntry_organisationId_subjectId_fkey" FOREIGN KEY ("organisationId", "subjectId") REFERENCES "Subject"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimetableEntry" ADD CONSTRAINT "TimetableEntry_organisationId_teacherId_fkey" FOREIGN KEY ("organisationId", "teacherId") REFERENCES "User"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimetableEntry" ADD CONSTRAINT "TimetableEntry_organisationId_roomId_fkey" FOREIGN KEY ("organisationId", "roomId") REFERENCES "Room"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimetableChange" ADD CONSTRAINT "TimetableChange_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimetableChange" ADD CONSTRAINT "TimetableChange_organisationId_classId_fkey" FOREIGN KEY ("organisationId", "classId") REFERENCES "ClassGroup"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimetableChange" ADD CONSTRAINT "TimetableChange_organisationId_subjectId_fkey" FOREIGN KEY ("organisationId", "subjectId") REFERENCES "Subject"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimetableChange" ADD CONSTRAINT "TimetableChange_organisationId_teacherId_fkey" FOREIGN KEY ("organisationId", "teacherId") REFERENCES "User"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimetableChange" ADD CONSTRAINT "TimetableChange_organisationId_roomId_fkey" FOREIGN KEY ("organisationId", "roomId") REFERENCES "Room"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Substitution" ADD CONSTRAINT "Substitution_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Substitution" ADD CONSTRAINT "Substitution_organisationId_originalId_fkey" FOREIGN KEY ("organisationId", "originalId") REFERENCES "User"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Substitution" ADD CONSTRAINT "Substitution_organisationId_substituteId_fkey" FOREIGN KEY ("organisationId", "substituteId") REFERENCES "User"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Substitution" ADD CONSTRAINT "Substitution_organisationId_classId_fkey" FOREIGN KEY ("organisationId", "classId") REFERENCES "ClassGroup"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Substitution" ADD CONSTRAINT "Substitution_organisationId_subjectId_fkey" FOREIGN KEY ("organisationId", "subjectId") REFERENCES "Subject"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolEvent" ADD CONSTRAINT "SchoolEvent_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolEvent" ADD CONSTRAINT "SchoolEvent_organisationId_classId_fkey" FOREIGN KEY ("organisationId", "classId") REFERENCES "ClassGroup"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamSlot" ADD CONSTRAINT "ExamSlot_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamSlot" ADD CONSTRAINT "ExamSlot_organisationId_classId_fkey" FOREIGN KEY ("organisationId", "classId") REFERENCES "ClassGroup"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamSlot" ADD CONSTRAINT "ExamSlot_organisationId_subjectId_fkey" FOREIGN KEY ("organisationId", "subjectId") REFERENCES "Subject"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamSlot" ADD CONSTRAINT "ExamSlot_organisationId_roomId_fkey" FOREIGN KEY ("organisationId", "roomId") REFERENCES "Room"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamSlot" ADD CONSTRAINT "ExamSlot_organisationId_examinerId_fkey" FOREIGN KEY ("organisationId", "examinerId") REFERENCES "User"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_organisationId_userId_fkey" FOREIGN KEY ("organisationId", "userId") REFERENCES "User"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_organisationId_classId_fkey" FOREIGN KEY ("organisationId", "classId") REFERENCES "ClassGroup"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_organisationId_subgroupId_fkey" FOREIGN KEY ("organisationId", "subgroupId") REFERENCES "Subgroup"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_organisationId_subjectId_fkey" FOREIGN KEY ("organisationId", "subjectId") REFERENCES "Subject"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_organisationId_teacherId_fkey" FOREIGN KEY ("organisationId", "teacherId") REFERENCES "User"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_organisationId_substituteId_fkey" FOREIGN KEY ("organisationId", "substituteId") REFERENCES "User"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_organisationId_substitutionId_fkey" FOREIGN KEY ("organisationId", "substitutionId") REFERENCES "Substitution"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_organisationId_entryId_fkey" FOREIGN KEY ("organisationId", "entryId") REFERENCES "TimetableEntry"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_organisationId_roomId_fkey" FOREIGN KEY ("organisationId", "roomId") REFERENCES "Room"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_organisationId_planTopicId_fkey" FOREIGN KEY ("organisationId", "planTopicId") REFERENCES "PlanTopic"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonPlan" ADD CONSTRAINT "LessonPlan_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonPlan" ADD CONSTRAINT "LessonPlan_organisationId_yearId_fkey" FOREIGN KEY ("organisationId", "yearId") REFERENCES "AcademicYear"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonPlan" ADD CONSTRAINT "LessonPlan_organisationId_teacherId_fkey" FOREIGN KEY ("organisationId", "teacherId") REFERENCES "User"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonPlan" ADD CONSTRAINT "LessonPlan_organisationId_reviewerId_fkey" FOREIGN KEY ("organisationId", "reviewerId") REFERENCES "User"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonPlan" ADD CONSTRAINT "LessonPlan_organisationId_subjectId_fkey" FOREIGN KEY ("organisationId", "subjectId") REFERENCES "Subject"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonPlan" ADD CONSTRAINT "LessonPlan_organisationId_classId_fkey" FOREIGN KEY ("organisationId", "classId") REFERENCES "ClassGroup"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanTopic" ADD CONSTRAINT "PlanTopic_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanTopic" ADD CONSTRAINT "PlanTopic_organisationId_planId_fkey" FOREIGN KEY ("organisationId", "planId") REFERENCES "LessonPlan"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_organisationId_lessonId_fkey" FOREIGN KEY ("organisationId", "lessonId") REFERENCES "Lesson"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_organisationId_typeId_fkey" FOREIGN KEY ("organisationId", "typeId") REFERENCES "AssignmentType"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mark" ADD CONSTRAINT "Mark_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mark" ADD CONSTRAINT "Mark_organisationId_lessonId_fkey" FOREIGN KEY ("organisationId", "lessonId") REFERENCES "Lesson"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mark" ADD CONSTRAINT "Mark_organisationId_assignmentId_fkey" FOREIGN KEY ("organisationId", "assignmentId") REFERENCES "Assignment"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mark" ADD CONSTRAINT "Mark_organisationId_studentId_fkey" FOREIGN KEY ("organisationId", "studentId") REFERENCES "Student"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_organisationId_lessonId_fkey" FOREIGN KEY ("organisationId", "lessonId") REFERENCES "Lesson"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_organisationId_studentId_fkey" FOREIGN KEY ("organisationId", "studentId") REFERENCES "Student"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Homework" ADD CONSTRAINT "Homework_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Homework" ADD CONSTRAINT "Homework_organisationId_lessonId_fkey" FOREIGN KEY ("organisationId", "lessonId") REFERENCES "Lesson"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_organisationId_homeworkId_fkey" FOREIGN KEY ("organisationId", "homeworkId") REFERENCES "Homework"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_organisationId_messageId_fkey" FOREIGN KEY ("organisationId", "messageId") REFERENCES "Message"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ControlProtocol" ADD CONSTRAINT "ControlProtocol_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ControlProtocol" ADD CONSTRAINT "ControlProtocol_organisationId_assignmentId_fkey" FOREIGN KEY ("organisationId", "assignmentId") REFERENCES "Assignment"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ControlProtocol" ADD CONSTRAINT "ControlProtocol_organisationId_studentId_fkey" FOREIGN KEY ("organisationId", "studentId") REFERENCES "Student"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnlockRequest" ADD CONSTRAINT "UnlockRequest_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnlockRequest" ADD CONSTRAINT "UnlockRequest_organisationId_classId_fkey" FOREIGN KEY ("organisationId", "classId") REFERENCES "ClassGroup"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnlockRequest" ADD CONSTRAINT "UnlockRequest_organisationId_subjectId_fkey" FOREIGN KEY ("organisationId", "subjectId") REFERENCES "Subject"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnlockRequest" ADD CONSTRAINT "UnlockRequest_organisationId_requesterId_fkey" FOREIGN KEY ("organisationId", "requesterId") REFERENCES "User"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnlockRequest" ADD CONSTRAINT "UnlockRequest_organisationId_deciderId_fkey" FOREIGN KEY ("organisationId", "deciderId") REFERENCES "User"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JournalChange" ADD CONSTRAINT "JournalChange_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinalMark" ADD CONSTRAINT "FinalMark_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinalMark" ADD CONSTRAINT "FinalMark_organisationId_studentId_fkey" FOREIGN KEY ("organisationId", "studentId") REFERENCES "Student"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinalMark" ADD CONSTRAINT "FinalMark_organisationId_classId_fkey" FOREIGN KEY ("organisationId", "classId") REFERENCES "ClassGroup"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinalMark" ADD CONSTRAINT "FinalMark_organisationId_subjectId_fkey" FOREIGN KEY ("organisationId", "subjectId") REFERENCES "Subject"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinalMark" ADD CONSTRAINT "FinalMark_organisationId_periodId_fkey" FOREIGN KEY ("organisationId", "periodId") REFERENCES "Period"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_organisationId_senderId_fkey" FOREIGN KEY ("organisationId", "senderId") REFERENCES "User"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_organisationId_replyToId_fkey" FOREIGN KEY ("organisationId", "replyToId") REFERENCES "Message"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageRecipient" ADD CONSTRAINT "MessageRecipient_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageRecipient" ADD CONSTRAINT "MessageRecipient_organisationId_messageId_fkey" FOREIGN KEY ("organisationId", "messageId") REFERENCES "Message"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageRecipient" ADD CONSTRAINT "MessageRecipient_organisationId_userId_fkey" FOREIGN KEY ("organisationId", "userId") REFERENCES "User"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Announcement" ADD CONSTRAINT "Announcement_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Announcement" ADD CONSTRAINT "Announcement_organisationId_authorId_fkey" FOREIGN KEY ("organisationId", "authorId") REFERENCES "User"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Announcement" ADD CONSTRAINT "Announcement_organisationId_classId_fkey" FOREIGN KEY ("organisationId", "classId") REFERENCES "ClassGroup"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumTopic" ADD CONSTRAINT "ForumTopic_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumTopic" ADD CONSTRAINT "ForumTopic_organisationId_authorId_fkey" FOREIGN KEY ("organisationId", "authorId") REFERENCES "User"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumPost" ADD CONSTRAINT "ForumPost_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumPost" ADD CONSTRAINT "ForumPost_organisationId_topicId_fkey" FOREIGN KEY ("organisationId", "topicId") REFERENCES "ForumTopic"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumPost" ADD CONSTRAINT "ForumPost_organisationId_authorId_fkey" FOREIGN KEY ("organisationId", "authorId") REFERENCES "User"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumModerator" ADD CONSTRAINT "ForumModerator_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumModerator" ADD CONSTRAINT "ForumModerator_organisationId_userId_fkey" FOREIGN KEY ("organisationId", "userId") REFERENCES "User"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Remark" ADD CONSTRAINT "Remark_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Remark" ADD CONSTRAINT "Remark_organisationId_authorId_fkey" FOREIGN KEY ("organisationId", "authorId") REFERENCES "User"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Remark" ADD CONSTRAINT "Remark_organisationId_teacherId_fkey" FOREIGN KEY ("organisationId", "teacherId") REFERENCES "User"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Remark" ADD CONSTRAINT "Remark_organisationId_classId_fkey" FOREIGN KEY ("organisationId", "classId") REFERENCES "ClassGroup"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Remark" ADD CONSTRAINT "Remark_organisationId_subjectId_fkey" FOREIGN KEY ("organisationId", "subjectId") REFERENCES "Subject"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Remark" ADD CONSTRAINT "Remark_organisationId_lessonId_fkey" FOREIGN KEY ("organisationId", "lessonId") REFERENCES "Lesson"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportJob" ADD CONSTRAINT "ReportJob_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportJob" ADD CONSTRAINT "ReportJob_organisationId_userId_fkey" FOREIGN KEY ("organisationId", "userId") REFERENCES "User"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveSet" ADD CONSTRAINT "ArchiveSet_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveSet" ADD CONSTRAINT "ArchiveSet_organisationId_yearId_fkey" FOREIGN KEY ("organisationId", "yearId") REFERENCES "AcademicYear"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
