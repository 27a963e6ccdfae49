"use client";
// API-5: «Войти через Госуслуги» — shown only when an OpenID Connect provider is configured.
import { signIn } from "next-auth/react";

export function OidcButton({ name }: { name: string }) {
  return (
    <button
      type="button"
      onClick={() => void signIn("oidc", { callbackUrl: "/" })}
      className="mt-4 w-full rounded border border-blue-700 px-3 py-2 font-medium text-blue-800 hover:bg-blue-50"
    >
      Войти через {name}
    </button>
  );
}
