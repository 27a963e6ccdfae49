// «Проверка связи»: a signed-in page that renders the layout and reads nothing itself — the
// ceiling for any dynamic page, measured by `npm run bench` as `trivial_page` (issue 10).
// Access: the layout's requireUser (any signed-in user); no permission, no data.
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Проверка связи" };
export const dynamic = "force-dynamic";

export default function PingPage() {
  return <p className="text-sm text-slate-600">Связь с сервером есть.</p>;
}
