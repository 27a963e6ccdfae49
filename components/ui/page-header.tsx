// A page's heading block: an optional «← back» link above the title, a grey subtitle line, anything
// else under it (`children`), and actions (downloads, links) on the right. Server-safe.
import Link from "./link";
import type { ReactNode } from "react";

export function PageHeader({
  back,
  title,
  subtitle,
  actions,
  children,
}: {
  back?: { href: string; label: string };
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const head = (
    <div>
      {back && (
        <p className="text-sm">
          <Link href={back.href} className="text-blue-700 hover:underline">
            ← {back.label}
          </Link>
        </p>
      )}
      <h1 className="text-xl font-semibold md:text-2xl">{title}</h1>
      {subtitle && <p className="text-sm text-slate-600">{subtitle}</p>}
      {children}
    </div>
  );
  if (!actions) return head;
  return (
    <div className="flex flex-wrap items-end justify-between gap-2">
      {head}
      {actions}
    </div>
  );
}
