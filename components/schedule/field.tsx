// A labelled form field of the schedule's forms (usable from server and client components).

export const fieldClass = "rounded border border-slate-300 px-1 py-0.5";

export function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <label className="flex flex-col text-sm">
      <span className="text-xs text-slate-500">{label}</span>
      {children}
    </label>
  );
}
