// The session user (CurrentUser) that loaders and commands take, for integration tests that call
// them without a signed-in session: a Samara school's user, no login roles unless given.
import type { CurrentUser } from "@/lib/auth/session";

type Fields = Partial<Omit<CurrentUser, "id" | "organisationId" | "roles">> & { roles?: readonly string[] };

export function sessionUser(id: number, organisationId: number, fields: Fields = {}): CurrentUser {
  return {
    id,
    organisationId,
    login: "u",
    fullName: "Тест",
    shortName: "Тест",
    mustChangePassword: false,
    sessionId: "test",
    orgKind: "SCHOOL",
    orgName: "Школа",
    timeZone: "Europe/Samara",
    ...fields,
    roles: [...(fields.roles ?? [])] as CurrentUser["roles"],
  };
}
