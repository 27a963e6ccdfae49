"use client";
// SCH-6: issue, show once and revoke the personal calendar link.
import { useState } from "react";
import { feedAction } from "@/lib/schedule/feed/actions";
import { ActionForm, FormStatus } from "@/components/ui/action-form";
import { Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

type Feed = { path: string | null; live: boolean };

export function FeedPanel({ active, since }: { active: boolean; since: string | null }) {
  // The link is shown once, from the last successful answer.
  const [feed, setFeed] = useState<Feed | null>(null);
  const url = feed?.path ? `${window.location.origin}${feed.path}` : null;
  const live = feed ? feed.live : active;
  return (
    <ActionForm
      action={feedAction}
      framed
      status="manual"
      success={null}
      label="Ссылка на календарь"
      onSuccess={setFeed}
      className="text-sm"
    >
      <div className="space-y-3">
        <p role="status">
          {live ? `Ссылка действует${since && !feed ? ` с ${since}` : ""}.` : "Ссылки нет или она отозвана."}
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
          <SubmitButton variant="danger" name="intent" value="revoke" disabled={!live}>
            Отозвать ссылку
          </SubmitButton>
        </div>
        <FormStatus />
      </div>
    </ActionForm>
  );
}
