// Reading the audit rows (AUTH-5, NFR-5) an action wrote: every audited change writes one
// AuditEvent through `auditChange`, and the test that drives the action reads it back here.
import { db } from "@/lib/db";

/** The newest audit row of `action` in the organisation; throws when the action wrote none. */
export function lastAudit(organisationId: number, action: string) {
  return db.auditEvent.findFirstOrThrow({ where: { organisationId, action }, orderBy: { id: "desc" } });
}

/** How many audit rows of `action` the organisation has. */
export function auditCount(organisationId: number, action: string): Promise<number> {
  return db.auditEvent.count({ where: { organisationId, action } });
}
