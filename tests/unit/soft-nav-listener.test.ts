// The app's one soft-navigation listener (components/ui/soft-nav-listener.tsx, issue 22): on mount it listens
// for clicks on the document and pushes a marked anchor's page through the router; on unmount it stops.
// React's effect is run at once here (unit tests have no DOM): the wiring, not the rules (tests/unit/soft-nav).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ORIGIN } from "../support/soft-click";

const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push }) }));
let cleanup: (() => void) | void;
vi.mock("react", async (original) => ({
  ...(await original<typeof import("react")>()),
  useEffect: (effect: () => (() => void) | void) => {
    cleanup = effect();
  },
}));

const { SoftNavListener } = await import("@/components/ui/soft-nav-listener");
const { SOFT_NAV } = await import("@/components/ui/soft-nav");

describe("the soft-navigation listener", () => {
  const listeners = new Map<string, (e: unknown) => void>();
  beforeEach(() => {
    vi.stubGlobal("location", { origin: ORIGIN });
    vi.stubGlobal("document", {
      addEventListener: (type: string, f: (e: unknown) => void) => listeners.set(type, f),
      removeEventListener: (type: string, f: (e: unknown) => void) => {
        if (listeners.get(type) === f) listeners.delete(type);
      },
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    push.mockReset();
    listeners.clear();
  });

  it("pushes a marked anchor's page on a plain click, renders nothing, and stops listening on unmount", () => {
    expect(SoftNavListener()).toBe(null);
    const onClick = listeners.get("click")!;
    expect(onClick).toBeTypeOf("function");
    const a = {
      href: `${ORIGIN}/diary/12?week=2026-12-07`,
      getAttribute: () => null,
      hasAttribute: () => false,
      closest: (s: string) => (s === "a" ? a : s === `[${SOFT_NAV}]` ? a : null),
    };
    const preventDefault = vi.fn();
    onClick({ target: a, button: 0, preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    expect(push).toHaveBeenCalledWith("/diary/12?week=2026-12-07");
    (cleanup as () => void)();
    expect(listeners.has("click")).toBe(false);
  });
});
