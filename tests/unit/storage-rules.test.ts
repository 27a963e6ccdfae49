import { describe, expect, it } from "vitest";
import { checkFile, MAX_FILE_BYTES } from "@/lib/storage/rules";

describe("uploaded file limits (JRN-2, MSG-1)", () => {
  it("accepts a PDF within the size limit", () => {
    expect(checkFile("задание.pdf", "application/pdf", 1000)).toEqual({
      ok: true,
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
    expect(checkFile("photo.png", "text/html", 5)).toEqual({ ok: true, extension: "png", mimeType: "image/png" });
  });
});
