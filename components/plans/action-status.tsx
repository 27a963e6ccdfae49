// The outcome line of a plan form: saved / the Russian error message.
import type { ActionResult } from "@/lib/errors";

export function ActionStatus<T>({ state, done }: { state: ActionResult<T> | null; done?: (data: T) => string }) {
  return (
    <p role="status" className="text-sm">
      {state?.ok === true && done && <span className="text-green-800">{done(state.data)}</span>}
      {state?.ok === false && <span className="text-red-700">{state.message}</span>}
    </p>
  );
}

export const buttonClass =
  "rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-50";
export const secondaryButtonClass =
  "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-50";
