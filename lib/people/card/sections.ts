// Saving one group of a student card's fields (ACL-4): main fields need people.manage, medical
// ones people.medical (ADMIN, MEDIC), psychological/social ones people.psych (ADMIN, PSYCHOLOGIST).
// The caller has passed the access gate for exactly that permission.
import { fieldErrorsOf } from "@/lib/schema";
import { fail, ok, type ActionResult } from "@/lib/errors";
import type { Permission } from "@/lib/access/matrix";
import { medicalSchema, psychSchema, studentMainSchema } from "../schema";
import { updateStudentMain, updateStudentMedical, updateStudentPsych } from "./mutations";

export type CardSection = "main" | "medical" | "psych";

export const SECTION_PERMISSION: Record<CardSection, Permission> = {
  main: "people.manage",
  medical: "people.medical",
  psych: "people.psych",
};

type Who = { organisationId: number; userId: number; ip?: string | null };

export async function saveCardSection(
  who: Who,
  section: CardSection,
  studentId: number,
  raw: unknown,
): Promise<ActionResult> {
  const schema = section === "main" ? studentMainSchema : section === "medical" ? medicalSchema : psychSchema;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return fail("INVALID_INPUT", undefined, fieldErrorsOf(parsed.error));
  const saved =
    section === "main"
      ? await updateStudentMain(who, studentId, parsed.data as never)
      : section === "medical"
        ? await updateStudentMedical(who, studentId, parsed.data as never)
        : await updateStudentPsych(who, studentId, parsed.data as never);
  return saved ? ok(undefined) : fail("NOT_FOUND");
}
