"use server";
// «Доска объявлений» (MSG-3): posting and removing announcements. Parse → gate (board.post;
// a class announcement also needs the class inside the poster's scope) → write → e-mail copies
// after the response (only a fixed text and a link).
import { after } from "next/server";
import { revalidatePath } from "next/cache";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { requireAccessForAction } from "@/lib/access/guard";
import { refuseOutOfScope, storedScopeCheck } from "@/lib/access/stored";
import { idSchema, parseAnnouncementForm } from "./schema";
import { deleteAnnouncement } from "./mutations";
import { postAnnouncement } from "./commands";

export async function postAnnouncementAction(
  _prev: ActionResult<{ id: number }> | null,
  form: FormData,
): Promise<ActionResult<{ id: number }>> {
  const parsed = parseAnnouncementForm(form);
  if (!parsed.ok) return fail("INVALID_INPUT", parsed.message, parsed.fieldErrors);
  const input = parsed.data;
  const access = await requireAccessForAction(
    "board.post",
    input.audience === "CLASS" && input.classId !== null ? { kind: "class", classId: input.classId } : undefined,
  );
  if (!access.ok) return access;
  const result = await postAnnouncement(access.user, input, { schedule: (task) => after(task) });
  if (!result.ok) return result;
  revalidatePath("/board");
  revalidatePath("/");
  return result;
}

const OVERSEERS = ["ADMIN", "DIRECTOR", "DEPUTY"] as const;

export async function deleteAnnouncementAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const id = idSchema.safeParse(form.get("id"));
  if (!id.success) return fail("INVALID_INPUT");
  const access = await requireAccessForAction("board.post");
  if (!access.ok) return access;
  const { user } = access;
  const anyAuthor = OVERSEERS.some((r) => user.roles.includes(r));
  const done = await refuseOutOfScope(() =>
    deleteAnnouncement(user.organisationId, id.data, user.id, anyAuthor, storedScopeCheck(user, "board.post")),
  );
  if (done !== true) return done === false ? fail("NOT_FOUND") : done;
  revalidatePath("/board");
  revalidatePath("/");
  return ok(undefined);
}
