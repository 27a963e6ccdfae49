import { requireUser } from "@/lib/auth/session";
import { AppHeader } from "@/components/layout/app-header";
import { AppFooter } from "@/components/layout/app-footer";

// DAY-4: on a phone the main menu is a bar fixed to the screen's bottom (components/layout/bottom-nav.tsx,
// 3.5rem and the home indicator's inset). The page ends with as much free space, so its last lines
// scroll above the bar, and whatever a page sticks to the bottom of the screen (the journal grid's
// cell line) sits on the bar instead of under it.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-blue-800 focus:shadow"
      >
        Перейти к содержанию
      </a>
      <AppHeader user={user} />
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto max-w-7xl px-4 py-6 outline-none max-sm:[&_.sticky.bottom-0]:bottom-[calc(3.5rem+env(safe-area-inset-bottom))]"
      >
        {children}
      </main>
      <AppFooter />
      <div aria-hidden="true" className="h-[calc(3.5rem+env(safe-area-inset-bottom))] sm:hidden" />
    </>
  );
}
