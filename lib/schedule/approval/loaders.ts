// PRG-3: the approval page's reads — the current year's versions and the edits made since the
// last approved one (listed for the director, SCH-2 wording).
import type { CurrentUser } from "@/lib/auth/session";
import type { HomeWidget } from "@/lib/home/widget";
import { changesOfYear, currentYear, versionsOfYear, type VersionRow } from "./data";
import type { ChangeSinceApproval } from "./rules";

export type ApprovalView = {
  yearName: string;
  versions: VersionRow[];
  pending: { id: number; number: number } | null;
  approvedNumber: number | null;
  changes: ChangeSinceApproval[];
};

/**
 * The current year's versions and the edits since the newest approved one — the difference taken
 * in PostgreSQL (issue 22 item 7): three statements whatever the size of the timetable.
 */
export async function loadApproval(user: CurrentUser): Promise<ApprovalView | null> {
  const year = await currentYear(user.organisationId);
  if (!year) return null;
  const [versions, changes] = await Promise.all([
    versionsOfYear(user.organisationId, year.id),
    changesOfYear(user.organisationId, year.id),
  ]);
  const approved = versions.find((v) => v.status === "APPROVED") ?? null;
  const pending = versions.find((v) => v.status === "SUBMITTED") ?? null;
  return {
    yearName: year.name,
    versions,
    pending: pending && { id: pending.id, number: pending.number },
    approvedNumber: approved?.number ?? null,
    changes,
  };
}

/**
 * DAY-2 home widget of PRG-3: for the director a version waiting for the decision and the edits
 * made since approval; for the scheduler a returned version with the director's comment.
 */
export async function approvalWidget(organisationId: number, director: boolean): Promise<HomeWidget> {
  const year = await currentYear(organisationId);
  const versions = year ? await versionsOfYear(organisationId, year.id) : [];
  const approved = versions.find((v) => v.status === "APPROVED");
  const tasks: HomeWidget["tasks"] = [];
  const href = "/schedule/approval";
  if (director) {
    const pending = versions.find((v) => v.status === "SUBMITTED");
    if (pending) tasks.push({ href, text: `Расписание: версия ${pending.number} ждёт утверждения` });
    if (approved && year) {
      const changes = await changesOfYear(organisationId, year.id);
      if (changes.length)
        tasks.push({
          href,
          text: `Изменения расписания после утверждения: ${changes.length}`,
          note: "без утверждения",
        });
    }
  } else if (versions[0]?.status === "RETURNED") {
    tasks.push({ href, text: `Расписание: версия ${versions[0].number} возвращена`, note: versions[0].comment ?? "" });
  }
  return { key: "timetable-approval", title: "Утверждение расписания", empty: "Решений по расписанию не ждёт.", tasks };
}
