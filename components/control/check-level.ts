// DUT-2's check levels in the organisation's words (DAY-6, round 23): lib/control's CHECK_LEVEL_LABELS
// says «классный руководитель» for the class-teacher level; a college's is its «куратор». A plain
// module (no "use client") so the checks page (server) and its form (client) share one function.
import { CHECK_LEVEL_LABELS, type CheckLevelName } from "@/lib/control/checks/rules";
import type { Vocabulary } from "@/lib/org/vocabulary";

export function checkLevelLabel(v: Vocabulary, level: CheckLevelName): string {
  return level === "CLASS_TEACHER" ? v.classTeacher.nom : CHECK_LEVEL_LABELS[level];
}
