// The education-authority area (REG-1): its own header and menu; each page checks access itself
// (lib/access/guard.ts requireAccessAsAuthority) — the layout only frames a signed-in authority account.
import { getCurrentAuthority } from "@/lib/auth/session";
import { RegionHeader } from "@/components/region/region-header";

export default async function RegionLayout({ children }: { children: React.ReactNode }) {
  const authority = await getCurrentAuthority();
  return (
    <>
      {authority && !authority.mustChangePassword && <RegionHeader authority={authority} />}
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 outline-none">
        {children}
      </main>
    </>
  );
}
