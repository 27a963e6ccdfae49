// DUT-1 on the control page: per teacher, the lessons filled by the daily deadline on the day, in
// its week and in its month, with the file (RPT-11, report=deadline).
import type { DeadlineFigures } from "@/lib/control/deadline/report";
import { sharePercent, shareText, type Share } from "@/lib/control/deadline/rules";
import { formatDate, isoDate } from "@/lib/org/time";
import Link from "@/components/ui/link";
import { Downloads } from "./filter-bits";
import { Table, THead, Td } from "@/components/ui/table";
import { cap, vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

const tone = (share: Share) => {
  const p = sharePercent(share);
  return p === null ? "text-slate-400" : p < 80 ? "text-red-700 font-medium" : undefined;
};

/** A total's cell (the kit's cell: four of them). */
function ShareCell({ share }: { share: Share }) {
  return (
    <Td align="right" className={tone(share)}>
      {shareText(share)}
    </Td>
  );
}

/**
 * The kit's Td / Tr classes for every body cell, declared once on the table (issue 22 item 7): a
 * school's ≈ 100 teachers × 4 cells carried them per cell in the HTML and again in the RSC payload
 * (≈ 70 KB of /control). The three share columns are right-aligned numbers.
 */
const BODY =
  "[&>tbody>tr>td]:border-b [&>tbody>tr>td]:border-slate-100 [&>tbody>tr>td]:px-2 [&>tbody>tr>td]:py-1 " +
  "[&>tbody>tr>td]:align-top [&>tbody>tr>td]:text-left [&>tbody>tr:hover]:bg-slate-50 " +
  "[&>tbody>tr>td+td]:text-right [&>tbody>tr>td+td]:tabular-nums";

export function DeadlineShares({
  figures,
  query,
  kind = "SCHOOL",
  rowsHref,
}: {
  figures: DeadlineFigures;
  query: Record<string, string>;
  kind?: OrgKindName;
  /**
   * Summary first (issue 22 item 7): only the totals, with a link here to every teacher's row — the
   * page's unfiltered view, where a school's ≈ 100 rows were a third of its bytes. Unset: the rows.
   */
  rowsHref?: string;
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
        <p className="text-sm text-slate-600">{cap(v.lesson.genPl)} с наступившим сроком заполнения нет.</p>
      ) : (
        <>
          {rowsHref && (
            <p className="text-sm text-slate-600">
              Итого за день, неделю и месяц;{" "}
              <Link href={rowsHref} className="text-blue-700 underline">
                по {v.teacher.datPl} ({figures.rows.length})
              </Link>
              .
            </p>
          )}
          <Table label="Заполнено до срока" maxHeight="none" tableClassName={BODY}>
            <THead
              headers={[
                cap(v.teacher.nom),
                { label: "День", align: "right" },
                { label: "Неделя", align: "right" },
                { label: "Месяц", align: "right" },
              ]}
            />
            <tbody>
              {(rowsHref ? [] : figures.rows).map((r) => (
                <tr key={r.teacherId}>
                  <td>{r.teacher}</td>
                  <td className={tone(r.day)}>{shareText(r.day)}</td>
                  <td className={tone(r.week)}>{shareText(r.week)}</td>
                  <td className={tone(r.month)}>{shareText(r.month)}</td>
                </tr>
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
        </>
      )}
      <p className="text-xs text-slate-500">
        {cap(v.lesson.nom)} {v.lessonFilled} в срок, если до {figures.deadline} дня {v.lesson.gen} внесены тема,
        посещаемость, домашнее задание (или «не задано» / «не предусмотрено») и отметки за задания со сроком в этот
        день. «В срок из {v.lesson.genPl}, срок которых наступил».
      </p>
    </section>
  );
}
