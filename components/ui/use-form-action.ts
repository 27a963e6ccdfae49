"use client";
// A FormData action run by one button (the kit's ActionButton) rather than by a form of its own:
// the fixed `values` become its form; after a success the page is read again (or `onSuccess` runs
// instead — a panel that reloads itself). Remove a material, a portfolio entry; detach a material.
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/errors";
import type { FormAction } from "./action-form";

export function useFormAction<T>(
  action: FormAction<T>,
  values: Readonly<Record<string, string | number>>,
  onSuccess?: () => void,
): () => Promise<ActionResult<T>> {
  const router = useRouter();
  return async () => {
    const form = new FormData();
    for (const [name, value] of Object.entries(values)) form.set(name, String(value));
    const result = await action(null, form);
    if (result.ok) {
      if (onSuccess) onSuccess();
      else router.refresh();
    }
    return result;
  };
}
