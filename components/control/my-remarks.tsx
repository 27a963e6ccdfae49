// The teacher's block on the home page (CTL-2): remarks on their journal keeping not yet closed;
// an open one can be marked done with a comment.
import type { RemarkRow } from "@/lib/control/remarks/data";
import { remarkStatusLabel } from "@/lib/control/rules";
import { formatDate } from "@/lib/org/time";
import { Panel } from "@/components/home/panel";
import { vocabulary, type OrgKindName } from "@/lib/org/vocabulary";
import { RemarkMove } from "./remark-move";

export function MyRemarks({ remarks, kind }: { remarks: RemarkRow[]; kind?: OrgKindName }) {
  if (remarks.length === 0) return null;
  const v = vocabulary(kind ?? "SCHOOL");
  return (
    <Panel title="Замечания по ведению журнала">
      <ul className="space-y-3 text-sm" aria-label="Замечания по ведению журнала">
        {remarks.map((r) => (
          <li key={r.id} data-remark={r.id} className="space-y-1">
            <p>
              <span className="text-slate-500">
                {formatDate(r.createdAt)} · {r.author}
              </span>
              {(r.className || r.subjectName) && (
                <span className="text-slate-500"> · {[r.className, r.subjectName].filter(Boolean).join(", ")}</span>
              )}
            </p>
            <p>{r.text}</p>
            {r.status === "OPEN" ? (
              <RemarkMove
                remarkId={r.id}
                move="done"
                label="Устранено"
                withNote
                noteLabel={`Комментарий ${v.teacher.gen}`}
              />
            ) : (
              <p className="text-xs text-emerald-700">
                {remarkStatusLabel(r.status, v.kind)}
                {r.teacherNote ? `: ${r.teacherNote}` : ""}
              </p>
            )}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
