// «Замечания по ведению журнала» (CTL-2, seed 001 §4.2.2.8, 003 §7.4): the writer files remarks and
// closes them; weekly and monthly lists with filters, and the list as a file (RPT-11).
import type { Metadata } from "next";
import { requireAccess } from "@/lib/access/guard";
import { loadRemarksPage } from "@/lib/control/loaders";
import { remarkStatusLabel } from "@/lib/control/rules";
import { REMARK_STATUSES } from "@/lib/control/schema";
import { formatDate, formatDateTime } from "@/lib/org/time";
import { cap, vocabulary } from "@/lib/org/vocabulary";
import { Choice, DateChoice, FilterForm, ListTable, ReportLine } from "@/components/control/filter-bits";
import { RemarkForm } from "@/components/control/remark-form";
import { RemarkMove } from "@/components/control/remark-move";
import { PageHeader } from "@/components/ui/page-header";
import { Td, Tr } from "@/components/ui/table";

export const metadata: Metadata = { title: "Замечания по ведению журнала" };

export default async function RemarksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, scopes, permission } = await requireAccess(["remarks.write", "control.view"]);
  const search = await searchParams;
  const page = await loadRemarksPage(user, scopes, search);
  // «Написать замечание» from the fill report pre-selects the teacher, class and subject.
  const pick = (k: string) => (typeof search[k] === "string" && /^\d{1,9}$/.test(search[k]) ? search[k] : undefined);
  const defaults = { teacherId: pick("rt"), classId: pick("rc"), subjectId: pick("rs") };
  const canWrite = permission === "remarks.write";
  const v = vocabulary(user.orgKind);
  const classWord = cap(v.class.nom);
  const statusOptions = REMARK_STATUSES.map((s) => ({ id: s, name: remarkStatusLabel(s, v.kind) }));
  const list = page.list;
  return (
    <div className="space-y-4">
      <PageHeader title="Замечания по ведению журнала" />
      {canWrite && <RemarkForm {...page.choices} kind={user.orgKind} defaults={defaults} />}
      <FilterForm grid error={page.error}>
        <Choice
          name="kind"
          label="Список"
          value={page.raw.kind}
          options={[
            { id: "week", name: "за неделю" },
            { id: "month", name: "за месяц" },
          ]}
        />
        <DateChoice name="date" label="Дата в неделе / месяце" value={page.raw.date} />
        <Choice name="status" label="Состояние" value={page.raw.status} options={statusOptions} empty="Все" />
        <Choice
          name="teacherId"
          label={cap(v.teacher.nom)}
          value={page.raw.teacherId}
          options={page.choices.teachers}
          empty="Все"
        />
      </FilterForm>
      {list && (
        <>
          <ReportLine report="remarks" query={page.raw}>
            {formatDate(list.range.from)} — {formatDate(list.range.to)}: замечаний {list.rows.length}
          </ReportLine>
          {list.rows.length === 0 ? (
            <p className="text-sm text-slate-600">Замечаний нет.</p>
          ) : (
            <ListTable
              label="Замечания"
              headers={[
                "Дата",
                cap(v.teacher.nom),
                `${classWord}, ${v.subject.nom}`,
                "Замечание",
                "Автор",
                "Состояние",
                `Комментарий ${v.teacher.gen}`,
                "Действия",
              ]}
            >
              {list.rows.map((r) => {
                const mine = r.authorId === user.id || scopes.includes("all");
                return (
                  <Tr key={r.id} data-remark={r.id}>
                    <Td className="whitespace-nowrap">{formatDateTime(r.createdAt, user.timeZone)}</Td>
                    <Td>{r.teacher}</Td>
                    <Td>
                      {[r.className, r.subjectName, r.lessonDate ? `${v.lesson.nom} ${formatDate(r.lessonDate)}` : null]
                        .filter(Boolean)
                        .join(", ") || "—"}
                    </Td>
                    <Td>{r.text}</Td>
                    <Td>{r.author}</Td>
                    <Td>{remarkStatusLabel(r.status, v.kind)}</Td>
                    <Td>{r.teacherNote ?? ""}</Td>
                    <Td>
                      {canWrite && mine && r.status !== "CLOSED" && (
                        <RemarkMove remarkId={r.id} move="close" label="Закрыть" />
                      )}
                      {canWrite && mine && r.status !== "OPEN" && (
                        <RemarkMove remarkId={r.id} move="reopen" label="Вернуть в работу" />
                      )}
                    </Td>
                  </Tr>
                );
              })}
            </ListTable>
          )}
        </>
      )}
    </div>
  );
}
