// Joins class names, skipping empty ones (the kit's only helper; no dependency for one line).
export function cx(...parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(" ");
}
