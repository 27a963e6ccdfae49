import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import { studyDaysOf, type StudyDays } from "@/lib/schedule/week";
import { orgSummary, studyDaysSetting, type OrgSummary } from "./data";
import { todayIn } from "./time";

export const loadOrgSummary = cache((user: CurrentUser): Promise<OrgSummary> =>
  orgSummary(user.organisationId, todayIn(user.timeZone)),
);

/** DAY-4: the one week definition of the organisation (the diary, the schedule). */
export const loadStudyDays = cache(async (user: CurrentUser): Promise<StudyDays> =>
  studyDaysOf(await studyDaysSetting(user.organisationId)),
);
