// «Дневник» in the menu: a student goes to their own diary, a parent to their first child's.
import { redirect } from "next/navigation";
import { requireAccess } from "@/lib/access/guard";
import { loadDiaryStudents } from "@/lib/diary/loaders";

export default async function DiaryIndexPage() {
  const { user } = await requireAccess("diary.view");
  const students = await loadDiaryStudents(user);
  if (students.length === 0) {
    return <p className="text-slate-600">К вашей учётной записи не привязан ни один обучающийся.</p>;
  }
  redirect(`/diary/${students[0].studentId}`);
}
