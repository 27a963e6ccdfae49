// Page reads of people cards (PPL-1, ACL-4): the field set follows the reader's access and a
// view beyond «краткие сведения» is recorded in the audit log (152-ФЗ).
import type { CurrentUser } from "@/lib/auth/session";
import { requestAddress } from "@/lib/auth/request";
import { todayIn } from "@/lib/org/time";
import { isAuditedView, visibleFields, type CardAccess } from "../card-rules";
import { studentCardAccess, parentCardAccess } from "./access";
import {
  childIdsOfParent,
  parentCard,
  parentsOfStudent,
  studentCard,
  type LinkedParent,
  type ParentCard,
  type StudentCard,
} from "./data";
import { recordCardView } from "./mutations";

export type StudentCardView = { access: CardAccess; card: StudentCard; parents: LinkedParent[] | null };

/** Null = no access (the page answers 403); "missing" = no such student here. */
export async function loadStudentCard(user: CurrentUser, studentId: number): Promise<StudentCardView | null> {
  const access = await studentCardAccess(user, studentId);
  if (!access) return null;
  const card = await studentCard(user.organisationId, studentId, visibleFields(access), todayIn(user.timeZone));
  if (!card) return null;
  if (isAuditedView(access)) {
    const level = [access.full && "full", access.medicalEdit && "medical", access.psych && "psych"]
      .filter(Boolean)
      .join(",");
    await recordCardView(
      { organisationId: user.organisationId, userId: user.id, ip: await requestAddress() },
      "Student",
      studentId,
      level,
    );
  }
  const parents = access.full ? await parentsOfStudent(user.organisationId, studentId) : null;
  return { access, card, parents };
}

export async function loadParentCard(
  user: CurrentUser,
  parentId: number,
): Promise<{ full: boolean; card: ParentCard } | null> {
  const childIds = await childIdsOfParent(user.organisationId, parentId);
  if (!childIds) return null;
  const access = await parentCardAccess(user, childIds);
  if (!access) return null;
  const card = await parentCard(user.organisationId, parentId, access.full);
  if (!card) return null;
  if (access.full)
    await recordCardView(
      { organisationId: user.organisationId, userId: user.id, ip: await requestAddress() },
      "Parent",
      parentId,
      "full",
    );
  return { full: access.full, card };
}
