// «Токены API» (API-2): the user's personal access tokens for /api/v1 — create (shown once), revoke.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { loadMyTokens } from "@/lib/api/loaders";
import { formatDateTime } from "@/lib/org/time";
import { ProfileTabs } from "@/components/profile/profile-tabs";
import { CreateTokenForm, TokenTable } from "@/components/profile/token-panel";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Токены API" };

export default async function TokensPage() {
  // One's own credentials: the signed-in session is the gate; each API call is then authorised by the matrix.
  const user = await requireUser();
  const tokens = await loadMyTokens(user);
  const at = (d: Date | null) => (d ? formatDateTime(d, user.timeZone) : null);
  return (
    <div className="space-y-4">
      <ProfileTabs current="/profile/tokens" />
      <PageHeader title="Токены API" />
      <p className="max-w-3xl text-sm text-slate-600">
        Личный токен позволяет программе (например, приложению семьи) читать ваши данные через{" "}
        <Link href="/api-docs" className="text-blue-700 underline">
          API
        </Link>{" "}
        с вашими правами: заголовок <code className="font-mono">Authorization: Bearer …</code>. Токен «только чтение» не
        может отправлять письма. Храните токен как пароль; если он попал к чужим, отзовите его — он перестанет
        действовать сразу.
      </p>
      <CreateTokenForm />
      <TokenTable
        rows={tokens.map((t) => ({
          id: t.id,
          name: t.name,
          scope: t.scope,
          createdAt: at(t.createdAt)!,
          lastUsedAt: at(t.lastUsedAt),
          revokedAt: at(t.revokedAt),
        }))}
      />
    </div>
  );
}
