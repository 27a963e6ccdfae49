"use server";
// Server action of the finals page (FIN-1…FIN-4): the gate admits holders of finals.editAll /
// finals.editOwn; saveFinal then asks it again on the class × subject (authorizeFinals).
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import { fail, type ActionResult } from "@/lib/errors";
import { saveFinal, type SavedFinal } from "./commands";

export async function saveFinalAction(input: unknown): Promise<ActionResult<SavedFinal>> {
  const access = await requireAccessForAction(["finals.editAll", "finals.editOwn"]);
  if (!access.ok) return access;
  try {
    const result = await saveFinal(access.user, input);
    if (result.ok) {
      // FIN-5: the diary shows a final as soon as it is saved.
      revalidatePath("/finals");
      revalidatePath("/diary", "layout");
    }
    return result;
  } catch (error) {
    console.error("saveFinalAction", error);
    return fail("INTERNAL");
  }
}
