import type { Metadata, Viewport } from "next";
import "./globals.css";
import { SoftNavListener } from "@/components/ui/soft-nav-listener";

export const metadata: Metadata = {
  title: { default: "Электронный журнал", template: "%s — Электронный журнал" },
  description: "Электронный журнал и дневник для школ и колледжей",
  // API-4: the installable diary (public/manifest.webmanifest, icons in public/icons).
  manifest: "/manifest.webmanifest",
  icons: { icon: "/icons/icon-192.png", apple: "/icons/icon-192.png" },
};

// viewportFit "cover" (DAY-4): without it an iPhone keeps the page inside the safe area's box and reports
// env(safe-area-inset-bottom) as 0, so the phone's bottom bar (components/layout/bottom-nav.tsx) and the space
// the layout leaves under the page ignore the home indicator — the bar's links sat under it. With "cover" the
// page also reaches under the notch of a phone held sideways: the body keeps clear of it by the side insets
// (0 everywhere else).
export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  viewportFit: "cover",
  themeColor: "#1e40af",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="ru">
      <body className="min-h-screen pl-[env(safe-area-inset-left)] pr-[env(safe-area-inset-right)]">
        {children}
        {/* The app's one soft navigation (issue 22): every page's marked links open on the client. */}
        <SoftNavListener />
      </body>
    </html>
  );
}
