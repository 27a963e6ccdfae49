// The footer's «Положение об электронном журнале» (LRN-3, seed 000 §4.2): the document the
// administrator marked as the journal's regulation, for every signed-in user it is visible to.
import type { Metadata } from "next";
import { forbidden, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { loadRegulationId } from "@/lib/documents/loaders";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Положение об электронном журнале" };

export default async function RegulationPage() {
  const user = await requireUser();
  const id = await loadRegulationId(user);
  if (id === "forbidden") forbidden();
  if (id !== null) redirect(`/documents/${id}`);
  return (
    <div className="space-y-2">
      <PageHeader title="Положение об электронном журнале" />
      <p className="text-sm text-slate-600">
        Положение ещё не размещено. Администратор размещает его в разделе «Документы» с отметкой «Положение об
        электронном журнале».
      </p>
    </div>
  );
}
