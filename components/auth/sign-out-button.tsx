"use client";
// «Выйти»: first revokes the server-side session (so the cookie is dead even if copied),
// then lets next-auth clear the cookie and go to the sign-in page (AUTH-5, ACL-6).
import { useState } from "react";
import { signOut } from "next-auth/react";
import { signOutAction } from "@/lib/auth/actions";

export function SignOutButton({ className }: { className?: string }) {
  const [pending, setPending] = useState(false);

  async function handleClick() {
    setPending(true);
    try {
      await signOutAction();
    } finally {
      // next-auth's sign-out also revokes the session on the server (events.signOut).
      await signOut({ callbackUrl: "/login" });
    }
  }

  return (
    <button
      type="button"
      onClick={handleClick}
      disabled={pending}
      className={
        className ??
        "rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 disabled:opacity-60"
      }
    >
      {pending ? "Выход…" : "Выйти"}
    </button>
  );
}
