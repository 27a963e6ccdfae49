// The app's links (issue 22, the evening peak): next/link that does not prefetch. Next.js prefetches the
// route of every <Link> that scrolls into view; a parent opening the diary on a phone sent ≈ 35 prefetch
// requests (each ≈ 3–5 ms of the app server's CPU — together several times the diary page itself), nearly
// all for pages never opened, and again after every refresh of the page. A click still navigates on the
// client: one request for the page it opens. `prefetch` can still be asked for one link. Server-safe.
// Everything outside the kit imports this, not next/link (eslint.config.mjs, tests/unit/lint-rules).
import NextLink from "next/link";
import type { ComponentProps } from "react";

export default function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
