// Reads for the import preview (PPL-5): which of the file's people already have a card.
import { db } from "@/lib/db";
import { NAME_FIELDS } from "@/lib/people/names";

export async function existingStudents(
  organisationId: number,
  people: readonly { lastName: string; birthDate: Date }[],
) {
  if (people.length === 0) return [];
  return db.student.findMany({
    where: {
      organisationId,
      OR: people.map((p) => ({
        lastName: { equals: p.lastName, mode: "insensitive" as const },
        birthDate: p.birthDate,
      })),
    },
    select: { ...NAME_FIELDS, birthDate: true },
  });
}
