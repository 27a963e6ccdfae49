// Page reads of the organisation set-up; pages have passed the access gate.
import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import * as data from "./data";

export const loadOrgCard = cache((user: CurrentUser) => data.orgCard(user.organisationId));
export const loadAssignmentTypes = cache((user: CurrentUser) => data.assignmentTypes(user.organisationId));
export const loadRooms = cache((user: CurrentUser) => data.rooms(user.organisationId));
export const loadYears = cache((user: CurrentUser) => data.years(user.organisationId));
export const loadClassesOfYear = cache((user: CurrentUser, yearId: number) =>
  data.classesOfYear(user.organisationId, yearId),
);
export const loadSubjects = cache((user: CurrentUser) => data.subjects(user.organisationId));
export const loadTeachers = cache((user: CurrentUser) => data.teachers(user.organisationId));
export const loadCurriculum = cache((user: CurrentUser, classId: number) =>
  data.curriculumOfClass(user.organisationId, classId),
);
export const loadLoads = cache((user: CurrentUser, yearId: number, classId: number | null) =>
  data.loadsOfYear(user.organisationId, yearId, classId),
);
export const loadCurrentYear = cache((user: CurrentUser) => data.currentYear(user.organisationId));
export const loadDepartments = cache((user: CurrentUser, yearId: number | null) =>
  data.departments(user.organisationId, yearId),
);
export const loadHeadsOfDept = cache((user: CurrentUser) => data.headsOfDept(user.organisationId));
export const loadCurriculumOfYear = cache((user: CurrentUser, yearId: number) =>
  data.curriculumOfYear(user.organisationId, yearId),
);
