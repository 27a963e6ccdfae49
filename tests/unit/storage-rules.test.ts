import { describe, expect, it } from "vitest";
import { checkFile, cleanFileName, MAX_FILE_BYTES } from "@/lib/storage/rules";

describe("uploaded file limits (JRN-2, MSG-1)", () => {
  it("accepts a PDF within the size limit", () => {
    expect(checkFile("задание.pdf", "application/pdf", 1000)).toEqual({
      ok: true,
      fileName: "задание.pdf",
      extension: "pdf",
      mimeType: "application/pdf",
    });
  });

  it("refuses an executable type with a Russian message naming the file", () => {
    const result = checkFile("virus.exe", "application/octet-stream", 10);
    expect(result).toEqual({ ok: false, message: "Файл «virus.exe»: такой тип файлов не принимается" });
  });

  it("refuses a file over the limit and an empty file", () => {
    expect(checkFile("big.pdf", "application/pdf", MAX_FILE_BYTES + 1).ok).toBe(false);
    expect(checkFile("empty.txt", "text/plain", 0).ok).toBe(false);
  });

  it("refuses path separators in a name", () => {
    expect(checkFile("../etc/passwd.txt", "text/plain", 5).ok).toBe(false);
  });

  it("does not trust a declared MIME type that does not fit the extension", () => {
    expect(checkFile("photo.png", "text/html", 5)).toEqual({
      ok: true,
      fileName: "photo.png",
      extension: "png",
      mimeType: "image/png",
    });
  });

  it("stores a name cleaned of control and bidi characters: «evil\u202Egpj.txt» is a .txt shown as such (SEC-3)", () => {
    expect(checkFile("evil\u202Egpj.txt", "text/plain", 5)).toEqual({
      ok: true,
      fileName: "evilgpj.txt",
      extension: "txt",
      mimeType: "text/plain",
    });
    // The real extension after the override is what counts: a «.exe» hidden as «exe.jpg» is refused.
    expect(checkFile("photo\u202Egpj.exe", "image/jpeg", 5).ok).toBe(false);
    expect(cleanFileName(" a\u0000b\u2066c\u200Fd\u0085e.pdf ")).toBe("abcde.pdf");
    expect(checkFile("\u202E\u0000", "text/plain", 5)).toEqual({ ok: false, message: "Недопустимое имя файла" });
  });
});
