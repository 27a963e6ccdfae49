// Colours of the hand-in states (LRN-1), shared by the diary (server) and the teacher's list (client).
import type { HandinState } from "@/lib/learning/handin/rules";

export const STATE_TONE: Record<HandinState, string> = {
  waiting: "bg-slate-100 text-slate-700",
  missing: "bg-red-100 text-red-800",
  submitted: "bg-sky-100 text-sky-900",
  late: "bg-amber-100 text-amber-900",
  reviewed: "bg-emerald-100 text-emerald-900",
  returned: "bg-violet-100 text-violet-900",
};
