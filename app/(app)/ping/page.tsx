// «Проверка связи»: a signed-in page that renders the layout and reads nothing of its own — the
// ceiling for any dynamic page, measured by `npm run bench` as `trivial_page` (issue 10).
// Access: any signed-in user (requireUser, the same session read as the layout's).
import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Проверка связи" };
export const dynamic = "force-dynamic";

export default async function PingPage() {
  await requireUser();
  return <p className="text-sm text-slate-600">Связь с сервером есть.</p>;
}
