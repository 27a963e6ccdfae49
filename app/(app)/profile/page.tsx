// «Профиль»: who is signed in, with links to API tokens and device notifications (API-2, API-4).
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { rolesLabel } from "@/lib/access/roles";
import { ProfileTabs } from "@/components/profile/profile-tabs";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Профиль" };

export default async function ProfilePage() {
  const user = await requireUser();
  return (
    <div className="space-y-4">
      <ProfileTabs current="/profile" />
      <PageHeader title={user.fullName} />
      <dl className="grid max-w-xl grid-cols-[10rem_1fr] gap-y-1 text-sm">
        <dt className="text-slate-500">Логин</dt>
        <dd className="font-mono">{user.login}</dd>
        <dt className="text-slate-500">Организация</dt>
        <dd>{user.orgName}</dd>
        <dt className="text-slate-500">Роли</dt>
        <dd>{rolesLabel(user.roles, user.orgKind)}</dd>
      </dl>
      <ul className="list-disc pl-5 text-sm">
        <li>
          <Link href="/change-password" className="text-blue-700 underline">
            Сменить пароль
          </Link>
        </li>
        <li>
          <Link href="/profile/tokens" className="text-blue-700 underline">
            Токены API
          </Link>{" "}
          — доступ программ к вашим данным
        </li>
        <li>
          <Link href="/profile/notifications" className="text-blue-700 underline">
            Уведомления
          </Link>{" "}
          на этом устройстве
        </li>
      </ul>
    </div>
  );
}
