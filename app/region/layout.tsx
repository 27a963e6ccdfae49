// The education-authority area (REG-1): its own header and menu; each page checks access itself
// (lib/access/guard.ts requireAccessAsAuthority) — the layout only frames a signed-in authority account.
// As the organisation's layout (app/(app)/layout.tsx, DAY-4): on a phone the menu is the bar fixed to the
// screen's bottom, so the page ends with as much free space and a sticky bottom line sits on the bar.
import { getCurrentAuthority } from "@/lib/auth/session";
import { RegionHeader } from "@/components/region/region-header";

export default async function RegionLayout({ children }: { children: React.ReactNode }) {
  const authority = await getCurrentAuthority();
  const header = authority && !authority.mustChangePassword;
  return (
    <>
      {header && <RegionHeader authority={authority} />}
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto max-w-7xl px-4 py-6 outline-none max-sm:[&_.sticky.bottom-0]:bottom-[calc(3.5rem+env(safe-area-inset-bottom))]"
      >
        {children}
      </main>
      {header && <div aria-hidden="true" className="h-[calc(3.5rem+env(safe-area-inset-bottom))] sm:hidden" />}
    </>
  );
}
