// public: secret-token feed, checked against CalendarFeed
// SCH-6: a personal iCalendar feed. No session: the secret in the URL is the credential; it is
// hashed and looked up in CalendarFeed, and an unknown or revoked token answers 404.
import { loadFeedIcs } from "@/lib/schedule/feed/loaders";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  const ics = await loadFeedIcs(token);
  if (ics === null)
    return new Response("Не найдено", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(ics, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="schedule.ics"',
      "cache-control": "private, no-store",
      "referrer-policy": "no-referrer",
    },
  });
}
