// «Подгруппы класса» (ORG-4): who is in each subgroup; editable with subgroups.all or subgroups.own.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { authorize } from "@/lib/access/authorize";
import { requireAccess } from "@/lib/access/guard";
import { cap, vocabulary } from "@/lib/org/vocabulary";
import { todayIn } from "@/lib/org/time";
import { saveSubgroupMembersAction } from "@/lib/org/subgroups/actions";
import { loadSubgroupsOfClass } from "@/lib/org/subgroups/loaders";
import { fullName } from "@/lib/people/names";
import { loadClass, loadClassList } from "@/lib/people/lists/loaders";
import { idSchema } from "@/lib/people/schema";
import { SubgroupMembers } from "@/components/org/subgroup-members";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Подгруппы" };

export default async function SubgroupMembersPage({ params }: { params: Promise<{ classId: string }> }) {
  const id = idSchema.safeParse((await params).classId);
  if (!id.success) notFound();
  const { user } = await requireAccess("classes.view");
  const cls = await loadClass(user, id.data);
  if (!cls) notFound();
  const [subgroups, students] = await Promise.all([
    loadSubgroupsOfClass(user, cls.id),
    loadClassList(user, cls.id, todayIn(user.timeZone)),
  ]);
  // DAY-6 (issue 22 round 24): the organisation's words — «Подгруппы группы ИС-21», «преподаватель этой дисциплины».
  const v = vocabulary(user.orgKind);
  const list = students.map((s) => ({ id: s.studentId, name: fullName(s) }));
  const editable = await Promise.all(
    subgroups.map(async (g) => {
      const target = { kind: "class", classId: cls.id, subjectId: g.subjectId ?? undefined } as const;
      const [all, own] = await Promise.all([
        authorize(user, "subgroups.all", target),
        authorize(user, "subgroups.own", target),
      ]);
      return (all.allowed || own.allowed) && cls.yearStatus !== "CLOSED";
    }),
  );
  return (
    <div className="space-y-3">
      <PageHeader
        title={
          <>
            Подгруппы {v.class.gen} {cls.name}
          </>
        }
      />
      {subgroups.length === 0 && (
        <p className="text-sm text-slate-500">Подгрупп нет. Их создают на странице «{cap(v.class.nomPl)}».</p>
      )}
      {subgroups.map((g, i) => (
        <SubgroupMembers
          key={g.id}
          title={`${g.subject?.name ?? `Без ${v.subject.gen}`}: ${g.name}`}
          students={list}
          members={g.members.map((m) => m.studentId)}
          save={editable[i] ? saveSubgroupMembersAction.bind(null, g.id) : null}
          reason={
            cls.yearStatus === "CLOSED"
              ? "Учебный год закрыт — состав подгрупп не меняется"
              : `Состав меняет ${v.teacher.nom} ${v.ofThisSubject} или администратор`
          }
        />
      ))}
    </div>
  );
}
