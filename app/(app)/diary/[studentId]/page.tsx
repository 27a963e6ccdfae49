// The diary of one student (DRY-5): reachable only by the student, their parents and staff
// with the matrix's scope; any other id answers «Нет доступа» (403) without data.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireAccess } from "@/lib/access/guard";
import { loadStudentHeader } from "@/lib/people/loaders";
import { loadClassLessonsToday } from "@/lib/schedule/loaders";
import { LessonsTable } from "@/components/home/lessons-table";
import { Panel } from "@/components/home/panel";

export const metadata: Metadata = { title: "Дневник" };

const params = z.object({ studentId: z.coerce.number().int().positive().max(2_147_483_647) });

export default async function DiaryPage({ params: raw }: { params: Promise<{ studentId: string }> }) {
  const parsed = params.safeParse(await raw);
  if (!parsed.success) notFound();
  const { user } = await requireAccess("diary.view", { kind: "student", studentId: parsed.data.studentId });
  const student = await loadStudentHeader(user, parsed.data.studentId);
  if (!student) notFound();
  const lessons = student.classId ? await loadClassLessonsToday(user, student.classId, student.subgroupIds) : [];
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Дневник</h1>
        <p className="text-sm text-slate-600">
          {student.fullName} · {student.className ?? "не зачислен в класс"}
        </p>
      </div>
      <Panel title="Уроки сегодня">
        <LessonsTable lessons={lessons} showClass={false} />
      </Panel>
    </div>
  );
}
