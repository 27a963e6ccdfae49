"use server";
// Server action of the finals page (FIN-1…FIN-4): the signed-in user, then saveFinal, which asks the
// one gate (authorizeFinals → authorize rules) for finals.editAll / finals.editOwn on the class × subject.
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { fail, type ActionResult } from "@/lib/errors";
import { saveFinal, type SavedFinal } from "./save";

export async function saveFinalAction(input: unknown): Promise<ActionResult<SavedFinal>> {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword) return fail("UNAUTHENTICATED");
  try {
    const result = await saveFinal(user, input);
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
