// «Вход в систему» (AUTH-1): public. Organisation (region → municipality → organisation),
// login and password; no self-registration — logins are issued (AUTH-2).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentAuthority, getCurrentUser } from "@/lib/auth/session";
import { signInDirectory } from "@/lib/auth/loaders";
import { decodeRefusal, refusalMessage } from "@/lib/auth/sign-in-errors";
import { SignInForm } from "@/components/auth/sign-in-form";
import { OidcButton } from "@/components/auth/oidc-button";
import { oidcConfig } from "@/lib/auth/oidc";

export const metadata: Metadata = { title: "Вход" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  if (await getCurrentUser()) redirect("/");
  if (await getCurrentAuthority()) redirect("/region");
  const [directory, params] = await Promise.all([signInDirectory(), searchParams]);
  // next-auth's no-JavaScript fallback lands here with ?error=<code>; only known codes are shown.
  const code = typeof params.error === "string" ? params.error : null;
  const refusal = decodeRefusal(code);
  const oidc = oidcConfig();
  return (
    <main className="flex min-h-screen items-start justify-center px-4 py-10 sm:items-center">
      <div className="w-full max-w-md">
        <div className="mb-6 text-center">
          <h1 className="text-2xl font-semibold text-slate-900">Электронный журнал</h1>
          <p className="mt-1 text-slate-600">Вход в систему</p>
        </div>
        <section aria-label="Вход" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          {directory.organisations.length === 0 ? (
            <p className="text-slate-700">Образовательные организации ещё не зарегистрированы в системе.</p>
          ) : (
            <SignInForm directory={directory} initialError={refusal ? refusalMessage(refusal) : null} />
          )}
          {oidc && <OidcButton name={oidc.name} />}
        </section>
        <p className="mt-6 text-center text-sm text-slate-500">
          Логин и пароль выдаёт администратор школы или колледжа, ученикам и родителям — классный руководитель;
          сотрудникам органов управления образованием — администратор региона. Самостоятельная регистрация не
          предусмотрена.
        </p>
      </div>
    </main>
  );
}
