// A worker process for tests/integration/deadline.test.ts: runs one step of the daily duties
// (lib/control/deadline/commands.ts — the reminder an hour before the deadline, the day's absences) at
// the instant given, against DATABASE_URL, and prints the organisations whose reminder it sent.
import { runDutySteps } from "@/lib/control/deadline/commands";
import { disconnectDb } from "@/lib/db";

const at = new Date(process.argv[2]);
const { reminders } = await runDutySteps(at);
console.log(
  JSON.stringify(reminders.map((r) => ({ organisationId: r.organisationId, teachers: [...r.teachers.keys()] }))),
);
await disconnectDb();
