// Destruction of archived documents past their retention (REC-5, seed 003 §9.2 «уничтожаются по
// акту»): the act is drawn as a PDF with its number, the documents and their digests, stored, then
// recorded with the documents marked destroyed in one transaction (lib/archive/mutations.ts); the
// documents' files are removed after the commit. The register keeps every row and digest, and
// `npm run archive:verify` knows the removed files are gone on purpose.
import { renderPdf } from "@/lib/reports/render-pdf";
import { deleteFile, putFile } from "@/lib/storage/files";
import { formatDate } from "@/lib/org/time";
import { lastActNumber, registerRows } from "./data";
import { recordDisposal } from "./mutations";
import { actModel } from "./register";

export type Disposer = { id: number; organisationId: number; fullName: string; orgName: string; timeZone: string };

export type DisposalResult =
  { ok: true; actId: number; number: number; removed: number } | { ok: false; message: string };

export async function disposeDocuments(
  user: Disposer,
  input: { documentIds: number[]; basis: string | null },
  today: Date,
  now: Date,
): Promise<DisposalResult> {
  const organisationId = user.organisationId;
  const ids = [...new Set(input.documentIds)];
  const rows = await registerRows(organisationId, { ids, expiredBy: today });
  if (rows.length === 0 || rows.length !== ids.length)
    return { ok: false, message: "Выбранные документы не найдены, уже уничтожены или срок их хранения не истёк" };
  const number = (await lastActNumber(organisationId)) + 1;
  const bytes = await renderPdf(
    actModel({
      orgName: user.orgName,
      number,
      actDate: today,
      basis: input.basis,
      confirmedBy: user.fullName,
      rows,
      now,
    }),
    user.timeZone,
  );
  const file = await putFile(organisationId, "archive", bytes);
  const out = await recordDisposal(
    organisationId,
    user.id,
    { number, actDate: today, basis: input.basis, file, documentIds: ids },
    today,
    now,
  );
  if (!out.ok) {
    await deleteFile(file.storageKey);
    return out;
  }
  let removed = 0;
  for (const key of out.storageKeys) {
    try {
      await deleteFile(key);
      removed++;
    } catch (error) {
      // The act stands and the register says destroyed; a file left behind is named in the log.
      console.error(`archive: file of act ${number} not removed`, error);
    }
  }
  return { ok: true, actId: out.actId, number, removed };
}

/** «Акт № 1 от 10.01.2032: уничтожено документов 3». */
export function disposalMessage(r: { number: number; removed: number }, today: Date): string {
  return `Акт № ${r.number} от ${formatDate(today)} утверждён: уничтожено документов ${r.removed}`;
}
