"use server";
// Server actions of the school resources catalogue (LRN-4), resources.edit only.
import { firstIssue } from "@/lib/schema";
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import { visibleToSchema } from "@/lib/documents/schema";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { createResource, deleteResource, updateResource, type ResourceFields } from "./mutations";
import { resourceId, resourceSchema } from "./schema";

type Result = ActionResult<{ message: string }>;

function fields(data: FormData): { ok: true; value: ResourceFields } | { ok: false; result: Result } {
  const parsed = resourceSchema.safeParse({
    title: data.get("title") ?? "",
    url: data.get("url") ?? undefined,
    description: data.get("description") ?? undefined,
    category: data.get("category") ?? undefined,
    sortOrder: data.get("sortOrder") ?? undefined,
  });
  if (!parsed.success) return { ok: false, result: fail("INVALID_INPUT", firstIssue(parsed.error)) };
  const roles = visibleToSchema.safeParse(data.getAll("visibleTo"));
  if (!roles.success) return { ok: false, result: fail("INVALID_INPUT", firstIssue(roles.error)) };
  if (roles.data.length === 0) return { ok: false, result: fail("INVALID_INPUT", "Отметьте, кто видит ресурс") };
  return { ok: true, value: { ...parsed.data, visibleTo: roles.data } };
}

/** Adds a resource, or saves one (resourceId), or removes one (intent=delete). */
export async function saveResourceAction(_prev: Result | null, data: FormData): Promise<Result> {
  const gate = await requireAccessForAction("resources.edit");
  if (!gate.ok) return gate;
  if (!(data instanceof FormData)) return fail("INVALID_INPUT");
  const org = gate.user.organisationId;
  const rawId = data.get("resourceId");
  const id = rawId ? resourceId.safeParse(rawId) : null;
  if (id && !id.success) return fail("INVALID_INPUT", firstIssue(id.error));
  if (data.get("intent") === "delete") {
    if (!id) return fail("INVALID_INPUT", "Не указан ресурс");
    if (!(await deleteResource(org, id.data!))) return fail("NOT_FOUND", "Ресурс не найден");
    revalidatePath("/resources");
    return ok({ message: "Ресурс удалён" });
  }
  const f = fields(data);
  if (!f.ok) return f.result;
  if (id) {
    if (!(await updateResource(org, id.data!, f.value))) return fail("NOT_FOUND", "Ресурс не найден");
  } else await createResource(org, gate.user.id, f.value, new Date());
  revalidatePath("/resources");
  return ok({ message: id ? "Ресурс сохранён" : "Ресурс добавлен" });
}
