// Unread mail count next to «Почта» in the navigation (MSG-1).
import type { CurrentUser } from "@/lib/auth/session";
import { loadUnreadCount } from "@/lib/messages/mail/loaders";
import { plural } from "@/lib/org/vocabulary";

export async function UnreadBadge({ user }: { user: CurrentUser }) {
  const count = await loadUnreadCount(user);
  if (count === 0) return null;
  return (
    <span
      className="ml-1 rounded-full bg-red-600 px-1.5 text-xs font-semibold text-white tabular-nums"
      data-testid="unread-badge"
    >
      {count}
      <span className="sr-only">
        {" "}
        {plural(count, "непрочитанное письмо", "непрочитанных письма", "непрочитанных писем")}
      </span>
    </span>
  );
}
