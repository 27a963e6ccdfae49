// public: benchmark ceiling — «Сервер отвечает»: a dynamic page that checks no session and does one
// indexed read (the first region's name by its primary key, public on the sign-in page anyway).
// `npm run bench` measures it as `ceiling_page` beside `trivial_page` (/ping: the same page
// machinery plus the session, the access facts and the menu) — the machine's ceiling for a dynamic
// request (issue 22 item 1). It exposes nothing personal.
import type { Metadata } from "next";
import { loadFirstRegionName } from "@/lib/auth/data";

export const metadata: Metadata = { title: "Сервер отвечает" };
export const dynamic = "force-dynamic";

export default async function CeilingPage() {
  const region = await loadFirstRegionName();
  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <p className="text-sm text-slate-600">Сервер отвечает{region ? `: ${region}` : ""}.</p>
    </main>
  );
}
