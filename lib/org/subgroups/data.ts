// Subgroup membership reads (ORG-4): the class's subgroups and who is in each.
import { db } from "@/lib/db";

export async function subgroupsOfClass(organisationId: number, classId: number) {
  return db.subgroup.findMany({
    where: { organisationId, classId },
    orderBy: [{ subjectId: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      subjectId: true,
      subject: { select: { name: true } },
      members: { select: { studentId: true } },
    },
  });
}

export async function subgroupRef(organisationId: number, subgroupId: number) {
  return db.subgroup.findUnique({
    where: { organisationId_id: { organisationId, id: subgroupId } },
    select: { id: true, classId: true, subjectId: true },
  });
}
