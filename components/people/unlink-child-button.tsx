"use client";
// Removes one parent–child link (PPL-1) from the parent's card; the card itself stays.
import { useState, useTransition } from "react";
import { removeChildLinkAction } from "@/lib/people/actions";

export function UnlinkChildButton({
  parentId,
  studentId,
  name,
}: {
  parentId: number;
  studentId: number;
  name: string;
}) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <span>
      <button
        type="button"
        disabled={pending}
        aria-label={`Убрать связь с ребёнком: ${name}`}
        className="ml-2 rounded border border-red-300 px-2 text-xs text-red-700"
        onClick={() =>
          start(async () => {
            const r = await removeChildLinkAction(parentId, studentId);
            setMessage(r.ok ? "Связь удалена" : r.message);
          })
        }
      >
        Убрать связь
      </button>
      {message && (
        <span role="status" className="ml-1 text-xs">
          {message}
        </span>
      )}
    </span>
  );
}
