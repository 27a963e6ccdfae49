// Writes of journal checks (DUT-2): the check, the remark made in it (CTL-2, linked by checkId)
// and their audit rows commit together.
import { db } from "@/lib/db";
import { auditChange } from "@/lib/audit/mutations";
import type { CheckLevelName } from "./rules";

export type NewCheck = {
  organisationId: number;
  checkerId: number;
  classId: number;
  subjectId: number | null;
  periodId: number | null;
  level: CheckLevelName;
  checkedOn: Date;
  result: "OK" | "REMARKS";
  findings: string | null;
  remark: { teacherId: number; text: string } | null;
  now: Date;
};

export async function createCheck(c: NewCheck): Promise<{ id: number; remarkId: number | null }> {
  return db.$transaction(async (tx) => {
    const check = await tx.journalCheck.create({
      data: {
        organisationId: c.organisationId,
        classId: c.classId,
        subjectId: c.subjectId,
        periodId: c.periodId,
        level: c.level,
        checkerId: c.checkerId,
        checkedOn: c.checkedOn,
        result: c.result,
        findings: c.findings,
        createdAt: c.now,
      },
      select: { id: true },
    });
    let remarkId: number | null = null;
    if (c.remark) {
      const remark = await tx.remark.create({
        data: {
          organisationId: c.organisationId,
          authorId: c.checkerId,
          teacherId: c.remark.teacherId,
          classId: c.classId,
          subjectId: c.subjectId,
          checkId: check.id,
          text: c.remark.text,
          createdAt: c.now,
        },
        select: { id: true },
      });
      remarkId = remark.id;
      await auditChange(
        tx,
        { organisationId: c.organisationId, userId: c.checkerId },
        "remark.create",
        ["Remark", remark.id],
        { teacherId: c.remark.teacherId, classId: c.classId, subjectId: c.subjectId, checkId: check.id },
      );
    }
    await auditChange(
      tx,
      { organisationId: c.organisationId, userId: c.checkerId },
      "journal.check",
      ["JournalCheck", check.id],
      { classId: c.classId, level: c.level, result: c.result, remarkId },
    );
    return { id: check.id, remarkId };
  });
}
