// The login roles as a select's options («Администратор», «Завуч» …), in the matrix's order. Server-safe.
import { ROLE_LABELS, ROLES } from "@/lib/access/roles";

export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
