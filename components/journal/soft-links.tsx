"use client";
// The journal page's own links (issue 22 item 2): the substitutions' lessons in the picker and the led clubs'
// journals as plain server-rendered anchors inside ONE client component each, as the diary's menus do
// (components/diary/soft-nav.tsx, whose rule for which clicks stay on the client this takes): next/link made
// each of them a client component of its own (a reference and a props object in the page's flight, its hooks
// in the HTML render). A plain left click on one of them opens the page on the client (router.push, as
// next/link does); nothing is prefetched (as the app's Link). The element (`p` or `nav`) and its attributes
// are the caller's, so the HTML is the one next/link gave — the callers write each anchor's `href` last.
import { useRouter } from "next/navigation";
import type { HTMLAttributes } from "react";
import { opensOnClient } from "@/components/diary/soft-nav";

export function SoftLinks({ as: Tag = "p", ...props }: { as?: "p" | "nav" } & HTMLAttributes<HTMLElement>) {
  const router = useRouter();
  return (
    <Tag
      {...props}
      onClick={(e) => {
        const a = (e.target as Element).closest("a");
        if (a && e.currentTarget.contains(a) && opensOnClient(a, e, location.origin)) {
          e.preventDefault();
          const url = new URL(a.href, location.origin);
          router.push(url.pathname + url.search + url.hash);
        }
      }}
    />
  );
}
