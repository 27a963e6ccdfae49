// «Объединения» (PRG-2): the year's clubs (внеурочная деятельность) — every club for those who keep
// them (clubs.manage) or the deputy, a leader's own clubs (clubs.journal, scope «leader»); a new club.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { requireAccess } from "@/lib/access/guard";
import { heldPermissions } from "@/lib/access/loaders";
import { saveClubAction } from "@/lib/clubs/actions";
import { loadClubList, loadClubReportForm, loadTeacherOptions } from "@/lib/clubs/loaders";
import { serverNow } from "@/lib/org/clock";
import { todayIn } from "@/lib/org/time";
import { ClubFields } from "@/components/clubs/club-fields";
import { ClubReportForm } from "@/components/clubs/club-report-form";
import { clockLabel } from "@/lib/schedule/timetable/rules";
import { WEEKDAY_SHORT } from "@/lib/schedule/week";
import { ActionForm } from "@/components/ui/action-form";
import { Notice } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { cap, vocabulary } from "@/lib/org/vocabulary";

export const metadata: Metadata = { title: "Объединения" };

export default async function ClubsPage() {
  const { user } = await requireAccess(["clubs.manage", "clubs.journal"]);
  const held = await heldPermissions(user.organisationId, user.id);
  const manage = held.has("clubs.manage");
  const journal = held.get("clubs.journal") ?? [];
  // Those who keep the clubs see every club; a leader sees their own.
  const view = await loadClubList(user, manage ? ["all"] : journal);
  const leaders = manage ? await loadTeacherOptions(user.organisationId) : [];
  const reportForm =
    view && view.clubs.length > 0
      ? await loadClubReportForm(user.organisationId, view.year, todayIn(user.timeZone, serverNow()))
      : null;
  return (
    <div className="space-y-4">
      <PageHeader title="Объединения внеурочной деятельности" subtitle={view && <>{view.year.name} учебный год</>} />
      {!view && <Notice tone="warning">Нет текущего учебного года</Notice>}
      {view && manage && (
        <ActionForm
          action={saveClubAction}
          layout="inline"
          framed
          submitLabel="Создать объединение"
          label="Новое объединение"
        >
          <ClubFields leaders={leaders} />
        </ActionForm>
      )}
      <DataTable
        label="Объединения"
        empty={manage ? "Объединений пока нет" : "Вы не руководите объединениями"}
        columns={[
          { key: "name", header: "Объединение", rowHeader: true, sortable: true },
          { key: "leader", header: "Руководитель", sortable: true },
          { key: "members", header: cap(vocabulary(user.orgKind).student.genPl), align: "right", sortable: true },
          { key: "slots", header: "Расписание" },
          { key: "journal", header: "Журнал" },
        ]}
        rows={(view?.clubs ?? []).map((c) => ({
          key: c.id,
          cells: {
            name: (
              <Link href={`/clubs/${c.id}`} className="text-blue-700 hover:underline">
                {c.name}
              </Link>
            ),
            leader: c.leaderName,
            members: c.members,
            slots:
              c.slots
                .map((s) => `${WEEKDAY_SHORT[s.weekday]} ${clockLabel(s.start)}–${clockLabel(s.end)}`)
                .join(", ") || "—",
            journal:
              journal.includes("all") || (journal.includes("leader") && c.leaderId === user.id) ? (
                <Link href={`/clubs/${c.id}/journal`} className="text-blue-700 hover:underline">
                  Журнал
                </Link>
              ) : (
                "—"
              ),
          },
        }))}
      />
      {reportForm && (
        <ClubReportForm
          kind={user.orgKind}
          title={manage ? "Посещаемость всех объединений (PDF, XLSX)" : "Посещаемость моих объединений (PDF, XLSX)"}
          {...reportForm}
        />
      )}
    </div>
  );
}
