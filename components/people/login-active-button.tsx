"use client";
// Closes or reopens a login (users.delete, ADMIN) — a button outside the slip form's submission.
import { useState, useTransition } from "react";
import { setLoginActiveAction } from "@/lib/people/logins/actions";

export function LoginActiveButton({
  userId,
  active,
  path,
  name,
}: {
  userId: number;
  active: boolean;
  path: string;
  name: string;
}) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const label = active ? "Закрыть вход" : "Открыть вход";
  return (
    <span>
      <button
        type="button"
        disabled={pending}
        aria-label={`${label}: ${name}`}
        className={`rounded border px-2 text-xs ${active ? "border-red-300 text-red-700" : "border-green-600 text-green-800"}`}
        onClick={() => {
          if (
            active &&
            !window.confirm(`Закрыть вход для «${name}»? Все сеансы завершатся; карточка и история сохранятся.`)
          )
            return;
          start(async () => {
            const r = await setLoginActiveAction(userId, !active, path);
            setMessage(r.ok ? (active ? "Вход закрыт" : "Вход открыт") : r.message);
          });
        }}
      >
        {label}
      </button>
      {message && (
        <span role="status" className="ml-1 text-xs">
          {message}
        </span>
      )}
    </span>
  );
}
