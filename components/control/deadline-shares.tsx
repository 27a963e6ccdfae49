// DUT-1 on the control page: per teacher, the lessons filled by the daily deadline on the day, in
// its week and in its month, with the file (RPT-11, report=deadline).
import type { DeadlineFigures } from "@/lib/control/deadline/report";
import { sharePercent, shareText, type Share } from "@/lib/control/deadline/rules";
import { formatDate, isoDate } from "@/lib/org/time";
import { Downloads } from "./filter-bits";
import { Table, THead, Td, Tr } from "@/components/ui/table";
import { cap, vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

function ShareCell({ share }: { share: Share }) {
  const p = sharePercent(share);
  const tone = p === null ? "text-slate-400" : p < 80 ? "text-red-700 font-medium" : "";
  return (
    <Td align="right" className={tone || undefined}>
      {shareText(share)}
    </Td>
  );
}

export function DeadlineShares({
  figures,
  query,
  kind = "SCHOOL",
}: {
  figures: DeadlineFigures;
  query: Record<string, string>;
  kind?: OrgKindName;
}) {
  const v = vocabulary(kind);
  return (
    <section className="space-y-2" aria-label="Заполнение в срок">
      <h2 className="text-lg font-semibold">
        Заполнение журнала до {figures.deadline} · на {formatDate(figures.day)}
      </h2>
      <Downloads
        report="deadline"
        what="заполнение в срок"
        query={{
          date: isoDate(figures.day),
          ...(query.classId ? { classId: query.classId } : {}),
          ...(query.teacherId ? { teacherId: query.teacherId } : {}),
        }}
      />
      {figures.rows.length === 0 ? (
        <p className="text-sm text-slate-600">Уроков с наступившим сроком заполнения нет.</p>
      ) : (
        <Table label="Заполнено до срока" maxHeight="none">
          <THead
            headers={[
              cap(v.teacher.nom),
              { label: "День", align: "right" },
              { label: "Неделя", align: "right" },
              { label: "Месяц", align: "right" },
            ]}
          />
          <tbody>
            {figures.rows.map((r) => (
              <Tr key={r.teacherId}>
                <Td>{r.teacher}</Td>
                <ShareCell share={r.day} />
                <ShareCell share={r.week} />
                <ShareCell share={r.month} />
              </Tr>
            ))}
          </tbody>
          <tfoot className="bg-slate-50 font-medium">
            <tr>
              <Td>Итого</Td>
              <ShareCell share={figures.totals.day} />
              <ShareCell share={figures.totals.week} />
              <ShareCell share={figures.totals.month} />
            </tr>
          </tfoot>
        </Table>
      )}
      <p className="text-xs text-slate-500">
        Урок заполнен в срок, если до {figures.deadline} дня урока внесены тема, посещаемость, домашнее задание (или «не
        задано» / «не предусмотрено») и отметки за задания со сроком в этот день. «В срок из уроков, срок которых
        наступил».
      </p>
    </section>
  );
}
