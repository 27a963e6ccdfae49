"use client";
// API-5: «Войти через Госуслуги» — shown only when an OpenID Connect provider is configured.
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";

export function OidcButton({ name }: { name: string }) {
  return (
    <Button variant="secondary" type="button" onClick={() => void signIn("oidc", { callbackUrl: "/" })}>
      Войти через {name}
    </Button>
  );
}
