"use client";
// SCH-6: issue, show once and revoke the personal calendar link.
import { useActionState } from "react";
import { feedAction } from "@/lib/schedule/feed/actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export function FeedPanel({ active, since }: { active: boolean; since: string | null }) {
  const [state, action, pending] = useActionState(feedAction, null);
  const path = state?.ok ? state.data.path : null;
  const url = path ? `${window.location.origin}${path}` : null;
  const live = state?.ok ? state.data.live : active;
  return (
    <form action={action} className="space-y-3 rounded border border-slate-200 bg-white p-4 text-sm">
      <p role="status">
        {live ? `Ссылка действует${since && !state ? ` с ${since}` : ""}.` : "Ссылки нет или она отозвана."}
      </p>
      {url && (
        <div className="space-y-1">
          <label className="block text-xs text-slate-500" htmlFor="feed-url">
            Ваша ссылка (показывается один раз — сохраните её в календаре)
          </label>
          <Input className="w-full" size="sm" id="feed-url" readOnly value={url} />
        </div>
      )}
      <div className="flex gap-2">
        <SubmitButton name="intent" value="issue">
          {live ? "Создать новую ссылку" : "Создать ссылку"}
        </SubmitButton>
        <Button variant="danger" type="submit" name="intent" value="revoke" disabled={pending || !live}>
          Отозвать ссылку
        </Button>
      </div>
      {state?.ok === false && (
        <p role="alert" className="text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
