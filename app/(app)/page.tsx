// Every role lands here on its own home page (the first of its roles decides the layout).
import { cap, vocabulary } from "@/lib/org/vocabulary";
import { requireAccess } from "@/lib/access/guard";
import { loadOrgSummary } from "@/lib/org/loaders";
import { loadMyLessonsToday, loadMyNextLessons } from "@/lib/schedule/loaders";
import { loadMyChildren, loadMyClasses, loadMyPlace } from "@/lib/people/loaders";
import { loadBoard } from "@/lib/messages/loaders";
import { formatDate, todayIn, weekdayName } from "@/lib/org/time";
import { homeTitle, primaryRole } from "@/components/home/home-title";
import { LessonsTable } from "@/components/home/lessons-table";
import { Board } from "@/components/home/board";
import { Panel } from "@/components/home/panel";
import { loadMyRemarks } from "@/lib/control/loaders";
import { MyRemarks } from "@/components/control/my-remarks";
import { loadMyDeadline } from "@/lib/control/deadline/loaders";
import { loadPendingNotices } from "@/lib/absences/loaders";
import { MyDeadline, PendingNotices } from "@/components/home/duties";
import { loadFamilyHome, loadHomeWidgets } from "@/lib/home/loaders";
import { FamilyDayCard } from "@/components/home/family-day";
import { TaskWidget } from "@/components/home/task-widget";
import { serverNow } from "@/lib/org/clock";
import { PageHeader } from "@/components/ui/page-header";

const STAFF_ROLES = ["ADMIN", "DIRECTOR", "DEPUTY", "HEAD_OF_DEPT", "SCHEDULER", "SECRETARY"] as const;

export default async function HomePage({ searchParams }: { searchParams: Promise<{ child?: string }> }) {
  const { user } = await requireAccess("board.view");
  const v = vocabulary(user.orgKind);
  const role = primaryRole(user.roles);
  const today = todayIn(user.timeZone, serverNow());
  const isTeacher = user.roles.includes("TEACHER");
  const isParent = user.roles.includes("PARENT");
  const isStudent = user.roles.includes("STUDENT");
  const isAdministration = STAFF_ROLES.some((r) => user.roles.includes(r));

  // DAY-2: a parent's child chosen with the switcher (`?child=`); the loader admits the user's own only.
  const wanted = Number((await searchParams).child) || null;
  const [summary, myLessons, myClasses, children, place, myRemarks, myDeadline, widgets, family] = await Promise.all([
    isAdministration ? loadOrgSummary(user) : null,
    isTeacher ? loadMyLessonsToday(user) : null,
    isTeacher ? loadMyClasses(user) : null,
    isParent ? loadMyChildren(user) : null,
    isStudent ? loadMyPlace(user) : null,
    isTeacher ? loadMyRemarks(user) : null,
    isTeacher ? loadMyDeadline(user) : null,
    loadHomeWidgets(user, today),
    isParent || isStudent ? loadFamilyHome(user, wanted) : null,
  ]);
  // DUT-4: the parents' notices waiting for the user as class teacher.
  const pendingNotices = myClasses?.length
    ? await loadPendingNotices(
        user,
        myClasses.map((c) => c.id),
      )
    : [];
  // DAY-2: on a day without lessons (a Saturday, a holiday) the teacher sees the next teaching day's.
  const myNext = myLessons && myLessons.length === 0 ? await loadMyNextLessons(user) : null;
  const classIds = [
    ...(myClasses?.map((c) => c.id) ?? []),
    ...(children?.flatMap((c) => (c.classId ? [c.classId] : [])) ?? []),
    ...(place ? [place.classId] : []),
  ];
  const board = await loadBoard(user, classIds);

  return (
    <div className="space-y-4">
      <PageHeader
        title={role ? homeTitle(role, user.orgKind === "COLLEGE") : "Главная"}
        subtitle={
          <>
            {user.fullName} · {formatDate(today)}, {weekdayName(today)}
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        {/* DAY-2, DAY-4: the family's day comes first — on a phone today's first lesson is on the first screen. */}
        {family && <FamilyDayCard home={family} kind={user.orgKind} self={!isParent} />}
        {summary && (
          <Panel title={`Организация${summary.yearName ? ` · ${summary.yearName} учебный год` : ""}`}>
            <dl className="grid grid-cols-2 gap-2 text-sm">
              <dt className="text-slate-500">Обучающихся</dt>
              <dd className="tabular-nums">{summary.students}</dd>
              <dt className="text-slate-500">{cap(v.class.genPl)}</dt>
              <dd className="tabular-nums">{summary.classes}</dd>
              <dt className="text-slate-500">Педагогов</dt>
              <dd className="tabular-nums">{summary.teachers}</dd>
              <dt className="text-slate-500">{cap(v.lesson.genPl)} сегодня</dt>
              <dd className="tabular-nums">{summary.lessonsToday}</dd>
            </dl>
          </Panel>
        )}
        {myLessons && (
          <Panel title={`Мои ${v.lesson.nomPl} сегодня`}>
            <LessonsTable lessons={myLessons} showClass linkJournal kind={user.orgKind} />
            {myNext && (
              <div className="mt-3">
                <h3 className="text-sm font-medium">
                  Ближайшие {v.lesson.nomPl}: {weekdayName(myNext.date)}, {formatDate(myNext.date)}
                </h3>
                <LessonsTable lessons={myNext.lessons} showClass linkJournal kind={user.orgKind} />
              </div>
            )}
            {myClasses && myClasses.length > 0 && (
              <p className="mt-3 text-sm text-slate-600">
                {cap(v.classTeacher.nom)}: {myClasses.map((c) => c.name).join(", ")}
              </p>
            )}
          </Panel>
        )}
        {myDeadline && <MyDeadline state={myDeadline} timeZone={user.timeZone} kind={user.orgKind} />}
        <PendingNotices notices={pendingNotices} />
        {widgets.map((w) => (
          <TaskWidget key={w.key} widget={w} />
        ))}
        {myRemarks && <MyRemarks remarks={myRemarks} kind={user.orgKind} />}
        {children && children.length === 0 && (
          <Panel title="Дети">
            <p className="text-sm text-slate-500">Нет привязанных детей.</p>
          </Panel>
        )}
        <Board items={board} />
      </div>
    </div>
  );
}
