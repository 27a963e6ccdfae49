"use client";
// «Выйти»: first revokes the server-side session (so the cookie is dead even if copied),
// then lets next-auth clear the cookie and go to the sign-in page (AUTH-5, ACL-6).
import { useState } from "react";
import { signOut } from "next-auth/react";
import { signOutAction } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";

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
    <Button variant="secondary" onClick={handleClick} pending={pending} className={className}>
      Выйти
    </Button>
  );
}
