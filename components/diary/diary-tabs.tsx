// The diary's sections (DRY-1, DRY-2, DRY-6, PRG-4, PRG-2): the week, the marks of the period, the published
// assessment schedule, the clubs (open enrolment) and the printable period report. Wraps on a phone; no horizontal scrolling.
// The tabs open on the client through ONE SoftNav (issue 22 item 5); the report downloads.
import { isoDate } from "@/lib/org/time";
import { SoftNav } from "@/components/ui/soft-nav";

export function DiaryTabs({
  studentId,
  active,
  periodId,
  weekOf = null,
}: {
  studentId: number;
  active: "week" | "marks" | "assessments" | "clubs";
  periodId: number | null;
  /** A past year's period (REC-3): «Неделя» opens that period's last week, not today's. */
  weekOf?: Date | null;
}) {
  const report = `/diary/${studentId}/report?format=pdf${periodId ? `&periodId=${periodId}` : ""}`;
  return (
    <SoftNav aria-label="Разделы дневника" className="flex flex-wrap gap-2">
      <a
        className="dtab"
        aria-current={active === "week" ? "page" : undefined}
        href={weekOf ? `/diary/${studentId}?week=${isoDate(weekOf)}` : `/diary/${studentId}`}
      >
        Неделя
      </a>
      <a className="dtab" aria-current={active === "marks" ? "page" : undefined} href={`/diary/${studentId}/marks`}>
        Отметки и прогноз
      </a>
      <a
        className="dtab"
        aria-current={active === "assessments" ? "page" : undefined}
        href={`/diary/${studentId}/assessments`}
      >
        График контрольных
      </a>
      <a className="dtab" aria-current={active === "clubs" ? "page" : undefined} href={`/diary/${studentId}/clubs`}>
        Кружки
      </a>
      {periodId !== null && (
        <a href={report} className="dtab" download>
          Отчёт за период (PDF)
        </a>
      )}
    </SoftNav>
  );
}
