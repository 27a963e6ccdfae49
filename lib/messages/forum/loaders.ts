// Session-bound forum reads (MSG-4); pages have passed forum.use / forum.moderate.
import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import { moderatorCandidates, topicOf, topicsOf } from "./data";
import { canModerate } from "./moderation";

export const loadTopics = cache((user: CurrentUser) => topicsOf(user.organisationId));
export const loadTopic = cache((user: CurrentUser, topicId: number) => topicOf(user.organisationId, topicId));
export const loadCanModerate = cache((user: CurrentUser) => canModerate(user));
export const loadModeratorCandidates = cache((user: CurrentUser) => moderatorCandidates(user.organisationId));
