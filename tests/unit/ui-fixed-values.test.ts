// The kit's pieces for a form's fixed values (issue 19): `HiddenFields` (one hidden input per value:
// FormButton, the club page's forms, FieldForm) and `useFormAction` — a FormData action run by one
// button: the fixed values become its form, the page is read again after a success only, or the
// caller's own reload runs instead (the lesson panel). useRouter is the only hook it calls.
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fail, ok, type ActionResult } from "@/lib/errors";

const refresh = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh }) }));

const { useFormAction } = await import("@/components/ui/use-form-action");
const { HiddenFields } = await import("@/components/ui/field");

describe("HiddenFields", () => {
  it("renders one hidden input per value, numbers as text", () => {
    expect(renderToStaticMarkup(h(HiddenFields, { values: { clubId: 3, intent: "leave" } }))).toBe(
      '<input type="hidden" name="clubId" value="3"/><input type="hidden" name="intent" value="leave"/>',
    );
  });
});

describe("useFormAction", () => {
  beforeEach(() => refresh.mockClear());

  it("sends the values as the action's form and refreshes the page after a success", async () => {
    const seen: Record<string, FormDataEntryValue>[] = [];
    const action = async (_prev: ActionResult<{ message: string }> | null, form: FormData) => {
      seen.push(Object.fromEntries(form));
      return ok({ message: "Материал удалён" });
    };
    const result = await useFormAction(action, { materialId: 7, intent: "detach" })();
    expect(seen).toEqual([{ materialId: "7", intent: "detach" }]);
    expect(result).toEqual(ok({ message: "Материал удалён" }));
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("leaves the page as it is after a refusal and hands the refusal back", async () => {
    const result = await useFormAction(async () => fail("FORBIDDEN", "Удалить может автор"), { entryId: 1 })();
    expect(result.ok).toBe(false);
    expect(refresh).not.toHaveBeenCalled();
  });

  it("runs the caller's reload instead of a page refresh", async () => {
    const reload = vi.fn();
    await useFormAction(async () => ok({}), { materialId: 1 }, reload)();
    expect(reload).toHaveBeenCalledTimes(1);
    expect(refresh).not.toHaveBeenCalled();
  });
});
