"use client";
// The sign-in form (AUTH-1): organisation, login, password → next-auth credentials sign-in.
// Refusals arrive as codes and are shown in Russian; the text never says whether a login exists.
import { useRef, useState, type ComponentProps, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import type { SignInDirectory } from "@/lib/auth/data";
import { afterSignInAction } from "@/lib/auth/actions";
import { decodeRefusal, refusalMessage } from "@/lib/auth/sign-in-errors";
import { OrganisationPicker, rememberOrganisation } from "./organisation-picker";
import { Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

type FieldErrors = { organisationId?: string; login?: string; password?: string };

export function SignInForm({ directory, initialError }: { directory: SignInDirectory; initialError?: string | null }) {
  const [error, setError] = useState<string | null>(initialError ?? null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const organisationId = String(form.get("organisationId") ?? "");
    const login = String(form.get("login") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const missing: FieldErrors = {
      ...(organisationId ? {} : { organisationId: "Выберите образовательную организацию" }),
      ...(login ? {} : { login: "Введите логин" }),
      ...(password ? {} : { password: "Введите пароль" }),
    };
    setFieldErrors(missing);
    setError(null);
    if (Object.keys(missing).length > 0) return;

    setPending(true);
    try {
      const result = await signIn("credentials", { redirect: false, organisationId, login, password });
      if (result?.ok && !result.error) {
        rememberOrganisation(organisationId);
        const next = await afterSignInAction();
        // A full navigation, so every server component renders for the new session.
        window.location.assign(next.ok ? next.data.href : "/");
        return;
      }
      setError(refusalMessage(decodeRefusal(result?.error) ?? { code: "UNAVAILABLE" }));
    } catch {
      setError(refusalMessage({ code: "UNAVAILABLE" }));
    }
    setPending(false);
    if (passwordRef.current) {
      passwordRef.current.value = "";
      passwordRef.current.focus();
    }
  }

  return (
    <form
      onSubmit={handleSubmit}
      noValidate
      className="space-y-5"
      aria-describedby={error ? "signin-error" : undefined}
    >
      <OrganisationPicker directory={directory} error={fieldErrors.organisationId} />
      <SignInField
        name="login"
        label="Логин"
        error={fieldErrors.login}
        type="text"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={100}
      />
      <SignInField
        ref={passwordRef}
        name="password"
        label="Пароль"
        error={fieldErrors.password}
        type="password"
        autoComplete="current-password"
        maxLength={512}
      />
      <div role="alert" id="signin-error" className="min-h-0">
        {error && <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>}
      </div>
      <SubmitButton>{pending ? "Вход…" : "Войти"}</SubmitButton>
    </form>
  );
}

/** A labelled required input of the form with its own message under it (linked by aria-describedby). */
function SignInField({
  name,
  label,
  error,
  ...input
}: ComponentProps<typeof Input> & { name: string; label: string; error?: string }) {
  const id = `signin-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <Input
        id={id}
        name={name}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...input}
      />
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
