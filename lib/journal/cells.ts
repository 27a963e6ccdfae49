// The answer of one grid cell save (JRN-5) as the client grid reads it; the save itself is
// saveCell in lib/journal/commands.ts.
import type { ErrorCode } from "@/lib/errors";
import type { AttendanceState, MarkState } from "./mutations";

export type CellCurrent = {
  text: string;
  version: number;
  by: string | null;
  at: string | null;
  mark?: MarkState | null;
  attendance?: AttendanceState | null;
};

export type CellResponse =
  | { ok: true; version: number; mark?: MarkState | null; attendance?: AttendanceState | null; assignmentId?: number }
  | { ok: false; code: ErrorCode; message: string; current?: CellCurrent; reload?: boolean };

export type CellOutcome = { status: number; body: CellResponse };
