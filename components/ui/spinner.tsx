// A small spinning ring for work in progress (buttons, loading lines). Decorative: the busy state
// itself is announced by aria-busy / the button's disabled state, so the ring is aria-hidden.
import { cx } from "./cx";

export function Spinner({ className }: { className?: string }) {
  return (
    <span
      aria-hidden
      data-spinner=""
      className={cx(
        "inline-block h-3.5 w-3.5 shrink-0 animate-spin rounded-full border-2 border-current border-r-transparent",
        className,
      )}
    />
  );
}
