// The set-up directories (ORG-3…ORG-7) as a registry: which permission guards each one and
// which schema validates it. Generic actions and the compact CRUD tables use it.
import type { z } from "zod";
import type { Permission } from "@/lib/access/matrix";
import {
  assignmentTypeSchema,
  classSchema,
  classDepartmentSchema,
  classTeacherSchema,
  curriculumSchema,
  departmentSchema,
  holidaySchema,
  loadSchema,
  periodSchema,
  roomSchema,
  subgroupSchema,
  subjectSchema,
} from "./schema";

export const ENTITIES = [
  "assignmentType",
  "room",
  "period",
  "holiday",
  "class",
  "subject",
  "curriculum",
  "load",
  "subgroup",
  "classTeacher",
  "department",
  "classDepartment",
] as const;
export type Entity = (typeof ENTITIES)[number];

export const ENTITY: Record<Entity, { permission: Permission; schema: z.ZodType; path: string; yearBound: boolean }> = {
  assignmentType: {
    permission: "dict.edit",
    schema: assignmentTypeSchema,
    path: "/org/dictionaries",
    yearBound: false,
  },
  room: { permission: "dict.edit", schema: roomSchema, path: "/org/dictionaries", yearBound: false },
  period: { permission: "periods.edit", schema: periodSchema, path: "/org/periods", yearBound: true },
  holiday: { permission: "periods.edit", schema: holidaySchema, path: "/org/periods", yearBound: true },
  class: { permission: "classes.edit", schema: classSchema, path: "/org/classes", yearBound: true },
  subject: { permission: "classes.edit", schema: subjectSchema, path: "/org/subjects", yearBound: false },
  curriculum: { permission: "curriculum.edit", schema: curriculumSchema, path: "/org/curriculum", yearBound: false },
  load: { permission: "curriculum.edit", schema: loadSchema, path: "/org/load", yearBound: false },
  subgroup: { permission: "classes.edit", schema: subgroupSchema, path: "/org/classes", yearBound: false },
  classTeacher: { permission: "classes.edit", schema: classTeacherSchema, path: "/org/classes", yearBound: false },
  // Departments decide a HEAD_OF_DEPT's scope (ACL-3), so changing them changes who may see and
  // edit which groups: that is the organisation's structure (org.edit, ADMIN), not classes.edit,
  // which a SECRETARY, a SCHEDULER and the head of department himself hold.
  department: { permission: "org.edit", schema: departmentSchema, path: "/org/departments", yearBound: false },
  classDepartment: {
    permission: "org.edit",
    schema: classDepartmentSchema,
    path: "/org/departments",
    yearBound: false,
  },
};

export function isEntity(v: unknown): v is Entity {
  return typeof v === "string" && (ENTITIES as readonly string[]).includes(v);
}
