// Upload sizes (homework files JRN-2, message attachments MSG-1) and the server-action body they
// make (SEC-6). A leaf that imports nothing: next.config.ts reads ACTION_BODY_BYTES from here, and
// Next.js loads next.config.ts without the "@/" alias, so everything it imports must import nothing
// (tests/unit/next-config.test.ts). lib/storage/rules.ts checks files against these.

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES_PER_ITEM = 5;

/**
 * A server action's body: the files of one item plus 2 MB of the form's text (52 MB). The app server
 * refuses a larger one with 413 before Next.js reads it (lib/ops/body-limit.ts, whose
 * DEFAULT_ACTION_BODY_BYTES is this sum — a perf helper's file in round 10: it may import it from here).
 */
export const ACTION_BODY_BYTES = MAX_FILES_PER_ITEM * MAX_FILE_BYTES + 2 * 1024 * 1024;
