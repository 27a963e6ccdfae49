// API-1: the students whose diary the caller reads — a parent's children, or the student self (diary.view).
import { authorizeApi, apiRoute } from "@/lib/api/gate";
import { childrenOf } from "@/lib/api/family/loaders";
import { json } from "@/lib/api/request";
import { childrenSchema } from "@/lib/api/schema";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request: Request) => {
  const gate = await authorizeApi(request, "diary.view");
  if (!gate.ok) return gate.response;
  return json(childrenSchema, { items: await childrenOf(gate.user) });
});
