import Link from "@/components/ui/link";

// Rendered by unauthorized() (experimental.authInterrupts, kept for forbidden()). Without this file
// every page's flight carried Next.js's English default 401 page twice — ≈ 2.4 KB of each page's HTML
// (issue 22 items 1 and 5) — and a user would have read it in English.
export default function Unauthorized() {
  return (
    <main className="mx-auto max-w-lg p-8 text-center">
      <h1 className="text-2xl font-semibold">Нужно войти</h1>
      <Link href="/login" className="mt-6 inline-block text-blue-700 underline">
        Войти
      </Link>
    </main>
  );
}
