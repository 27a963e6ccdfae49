import { cache } from "react";
import { auditUserNames, listAuditEvents, verifyAuditChain } from "./data";

/** The newest audit rows with user names and the state of the organisation's hash chain. */
export const loadAuditPage = cache(async (user: { organisationId: number }, action: string | undefined) => {
  const [events, brokenId] = await Promise.all([
    listAuditEvents(user.organisationId, { action, limit: 200 }),
    verifyAuditChain(user.organisationId),
  ]);
  const names = await auditUserNames(
    user.organisationId,
    events.flatMap((e) => (e.userId === null ? [] : [e.userId])),
  );
  return {
    events: events.map((e) => ({ ...e, userName: e.userId === null ? "—" : (names.get(e.userId) ?? `#${e.userId}`) })),
    brokenId,
  };
});
