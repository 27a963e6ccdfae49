// «Отметки из больничной школы» (REC-6, seed 001 §5.6): the class teacher (journal.hospital, own
// class; DEPUTY and ADMIN for all classes) records a certificate of a hospital / sanatorium school
// and transfers its marks onto the subjects' lessons of the stay, per the timetable. The subject
// teacher then sees them in the grid as «оценка, полученная в больнице» with the certificate.
import { type MarkKindName } from "@/lib/journal/marks";
import { cap, vocabulary } from "@/lib/org/vocabulary";
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { forbidden } from "next/navigation";
import { authorize } from "@/lib/access/authorize";
import { requireAccess } from "@/lib/access/guard";
import { classesToList, listScope } from "@/lib/access/scope";
import { certificate, certificates, stayLessons, studentsOfClasses } from "@/lib/journal/hospital/data";
import { markInputText } from "@/lib/journal/rules";
import { fullName } from "@/lib/people/names";
import { formatDate, isoDate, todayIn } from "@/lib/org/time";
import { serverNow } from "@/lib/org/clock";
import { CertificateForm, HospitalMarksForm } from "@/components/journal/hospital-forms";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Отметки из больничной школы" };

type Search = Record<string, string | string[] | undefined>;

export default async function HospitalPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { user, scopes } = await requireAccess("journal.hospital");
  const v = vocabulary(user.orgKind);
  const classIds = classesToList(await listScope(user, { scopes }));
  const raw = (await searchParams).certificateId;
  const certificateId = typeof raw === "string" && /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  if (certificateId !== null) {
    const cert = await certificate(user.organisationId, certificateId);
    if (!cert || !(await authorize(user, "journal.hospital", { kind: "student", studentId: cert.studentId })).allowed)
      forbidden();
    const lessons = await stayLessons(user.organisationId, cert.studentId, cert.id, {
      from: cert.stayFrom,
      to: cert.stayTo,
    });
    return (
      <div className="space-y-3">
        <PageHeader back={{ href: "/journal/hospital", label: "Все справки" }} title="Отметки из справки" />
        <p className="text-sm" data-testid="certificate">
          {fullName(cert.student)}: справка № {cert.number} от {formatDate(cert.issuedOn)}
          {cert.institution ? `, ${cert.institution}` : ""}; пребывание {formatDate(cert.stayFrom)}–
          {formatDate(cert.stayTo)}.
        </p>
        <p className="max-w-3xl text-sm text-slate-600">
          Перенесите отметки из справки на {v.lesson.nomPl} {v.subject.genPl} по расписанию: «5», «4» (или «з» / «нз»
          для зачётных {v.subject.genPl}). Они сохраняются как «оценка, полученная в больнице» и видны {v.teacher.dat}{" "}
          {v.subject.gen}; срок редактирования на них не распространяется, но закрытый период или учебный год их не
          принимает.
        </p>
        {lessons.length === 0 ? (
          <p className="text-sm text-slate-600">
            В период пребывания у {v.student.gen} нет {v.lesson.genPl}.
          </p>
        ) : (
          <HospitalMarksForm
            certificateId={cert.id}
            rows={lessons.map((l) => ({
              lessonId: l.id,
              date: formatDate(l.date),
              subject: l.subjectName,
              topic: l.topic,
              value: l.mark
                ? markInputText({ kind: l.mark.kind as MarkKindName, value: l.mark.value, isHospital: false })
                : "",
            }))}
          />
        )}
      </div>
    );
  }
  const [students, list] = await Promise.all([
    studentsOfClasses(user.organisationId, classIds, todayIn(user.timeZone, serverNow())),
    certificates(user.organisationId, classIds),
  ]);
  return (
    <div className="space-y-4">
      <PageHeader title="Отметки из больничной школы" />
      <p className="max-w-3xl text-sm text-slate-600">
        {cap(v.classTeacher.nom)} переносит отметки обучающихся, находившихся в лечебных и санаторных учреждениях, из
        справки на страницы {v.subject.genPl} по расписанию (тип отметки — «оценка, полученная в больнице»).
      </p>
      <CertificateForm students={students} kind={user.orgKind} />
      <DataTable
        label="Справки"
        empty="Справок пока нет."
        columns={[
          { key: "student", header: cap(v.student.nom), rowHeader: true, sortable: true },
          { key: "certificate", header: "Справка" },
          { key: "stay", header: "Пребывание", sortable: true, descFirst: true, className: "tabular-nums" },
          { key: "marks", header: "Отметок", align: "right" },
        ]}
        rows={list.map((c) => ({
          key: c.id,
          cells: {
            student: {
              value: (
                <Link href={`/journal/hospital?certificateId=${c.id}`} className="text-blue-700 underline">
                  {c.studentName}
                </Link>
              ),
              sort: c.studentName,
            },
            certificate: `№ ${c.number} от ${formatDate(c.issuedOn)}`,
            stay: { value: `${formatDate(c.stayFrom)}–${formatDate(c.stayTo)}`, sort: isoDate(c.stayFrom) },
            marks: c.marks,
          },
        }))}
      />
    </div>
  );
}
