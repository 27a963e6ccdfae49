"use client";
// The menu's unread count renders alongside the page that records the read receipt, so it is one
// message behind on that render: refresh once so the badge agrees with the inbox (MSG-1).
import { useEffect } from "react";
import { useRouter } from "next/navigation";

export function RefreshOnRead() {
  const router = useRouter();
  useEffect(() => {
    router.refresh();
  }, [router]);
  return null;
}
