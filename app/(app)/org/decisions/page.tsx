// «Решения педсовета» (REC-4): per class of a year the council's decisions — переведён, условно,
// оставлен на повторное обучение, выпущен, выбыл — each batch under a protocol № and date; printed
// on RPT-1 for the year and taken by the year transition. decisions.edit (ADMIN, DEPUTY, SECRETARY);
// a closed year shows its decisions read-only (REC-2).
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { requireAccess } from "@/lib/access/guard";
import { loadDecisionsPage } from "@/lib/org/decisions/loaders";
import { recordedText } from "@/lib/org/decisions/rules";
import { isoDate, todayIn } from "@/lib/org/time";
import { DecisionsForm } from "@/components/org/decisions-form";
import { ClosedYearNote, YearTabs } from "@/components/org/year-tabs";
import { idSchema } from "@/lib/schema";
import { PageHeader } from "@/components/ui/page-header";
import { cap, vocabulary } from "@/lib/org/vocabulary";

export const metadata: Metadata = { title: "Решения педсовета" };

const id = idSchema;

export default async function DecisionsPage({
  searchParams,
}: {
  searchParams: Promise<{ year?: string | string[]; classId?: string | string[] }>;
}) {
  const search = await searchParams;
  const classId = id.safeParse(search.classId);
  const yearId = id.safeParse(search.year);
  const { user } = await requireAccess(
    "decisions.edit",
    classId.success ? { kind: "class", classId: classId.data } : undefined,
  );
  const page = await loadDecisionsPage(user, {
    yearId: yearId.success ? yearId.data : undefined,
    classId: classId.success ? classId.data : undefined,
  });
  const college = user.orgKind === "COLLEGE";
  const v = vocabulary(user.orgKind);
  const closed = page.year?.status === "CLOSED";
  return (
    <div className="space-y-3">
      <PageHeader title={`Решения педсовета${page.sheet ? `: ${page.sheet.cls.name}, ${page.sheet.year.name}` : ""}`} />
      <p className="max-w-3xl text-sm text-slate-600">
        Решения о переводе, условном переводе, повторном обучении, выпуске и выбытии вносятся по протоколу педсовета до
        перехода на новый учебный год: переход берёт их вместо решений по умолчанию, сводная ведомость за год печатает
        их с номером и датой протокола.
      </p>
      <YearTabs
        years={page.years.map((y) => ({ ...y, href: `/org/decisions?year=${y.id}` }))}
        selectedId={page.year?.id ?? null}
      />
      {closed && <ClosedYearNote what="решения педсовета" />}
      {page.year && (
        <nav aria-label={cap(v.class.nomPl)} className="flex flex-wrap gap-1 text-sm">
          {page.classes.map((c) => (
            <Link
              key={c.id}
              href={`/org/decisions?year=${page.year!.id}&classId=${c.id}`}
              aria-current={c.id === page.sheet?.cls.id ? "page" : undefined}
              className={`rounded px-2 py-0.5 ${c.id === page.sheet?.cls.id ? "bg-blue-700 text-white" : "bg-slate-100 hover:bg-slate-200"}`}
            >
              {c.name}
            </Link>
          ))}
        </nav>
      )}
      {!page.sheet ? (
        <p className="text-sm text-slate-600">
          {classId.success ? `${cap(v.classNotFound)} в этом учебном году.` : `Выберите ${v.class.acc}.`}
        </p>
      ) : page.sheet.students.length === 0 ? (
        <p className="text-sm text-slate-600">В списке {v.class.gen} на конец года никого нет.</p>
      ) : (
        <DecisionsForm
          key={`${page.sheet.year.id}:${page.sheet.cls.id}`}
          yearId={page.sheet.year.id}
          classId={page.sheet.cls.id}
          readOnly={closed}
          today={isoDate(todayIn(user.timeZone))}
          rows={page.sheet.students.map((s) => ({
            studentId: s.studentId,
            name: s.name,
            failing: s.failing,
            recorded: s.recorded
              ? { decision: s.recorded.decision, date: s.recorded.date, text: recordedText(s.recorded, college) }
              : null,
            expulsion: s.expulsion ?? null,
            starting: s.starting,
          }))}
        />
      )}
    </div>
  );
}
