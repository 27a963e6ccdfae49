// The app's links (issue 22, the evening peak and items 5 and 7): a plain server-rendered anchor, marked
// for the app's one soft navigation (components/ui/soft-nav.tsx): a plain left click still opens the page
// on the client — one request for the page it opens, no document load — through the listener the root
// layout mounts once. It was next/link with prefetch={false}: a client component per link (a reference and
// a props object in the page's flight, its hooks in the HTML render), and next/link prefetches the route of
// every link that scrolls into view unless told not to (≈ 35 requests per diary on a phone). Nothing is
// prefetched now. Only pages: a file or a route handler is a plain <a> (with `download`), which the
// listener leaves to the browser — as it does a link with `target`, a modifier or a middle click.
// Everything outside the kit imports this, not next/link (eslint.config.mjs, tests/unit/lint-rules).
import type { AnchorHTMLAttributes } from "react";

export default function Link({ href, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  // href written after the caller's attributes, where next/link wrote it: the same HTML but for the mark.
  return <a {...props} href={href} data-soft-nav="" />;
}
