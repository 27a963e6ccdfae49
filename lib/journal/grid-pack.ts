// The grid's view model in a compact form for the trip from the server page to the client grid
// (issue 10): the RSC payload would otherwise repeat the keys of every mark and attendance object
// (`{"kind":…,"value":…,"isHospital":…}` — ≈ 3× the data). The server packs them into tuples,
// the client grid unpacks once (useMemo) and works on the ordinary GridView. Pure.
import { type MarkKindName } from "@/lib/journal/marks";
import { attendanceKey, markKey, type GridAttendance, type GridMark, type GridView } from "./grid";
import type { AttendanceCodeName } from "./rules";

/** [assignmentId, studentId, kind, value, isHospital (1/0), comment, version] */
export type PackedMark = [number, number, MarkKindName, number | null, 0 | 1, string | null, number];
/** [lessonId, studentId, code, missedHours, version] */
export type PackedAttendance = [number, number, AttendanceCodeName, number | null, number];

export type PackedGridView = Omit<GridView, "marks" | "attendance"> & {
  marks: PackedMark[];
  attendance: PackedAttendance[];
};

function splitKey(key: string): [number, number] {
  const i = key.indexOf(":");
  return [Number(key.slice(0, i)), Number(key.slice(i + 1))];
}

export function packGridView(view: GridView): PackedGridView {
  const marks = Object.entries(view.marks).map(([key, m]): PackedMark => {
    const [assignmentId, studentId] = splitKey(key);
    return [assignmentId, studentId, m.kind, m.value, m.isHospital ? 1 : 0, m.comment, m.version];
  });
  const attendance = Object.entries(view.attendance).map(([key, a]): PackedAttendance => {
    const [lessonId, studentId] = splitKey(key);
    return [lessonId, studentId, a.code, a.missedHours, a.version];
  });
  return { ...view, marks, attendance };
}

export function unpackGridView(packed: PackedGridView): GridView {
  const marks: Record<string, GridMark> = {};
  for (const [assignmentId, studentId, kind, value, isHospital, comment, version] of packed.marks) {
    marks[markKey(assignmentId, studentId)] = { kind, value, isHospital: isHospital === 1, comment, version };
  }
  const attendance: Record<string, GridAttendance> = {};
  for (const [lessonId, studentId, code, missedHours, version] of packed.attendance) {
    attendance[attendanceKey(lessonId, studentId)] = { code, missedHours, version };
  }
  return { ...packed, marks, attendance };
}
