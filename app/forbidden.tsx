import Link from "@/components/ui/link";
import { getCurrentAuthority } from "@/lib/auth/session";

export default async function Forbidden() {
  // REG-1: an education-authority account's home is its territory page.
  const home = (await getCurrentAuthority()) ? "/region" : "/";
  return (
    <main className="mx-auto max-w-lg p-8 text-center">
      <h1 className="text-2xl font-semibold">Нет доступа</h1>
      <p className="mt-3 text-slate-600">У вас нет прав на эту страницу или эти данные.</p>
      <Link href={home} className="mt-6 inline-block text-blue-700 underline">
        На главную
      </Link>
    </main>
  );
}
