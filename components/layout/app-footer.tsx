// The footer of every signed-in page (LRN-3, seed 000 §4.2): the journal's own regulation, one click
// away for every user (its page says who may read it), and the organisation's documents. Plain anchors in
// one SoftNav, as the header's (issue 22 item 1: no next/link client component per link on every page).
import { SoftNav } from "@/components/ui/soft-nav";

export function AppFooter() {
  return (
    <footer className="mx-auto mt-8 max-w-7xl border-t border-slate-200 px-4 py-3 text-xs text-slate-500">
      <SoftNav aria-label="Нормативные документы" className="flex flex-wrap gap-x-4 gap-y-1">
        <a className="hover:text-blue-700 hover:underline" href="/documents/regulation">
          Положение об электронном журнале
        </a>
        <a className="hover:text-blue-700 hover:underline" href="/documents">
          Документы организации
        </a>
      </SoftNav>
    </footer>
  );
}
