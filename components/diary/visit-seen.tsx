"use client";
// DRY-7: records this view of the diary once it is shown (POST /diary/<id>/seen), so the next
// visit highlights what came after it. The page's server part only reads (issue 19 item 6).
import { useEffect } from "react";

export function VisitSeen({ studentId }: { studentId: number }) {
  useEffect(() => {
    // keepalive: the record is sent even when the user leaves the page at once.
    void fetch(`/diary/${studentId}/seen`, { method: "POST", keepalive: true }).catch(() => undefined);
  }, [studentId]);
  return null;
}
