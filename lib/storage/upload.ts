// Uploaded files of a form or an API body, checked against the limits of rules.ts (type, size,
// count) before anything is stored, then stored through files.ts. One place for «check every
// file, then store them all», so a refused upload never leaves a half-stored set behind.
import { deleteFile, putFile } from "./files";
import { checkFile, MAX_FILES_PER_ITEM } from "./rules";

/** An uploaded file as a form (File) or an API body (decoded base64) gives it. */
export type Upload = { name: string; type: string; size: number; bytes: () => Promise<Uint8Array> };

export type StoredUpload = { fileName: string; mimeType: string; size: number; sha256: string; storageKey: string };

/** The non-empty files of a form field. */
export function formUploads(data: FormData, field: string): Upload[] {
  return data
    .getAll(field)
    .filter((f): f is File => typeof f !== "string" && f.size > 0)
    .map((f) => ({
      name: f.name,
      type: f.type,
      size: f.size,
      bytes: async () => new Uint8Array(await f.arrayBuffer()),
    }));
}

/** Checks every file (and their number, with `kept` files already there), then stores them all. */
export async function storeUploads(
  organisationId: number,
  kind: string,
  uploads: readonly Upload[],
  opts: { kept?: number; max?: number } = {},
): Promise<{ ok: true; files: StoredUpload[] } | { ok: false; message: string }> {
  const max = opts.max ?? MAX_FILES_PER_ITEM;
  if ((opts.kept ?? 0) + uploads.length > max) return { ok: false, message: `Не больше ${max} файлов` };
  const checked = [];
  for (const u of uploads) {
    const check = checkFile(u.name, u.type, u.size);
    if (!check.ok) return { ok: false, message: check.message };
    checked.push({ upload: u, mimeType: check.mimeType });
  }
  const files: StoredUpload[] = [];
  for (const { upload, mimeType } of checked) {
    const bytes = await upload.bytes();
    // The declared size is the client's word; the stored bytes are checked again.
    const again = checkFile(upload.name, mimeType, bytes.byteLength);
    if (!again.ok) {
      await discardUploads(files);
      return { ok: false, message: again.message };
    }
    const stored = await putFile(organisationId, kind, bytes);
    files.push({ fileName: upload.name.trim(), mimeType, ...stored });
  }
  return { ok: true, files };
}

/** Removes stored files whose rows were never written (a refused save) or were deleted. */
export async function discardUploads(files: readonly { storageKey: string }[]): Promise<void> {
  await Promise.all(files.map((f) => deleteFile(f.storageKey).catch(() => undefined)));
}

/** The HTTP answer of a stored file: the Russian name (RFC 5987), no caching, no sniffing; a photo may open in the browser. */
export function fileResponse(
  bytes: Uint8Array,
  file: { fileName: string; mimeType: string },
  inline = false,
): Response {
  const disposition = inline && /^image\/(png|jpeg|gif|webp)$/.test(file.mimeType) ? "inline" : "attachment";
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Disposition": `${disposition}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
