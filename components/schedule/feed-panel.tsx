"use client";
// SCH-6: issue, show once and revoke the personal calendar link.
import { useActionState } from "react";
import { issueFeedAction, revokeFeedAction } from "@/lib/schedule/feed/actions";

export function FeedPanel({ active, since }: { active: boolean; since: string | null }) {
  const [issued, issue, issuing] = useActionState(issueFeedAction, null);
  const [revoked, revoke, revoking] = useActionState(revokeFeedAction, null);
  const url = issued?.ok && issued.data ? `${window.location.origin}${issued.data.path}` : null;
  const live = url !== null || (active && !(revoked?.ok === true));
  return (
    <div className="space-y-3 rounded border border-slate-200 bg-white p-4 text-sm">
      <p role="status">{live ? `Ссылка действует${since && !url ? ` с ${since}` : ""}.` : "Ссылки нет или она отозвана."}</p>
      {url && (
        <div className="space-y-1">
          <label className="block text-xs text-slate-500" htmlFor="feed-url">
            Ваша ссылка (показывается один раз — сохраните её в календаре)
          </label>
          <input id="feed-url" readOnly value={url} className="w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs" />
        </div>
      )}
      <div className="flex gap-2">
        <form action={issue}>
          <button type="submit" disabled={issuing} className="rounded bg-blue-700 px-3 py-1 font-medium text-white disabled:opacity-50">
            {active ? "Создать новую ссылку" : "Создать ссылку"}
          </button>
        </form>
        <form action={revoke}>
          <button type="submit" disabled={revoking || !live} className="rounded border border-red-300 px-3 py-1 text-red-700 disabled:opacity-50">
            Отозвать ссылку
          </button>
        </form>
      </div>
      {(issued?.ok === false || revoked?.ok === false) && (
        <p role="alert" className="text-red-700">
          {issued?.ok === false ? issued.message : revoked?.ok === false ? revoked.message : ""}
        </p>
      )}
    </div>
  );
}
