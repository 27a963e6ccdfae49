import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import { setupView } from "./data";

/** Bell schedules, rooms and classes for «Звонки и кабинеты»; the page checks schedule.edit. */
export const loadSetup = cache((user: CurrentUser) => setupView(user.organisationId));
