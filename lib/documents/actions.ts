"use server";
// Server actions of the documents store (LRN-3), docs.edit only: a document with its file, its card
// (category, number, date, who reads it, the journal's regulation), a new version (the old kept).
import { firstIssue, idSchema } from "@/lib/schema";
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { discardUploads, formUploads, storeUploads } from "@/lib/storage/upload";
import { addVersion, createDocument, updateDocument, type DocumentCard } from "./mutations";
import { cardSchema, noteSchema, visibleToSchema } from "./schema";

type Result = ActionResult<{ message: string; documentId?: number }>;

function card(data: FormData): { ok: true; card: DocumentCard } | { ok: false; result: Result } {
  const fields = cardSchema.safeParse({
    title: data.get("title") ?? "",
    category: data.get("category") ?? "",
    number: data.get("number") ?? undefined,
    date: data.get("date") ?? undefined,
    journalRegulation: data.get("journalRegulation") ?? undefined,
  });
  if (!fields.success) return { ok: false, result: fail("INVALID_INPUT", firstIssue(fields.error)) };
  const roles = visibleToSchema.safeParse(data.getAll("visibleTo"));
  if (!roles.success) return { ok: false, result: fail("INVALID_INPUT", firstIssue(roles.error)) };
  return { ok: true, card: { ...fields.data, visibleTo: roles.data } };
}

async function oneFile(organisationId: number, data: FormData) {
  const uploads = formUploads(data, "file");
  if (uploads.length !== 1) return { ok: false as const, message: "Приложите файл документа" };
  return storeUploads(organisationId, "document", uploads, { max: 1 });
}

export async function createDocumentAction(_prev: Result | null, data: FormData): Promise<Result> {
  const gate = await requireAccessForAction("docs.edit");
  if (!gate.ok) return gate;
  if (!(data instanceof FormData)) return fail("INVALID_INPUT");
  const parsed = card(data);
  if (!parsed.ok) return parsed.result;
  const note = noteSchema.safeParse(data.get("note") ?? undefined);
  if (!note.success) return fail("INVALID_INPUT", firstIssue(note.error));
  const stored = await oneFile(gate.user.organisationId, data);
  if (!stored.ok) return fail("INVALID_INPUT", stored.message);
  try {
    const id = await createDocument(
      gate.user.organisationId,
      gate.user.id,
      parsed.card,
      stored.files[0],
      note.data,
      new Date(),
    );
    revalidatePath("/documents");
    return ok({ message: "Документ добавлен", documentId: id });
  } catch (e) {
    await discardUploads(stored.files);
    throw e;
  }
}

export async function updateDocumentAction(_prev: Result | null, data: FormData): Promise<Result> {
  const gate = await requireAccessForAction("docs.edit");
  if (!gate.ok) return gate;
  if (!(data instanceof FormData)) return fail("INVALID_INPUT");
  const id = idSchema.safeParse(data.get("documentId"));
  if (!id.success) return fail("INVALID_INPUT", firstIssue(id.error));
  const parsed = card(data);
  if (!parsed.ok) return parsed.result;
  if (!(await updateDocument(gate.user.organisationId, id.data, parsed.card, new Date())))
    return fail("NOT_FOUND", "Документ не найден");
  revalidatePath(`/documents/${id.data}`);
  return ok({ message: "Карточка документа сохранена", documentId: id.data });
}

export async function addVersionAction(_prev: Result | null, data: FormData): Promise<Result> {
  const gate = await requireAccessForAction("docs.edit");
  if (!gate.ok) return gate;
  if (!(data instanceof FormData)) return fail("INVALID_INPUT");
  const id = idSchema.safeParse(data.get("documentId"));
  if (!id.success) return fail("INVALID_INPUT", firstIssue(id.error));
  const note = noteSchema.safeParse(data.get("note") ?? undefined);
  if (!note.success) return fail("INVALID_INPUT", firstIssue(note.error));
  const stored = await oneFile(gate.user.organisationId, data);
  if (!stored.ok) return fail("INVALID_INPUT", stored.message);
  const version = await addVersion(
    gate.user.organisationId,
    id.data,
    gate.user.id,
    stored.files[0],
    note.data,
    new Date(),
  );
  if (version === null) {
    await discardUploads(stored.files);
    return fail("NOT_FOUND", "Документ не найден");
  }
  revalidatePath(`/documents/${id.data}`);
  return ok({ message: `Загружена редакция ${version}; прежние сохранены`, documentId: id.data });
}
