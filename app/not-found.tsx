import Link from "@/components/ui/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg p-8 text-center">
      <h1 className="text-2xl font-semibold">Страница не найдена</h1>
      <Link href="/" className="mt-6 inline-block text-blue-700 underline">
        На главную
      </Link>
    </main>
  );
}
