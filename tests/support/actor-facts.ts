// An actor's facts for the pure access rules' unit tests: nobody, with no roles or relations,
// unless the test says otherwise.
import type { ActorFacts } from "@/lib/access/rules";

export function actor(partial: Partial<ActorFacts> = {}): ActorFacts {
  return {
    userId: 1,
    organisationId: 1,
    roles: [],
    classTeacherOf: [],
    departmentClassIds: [],
    loads: [],
    studentId: null,
    childIds: [],
    overrides: new Map(),
    ...partial,
  };
}
