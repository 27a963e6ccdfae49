// «Смена пароля» (AUTH-2, AUTH-3). Reached by force after signing in with an issued one-time
// password (requireUser sends every other page here), or voluntarily later. Only the own
// password can be changed here; the login never changes.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getCurrentAuthority, requireUser } from "@/lib/auth/session";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { SignOutButton } from "@/components/auth/sign-out-button";

export const metadata: Metadata = { title: "Смена пароля" };

export default async function ChangePasswordPage() {
  // REG-1: an education-authority account changes its password here too (its place is its territory).
  const authority = await getCurrentAuthority();
  const user = authority
    ? { ...authority, orgName: authority.territoryName }
    : await requireUser({ allowPasswordChange: true });
  const forced = user.mustChangePassword;
  const home = authority ? "/region" : "/";
  return (
    <main className="flex min-h-screen items-start justify-center px-4 py-10 sm:items-center">
      <div className="w-full max-w-md">
        <div className="mb-6 text-center">
          <h1 className="text-2xl font-semibold text-slate-900">Смена пароля</h1>
          <p className="mt-1 text-slate-600">
            {user.shortName} · {user.orgName}
          </p>
        </div>
        <section aria-label="Смена пароля" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          {forced && (
            <p className="mb-5 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              Вы вошли по выданному паролю. Чтобы продолжить работу, задайте собственный пароль.
            </p>
          )}
          <p className="mb-5 text-sm text-slate-600">
            Логин: <span className="font-medium text-slate-900">{user.login}</span> (логин изменить нельзя)
          </p>
          <ChangePasswordForm login={user.login} />
        </section>
        <div className="mt-6 flex items-center justify-center gap-4 text-sm">
          {!forced && (
            <Link href={home} className="text-blue-700 underline">
              На главную
            </Link>
          )}
          <SignOutButton />
        </div>
      </div>
    </main>
  );
}
