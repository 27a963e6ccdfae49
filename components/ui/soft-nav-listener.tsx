"use client";
// The app's ONE click listener for soft navigation (issue 22 items 1, 5 and 7), mounted once in the root
// layout (app/layout.tsx): a click on a marked anchor (components/ui/soft-nav.tsx: the app's Link, or any
// anchor inside a SoftNav) opens its page on the client, so no page needs a client component per link or
// per menu. On `document`, where React's own listener sits too and was added first (at hydration): a
// component's onClick that calls preventDefault runs before this one and keeps the click.
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { softClick } from "./soft-nav";

export function SoftNavListener() {
  const router = useRouter();
  useEffect(() => {
    const onClick = (e: MouseEvent) => softClick(e, location.origin, (href) => router.push(href));
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [router]);
  return null;
}
