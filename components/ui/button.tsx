// Buttons of the kit (ARCHITECTURE «UI»): one look per intent. Server-safe (no hooks): a server
// component can render it; the pending state is a prop here, and `SubmitButton` (submit-button.tsx)
// reads it from the form it stands in.
import type { ComponentProps } from "react";
import { cx } from "./cx";
import { Spinner } from "./spinner";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";
export type ButtonSize = "sm" | "md";

const BASE =
  "inline-flex items-center justify-center gap-1.5 whitespace-nowrap rounded font-medium transition-colors " +
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 " +
  "disabled:cursor-not-allowed disabled:opacity-60";

const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-blue-700 text-white hover:bg-blue-800 disabled:hover:bg-blue-700",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:hover:bg-white",
  danger: "border border-red-300 bg-white text-red-700 hover:bg-red-50 disabled:hover:bg-white",
  ghost: "text-blue-700 hover:bg-blue-50 disabled:hover:bg-transparent",
};

const SIZES: Record<ButtonSize, string> = {
  sm: "px-2 py-0.5 text-xs",
  md: "px-3 py-1 text-sm",
};

/** The classes of a button — for a link that looks like one (`ButtonLink`). */
export function buttonClass(variant: ButtonVariant = "primary", size: ButtonSize = "md", className?: string): string {
  return cx(BASE, VARIANTS[variant], SIZES[size], className);
}

export type ButtonProps = ComponentProps<"button"> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Work in progress: a spinner before the label, the button disabled and aria-busy. */
  pending?: boolean;
};

export function Button({
  variant = "primary",
  size = "md",
  pending = false,
  disabled,
  className,
  children,
  type = "button",
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      data-pending={pending ? "true" : undefined}
      className={buttonClass(variant, size, className)}
      {...rest}
    >
      {pending && <Spinner />}
      {children}
    </button>
  );
}

/** A plain link styled as a button (downloads, exports): a full request, never a client navigation. */
export function ButtonLink({
  variant = "secondary",
  size = "md",
  className,
  ...rest
}: ComponentProps<"a"> & { variant?: ButtonVariant; size?: ButtonSize }) {
  return <a className={buttonClass(variant, size, className)} {...rest} />;
}
