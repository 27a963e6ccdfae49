// PRG-4: the assessment schedule's PDF and XLSX downloads (/api/assessments) for a class's or a
// student's schedule of one period — the deputy's page and the diary's tab. Server-safe.
import { ButtonLink } from "@/components/ui/button";

const FORMATS = [
  { format: "pdf", label: "PDF" },
  { format: "xlsx", label: "XLSX" },
] as const;

export function ScheduleDownloads({
  of,
  periodId,
}: {
  /** Whose schedule: a class's (staff) or a student's (the family's diary). */
  of: { classId: number } | { studentId: number };
  periodId: number;
}) {
  const owner = "classId" in of ? `classId=${of.classId}` : `studentId=${of.studentId}`;
  return (
    <>
      {FORMATS.map((f) => (
        <ButtonLink
          key={f.format}
          href={`/api/assessments?${owner}&periodId=${periodId}&format=${f.format}`}
          size="sm"
          download
        >
          {f.label}
        </ButtonLink>
      ))}
    </>
  );
}
