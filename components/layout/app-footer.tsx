// The footer of every signed-in page (LRN-3, seed 000 §4.2): the journal's own regulation, one click
// away for every user (its page says who may read it), and the organisation's documents.
import Link from "@/components/ui/link";

export function AppFooter() {
  return (
    <footer className="mx-auto mt-8 max-w-7xl border-t border-slate-200 px-4 py-3 text-xs text-slate-500">
      <nav aria-label="Нормативные документы" className="flex flex-wrap gap-x-4 gap-y-1">
        <Link href="/documents/regulation" className="hover:text-blue-700 hover:underline">
          Положение об электронном журнале
        </Link>
        <Link href="/documents" className="hover:text-blue-700 hover:underline">
          Документы организации
        </Link>
      </nav>
    </footer>
  );
}
