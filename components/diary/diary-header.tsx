// The top of every diary page: the tab's title with the student and class under it, the family's
// child switcher (it keeps this tab, and `query`) and the diary's tabs.
import type { ReactNode } from "react";
import type { DiaryChild } from "@/lib/diary/data";
import { PageHeader } from "@/components/ui/page-header";
import { ChildSwitcher } from "./child-switcher";
import { DiaryTabs } from "./diary-tabs";
import { vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

type Tab = "week" | "marks" | "assessments" | "clubs";

const TITLES: Record<Tab, string> = {
  week: "Дневник",
  marks: "Дневник: отметки",
  assessments: "Дневник: график контрольных",
  clubs: "Дневник: кружки и секции",
};

export function DiaryHeader({
  student,
  students,
  tab,
  periodId = null,
  weekOf = null,
  query,
  actions,
  kind,
}: {
  student: { studentId: number; fullName: string; className: string | null };
  students: DiaryChild[];
  tab: Tab;
  /** The period the tabs' report link prints. */
  periodId?: number | null;
  /** A past year's period (REC-3): «Неделя» opens that period's last week. */
  weekOf?: Date | null;
  /** What the child switch keeps besides the tab (`day=…`). */
  query?: string;
  actions?: ReactNode;
  /** DAY-6: «не зачислен в группу» at a college (round 23). */
  kind?: OrgKindName;
}) {
  return (
    <>
      <PageHeader
        title={TITLES[tab]}
        subtitle={
          <>
            {student.fullName} · {student.className ?? `не зачислен в ${vocabulary(kind ?? "SCHOOL").class.acc}`}
          </>
        }
        actions={actions}
      />
      <ChildSwitcher
        students={students}
        current={student.studentId}
        path={tab === "week" ? "" : `/${tab}`}
        query={query}
      />
      <DiaryTabs studentId={student.studentId} active={tab} periodId={periodId} weekOf={weekOf} />
    </>
  );
}
