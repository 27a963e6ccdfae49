// Limits for uploaded files (homework files JRN-2, message attachments MSG-1): type and size,
// checked on the server before anything is stored. Pure: no I/O.
import { withoutForbiddenChars } from "@/lib/schema";
import { MAX_FILE_BYTES } from "./limits";

// The sizes live in ./limits (a leaf next.config.ts may import); the pages, actions and lib/ops read them here too.
export { MAX_FILE_BYTES, MAX_FILES_PER_ITEM } from "./limits";

/** Allowed types by extension with the MIME types browsers send for them. */
export const ALLOWED_FILE_TYPES: Record<string, readonly string[]> = {
  pdf: ["application/pdf"],
  doc: ["application/msword"],
  docx: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  xls: ["application/vnd.ms-excel"],
  xlsx: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  ppt: ["application/vnd.ms-powerpoint"],
  pptx: ["application/vnd.openxmlformats-officedocument.presentationml.presentation"],
  odt: ["application/vnd.oasis.opendocument.text"],
  ods: ["application/vnd.oasis.opendocument.spreadsheet"],
  txt: ["text/plain"],
  rtf: ["application/rtf", "text/rtf"],
  jpg: ["image/jpeg"],
  jpeg: ["image/jpeg"],
  png: ["image/png"],
  gif: ["image/gif"],
  webp: ["image/webp"],
  mp3: ["audio/mpeg"],
  mp4: ["video/mp4"],
  zip: ["application/zip", "application/x-zip-compressed"],
};

export type FileCheck =
  { ok: true; fileName: string; extension: string; mimeType: string } | { ok: false; message: string };

/**
 * SEC-3: the name a file is stored and shown under — without control and bidirectional characters
 * (U+202E would show «evil\u202Egpj.txt» as «eviltxt.jpg»), trimmed. Its extension is then read
 * from what the user will see.
 */
export function cleanFileName(raw: string): string {
  return withoutForbiddenChars(raw).trim();
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? "" : fileName.slice(dot + 1).toLowerCase();
}

/** Checks one file's (cleaned) name, declared type and size; the message is Russian and names the file. */
export function checkFile(fileName: string, declaredType: string, size: number, maxBytes = MAX_FILE_BYTES): FileCheck {
  const name = cleanFileName(fileName);
  if (!name || name.length > 200 || /[\\/]/.test(name)) return { ok: false, message: "Недопустимое имя файла" };
  const extension = extensionOf(name);
  const allowed = ALLOWED_FILE_TYPES[extension];
  if (!allowed) return { ok: false, message: `Файл «${name}»: такой тип файлов не принимается` };
  if (size <= 0) return { ok: false, message: `Файл «${name}» пуст` };
  if (size > maxBytes) {
    return { ok: false, message: `Файл «${name}» больше ${Math.round(maxBytes / 1024 / 1024)} МБ` };
  }
  const mimeType = allowed.includes(declaredType) ? declaredType : allowed[0];
  return { ok: true, fileName: name, extension, mimeType };
}
