// A click on an anchor of server-rendered markup as the app's one soft-navigation listener sees it
// (components/ui/soft-nav.tsx's softClick; unit tests have no DOM): the anchor of `html` whose href is
// `href`, with its attributes, marked when it or an element around it carries SOFT_NAV — read from the
// markup itself, so a test shows what the page's HTML does. A plain left click unless `extra` says otherwise.
import { vi } from "vitest";
import { SOFT_NAV, softClick } from "@/components/ui/soft-nav";

export const ORIGIN = "https://journal.example";

const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);

type Attrs = Record<string, string>;

const attrsOf = (text: string): Attrs =>
  Object.fromEntries([...text.matchAll(/([^\s=/]+)(?:="([^"]*)")?/g)].map((m) => [m[1], m[2] ?? ""]));

const unescape = (s: string) => s.replaceAll("&amp;", "&").replaceAll("&quot;", '"');

/** Every anchor of `html`: its attributes and whether it is under the soft navigation. */
export function anchorsOf(html: string): { attrs: Attrs; marked: boolean }[] {
  const open: Attrs[] = [];
  const found: { attrs: Attrs; marked: boolean }[] = [];
  for (const [, close, name, rest] of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)([^>]*)>/g)) {
    if (close) {
      open.pop();
      continue;
    }
    const attrs = attrsOf(rest);
    if (name === "a") found.push({ attrs, marked: [attrs, ...open].some((a) => SOFT_NAV in a) });
    if (!VOID.has(name) && !rest.endsWith("/")) open.push(attrs);
  }
  return found;
}

/** The listener's work for a click on the anchor of `html` to `href`: whether it kept the click, what it pushed. */
export function clickAnchor(html: string, href: string, extra: object = {}) {
  const anchor = anchorsOf(html).find((x) => unescape(x.attrs.href ?? "") === href);
  if (!anchor) throw new Error(`no <a href="${href}"> in the markup`);
  const a = {
    href: new URL(href, ORIGIN).href,
    getAttribute: (n: string) => anchor.attrs[n] ?? null,
    hasAttribute: (n: string) => n in anchor.attrs,
    closest: (selector: string) => (selector === "a" ? a : selector === `[${SOFT_NAV}]` && anchor.marked ? {} : null),
  };
  const e = {
    target: { closest: (selector: string) => (selector === "a" ? a : null) },
    button: 0,
    metaKey: false,
    ctrlKey: false,
    shiftKey: false,
    altKey: false,
    defaultPrevented: false,
    preventDefault: vi.fn(),
    ...extra,
  };
  const push = vi.fn();
  softClick(e as unknown as Parameters<typeof softClick>[0], ORIGIN, push);
  return { preventDefault: e.preventDefault, push };
}
