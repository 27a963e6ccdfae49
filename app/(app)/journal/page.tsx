// «Классный журнал» (JRN-1…JRN-10): pick a class × subject (× subgroup) and period, then the grid.
// Access: any journal permission to open the page; the grid itself is authorised on its class ×
// subject (× subgroup), or on one lesson for a substitute teacher (SCH-3).
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { cookies } from "next/headers";
import { getCurrentUser, requireUser } from "@/lib/auth/session";
import { heldPermissions } from "@/lib/access/loaders";
import { headWithPicker, loadGridPage, loadJournalChoices, type GridRequest } from "@/lib/journal/loaders";
import { gridQuerySchema } from "@/lib/journal/schema";
import { formatDate } from "@/lib/org/time";
import { gridPayload } from "@/lib/journal/grid-pack";
import { gridFrame } from "@/lib/journal/grid-frame";
import { JournalGrid } from "@/components/journal/journal-grid";
import { JournalPicker, choiceValue } from "@/components/journal/journal-picker";
import { SoftNav } from "@/components/ui/soft-nav";
import { ClosedYearNote, YearTabs } from "@/components/org/year-tabs";
import { cap, choosePickerHint, vocabulary } from "@/lib/org/vocabulary";
import { pickYear } from "@/lib/org/year/rules";
import { PageHeader } from "@/components/ui/page-header";
import { listClubs } from "@/lib/clubs/data";

/** The tab's title in the organisation's words (DAY-6, issue 22 round 24): «Журнал учебных занятий» at a college.
 *  getCurrentUser is memoised per request (React cache), so the page's own requireUser reads nothing twice. */
export async function generateMetadata(): Promise<Metadata> {
  const user = await getCurrentUser();
  return { title: cap(vocabulary(user?.orgKind ?? "SCHOOL").journal.nom) };
}

type Search = Record<string, string | string[] | undefined>;

function request(search: Search): GridRequest & { yearId?: number } {
  const one = (k: string) => (typeof search[k] === "string" ? (search[k] as string) : undefined);
  const [c, s, g] = (one("j") ?? "").split(":");
  const parsed = gridQuerySchema.safeParse({
    class: one("class") ?? (c || undefined),
    subject: one("subject") ?? (s || undefined),
    subgroup: one("subgroup") ?? (g || undefined),
    period: one("period") || undefined,
    lesson: one("lesson") || undefined,
    year: one("year") || undefined,
  });
  if (!parsed.success) return {};
  const q = parsed.data;
  return {
    classId: q.class,
    subjectId: q.subject,
    subgroupId: q.subgroup,
    periodId: q.period,
    lessonId: q.lesson,
    yearId: q.year,
  };
}

/** DAY-3: the journal last opened by this user (a cookie the grid writes), when the URL names none. */
const LAST_JOURNAL_COOKIE = "ej_last_journal";

function remembered(value: string | undefined, userId: number): GridRequest | null {
  const m = /^(\d+):(\d+):(\d+):(\d*)$/.exec(value ?? "");
  if (!m || Number(m[1]) !== userId) return null;
  return { classId: Number(m[2]), subjectId: Number(m[3]), subgroupId: m[4] ? Number(m[4]) : undefined };
}

export default async function JournalPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const held = await heldPermissions(user.organisationId, user.id);
  if (!["journal.viewAll", "journal.viewOwn", "journal.editAll", "journal.editOwn"].some((p) => held.has(p)))
    forbidden();
  const asked = request(await searchParams);
  // DAY-3 reopens the last journal only at a plain /journal: a URL that names a journal, a lesson or a year
  // (the year tabs, REC-3) opens what it names — before, a closed year's tab reopened the remembered journal.
  const last =
    asked.classId === undefined && asked.lessonId === undefined && asked.yearId === undefined
      ? remembered((await cookies()).get(LAST_JOURNAL_COOKIE)?.value, user.id)
      : null;
  // The current year's journal list is read with the grid's head (the usual case: no second round);
  // a journal of a closed year (REC-3) reads that year's list after the grid has named its year.
  // Issue 22 item 4: the grid reads the lessons around the one in focus; the rest come on scroll.
  // The picker (the current year's journals, substitutions, led clubs), the year tabs' years and the
  // grid's rows are read in the grid head's statement (issue 22 items 2 and 4: GRID_PAGE), the picker
  // on its own only when no journal is asked or found.
  const beside = headWithPicker(user, asked.lessonId);
  const tried = await loadGridPage(
    user,
    last ? { ...last, periodId: asked.periodId } : asked,
    undefined,
    beside.read,
    beside.head,
  );
  // A remembered journal no longer open to the user (load moved) is simply not opened; nor is one whose year
  // has been closed since (REC-3: in September, last year's read-only journal is not «the last journal»).
  const stale = tried.kind === "forbidden" || (tried.kind === "grid" && tried.head.yearClosed);
  const page = last && stale ? await loadGridPage(user, asked, undefined, beside.read, beside.head) : tried;
  if (page.kind === "forbidden") forbidden();
  const { substitutions, clubs: currentClubs, choices: currentChoices, years } = await beside.picker();
  // The year of the open journal, else the one asked for, else the current one (REC-3).
  const year = pickYear(years, page.kind === "grid" ? page.head.cls.yearId : asked.yearId);
  // A past year's picker is that year's, clubs included (REC-3, PRG-2: a club belongs to one year —
  // Club.yearId): the clubs the user led that year, whose journals open read-only once the year is
  // closed. Before, a closed year's picker listed the current year's clubs.
  const pastYear = year && !year.isCurrent ? year : null;
  const [choices, clubs] = pastYear
    ? await Promise.all([loadJournalChoices(user, pastYear.id), listClubs(user.organisationId, pastYear.id, user.id)])
    : ([currentChoices, currentClubs] as const);
  const college = user.orgKind === "COLLEGE";
  // DAY-6 (round 23): the title, the substitute's note and the lone lesson's label in the organisation's
  // words — a college's journal is its «журнал учебных занятий».
  const v = vocabulary(user.orgKind);
  const selected =
    page.kind === "grid" && page.lessonOnly === null
      ? choiceValue({ classId: page.view.classId, subjectId: page.view.subjectId, subgroupId: page.view.subgroupId })
      : null;
  return (
    <div className="space-y-3">
      <PageHeader
        title={page.kind === "grid" ? `Журнал: ${page.view.className} · ${page.view.subjectName}` : cap(v.journal.nom)}
        actions={
          page.kind === "grid" &&
          !page.canEdit && (
            <span className="rounded bg-slate-100 px-2 py-1 text-xs text-slate-600">только просмотр</span>
          )
        }
      />
      <YearTabs
        years={years.map((y) => ({ ...y, href: y.isCurrent ? "/journal" : `/journal?year=${y.id}` }))}
        selectedId={year?.id ?? null}
      />
      {page.kind === "grid" && page.head.yearClosed && <ClosedYearNote what="журнал открыт" />}
      <JournalPicker
        yearId={pastYear?.id ?? null}
        choices={choices}
        selected={selected}
        periods={page.kind === "grid" && page.lessonOnly === null ? page.head.periods : []}
        periodId={page.kind === "grid" ? (page.period?.id ?? null) : null}
        // SCH-3's substitutions are the days around today: a closed year's picker (REC-3) has none — before,
        // it listed this year's substituted lessons.
        substitutions={pastYear ? [] : substitutions}
        college={college}
        userId={user.id}
      />
      {clubs.length > 0 && (
        <SoftNav aria-label="Журналы объединений" className="flex flex-wrap items-baseline gap-3 text-sm">
          <span className="text-slate-600">Объединения (внеурочная деятельность):</span>
          {clubs.map((c) => (
            <a key={c.id} className="text-blue-700 hover:underline" href={`/clubs/${c.id}/journal`}>
              {c.name}
            </a>
          ))}
        </SoftNav>
      )}
      {page.kind === "grid" && page.view.closed && (
        <p
          role="status"
          data-testid="journal-closed"
          className="rounded border border-slate-300 bg-slate-50 px-3 py-1 text-sm text-slate-800"
        >
          {page.view.closed.reason}.{" "}
          {page.view.closed.code === "period"
            ? "Журнал за этот период открыт только для просмотра; исправление — через открытие дат администратором."
            : "Исправления возможны, только если администратор откроет год для исправлений."}
        </p>
      )}
      {page.kind === "none" && (
        <p className="text-sm text-slate-600">
          {choices.length === 0
            ? pastYear
              ? `В ${pastYear.name} учебном году нет доступных вам журналов.`
              : "Нет доступных журналов: нагрузка (тарификация) не назначена."
            : choosePickerHint(v)}
        </p>
      )}
      {page.kind === "grid" && (
        <div className="relative left-1/2 w-[calc(100vw-3rem)] -translate-x-1/2">
          {page.lessonOnly !== null && (
            <p className="mb-2 text-sm text-amber-700">
              Замена: {v.onlyLessonOpen} {page.view.lessons[0] ? formatDate(new Date(page.view.lessons[0].date)) : ""}.
            </p>
          )}
          <JournalGrid
            // DAY-3 remembers a journal of an open year only («the last journal, scrolled to today»): a closed
            // year's journal (REC-3, read-only) must not come back at the current year's plain /journal.
            remember={
              page.lessonOnly === null && !page.head.yearClosed
                ? {
                    cookie: LAST_JOURNAL_COOKIE,
                    value: `${user.id}:${page.view.classId}:${page.view.subjectId}:${page.view.subgroupId ?? ""}`,
                  }
                : null
            }
            // Issue 22 item 4: the lessons around the one in focus; the rest on scroll (windowQuery) —
            // packed, as one JSON string; the frame (names, averages) is what the HTML shows.
            view={gridPayload(page.view)}
            frame={gridFrame(page.view)}
            windowQuery={
              page.lessonOnly === null
                ? new URLSearchParams({
                    class: String(page.view.classId),
                    subject: String(page.view.subjectId),
                    ...(page.view.subgroupId !== null ? { subgroup: String(page.view.subgroupId) } : {}),
                    // The period the page read: a default one runs on to today between periods (loadGridPage).
                    ...(page.period && (asked.periodId !== undefined || asked.lessonId !== undefined)
                      ? { period: String(page.period.id) }
                      : {}),
                  }).toString()
                : null
            }
            canEdit={page.canEdit}
            lessonOnly={page.lessonOnly}
            periodLabel={page.period ? page.period.name : v.lesson.nom}
          />
        </div>
      )}
    </div>
  );
}
