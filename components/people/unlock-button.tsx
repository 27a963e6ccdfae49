"use client";
// Lifts a lockout (AUTH-4) — a button outside the slip form's submission.
import { useState, useTransition } from "react";
import { unlockUserAction } from "@/lib/people/logins/actions";

export function UnlockButton({ userId, path, name }: { userId: number; path: string; name: string }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <span>
      <button
        type="button"
        disabled={pending}
        aria-label={`Снять блокировку: ${name}`}
        className="rounded border border-amber-600 px-2 text-xs text-amber-800"
        onClick={() =>
          start(async () => {
            const r = await unlockUserAction(userId, path);
            setMessage(r.ok ? "Снята" : r.message);
          })
        }
      >
        Снять блокировку
      </button>
      {message && (
        <span role="status" className="ml-1 text-xs">
          {message}
        </span>
      )}
    </span>
  );
}
