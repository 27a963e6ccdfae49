// A child process for tests/integration/crash-recovery.test.ts: runs one bulk save of a lesson's
// control-work protocol (every student's points in one transaction, lib/journal/lesson/mutations.ts
// writeProtocol) against DATABASE_URL and prints "saved". The test SIGKILLs it mid-transaction.
import { writeProtocol } from "@/lib/journal/lesson/mutations";
import { disconnectDb } from "@/lib/db";

const args = JSON.parse(process.argv[2]) as {
  organisationId: number;
  userId: number;
  lessonId: number;
  assignmentId: number;
  students: number[];
};
const tasks = [5, 5, 10];
await writeProtocol({
  organisationId: args.organisationId,
  userId: args.userId,
  now: new Date(),
  lessonId: args.lessonId,
  assignmentId: args.assignmentId,
  tasks,
  results: args.students.map((studentId, i) => ({ studentId, points: [i % 6, 5, 10 - (i % 10)] })),
});
console.log("saved");
await disconnectDb();
