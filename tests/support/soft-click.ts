// A click on an anchor as components/ui/soft-nav.tsx's handler reads it, given straight to a rendered
// SoftNav's onClick (unit tests have no DOM): a plain left click on a link to `href` of ORIGIN unless
// `extra` says otherwise. Returns the event's preventDefault (called = the click stayed on the client).
import type { ReactElement } from "react";
import { vi } from "vitest";

export const ORIGIN = "https://journal.example";

export function clickAnchor(rendered: ReactElement, href: string, extra: object = {}) {
  const a = { href: new URL(href, ORIGIN).href, getAttribute: () => null, hasAttribute: () => false };
  const e = {
    target: { closest: () => a },
    currentTarget: { contains: () => true },
    button: 0,
    metaKey: false,
    ctrlKey: false,
    shiftKey: false,
    altKey: false,
    defaultPrevented: false,
    preventDefault: vi.fn(),
    ...extra,
  };
  (rendered.props as { onClick: (e: unknown) => void }).onClick(e);
  return e.preventDefault;
}
