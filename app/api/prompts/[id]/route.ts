import { handleRoute } from "@/lib/http/handle-route";
import { removePrompt } from "@/lib/prompts/prompt-service";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** Removes one history entry (the runs and images made with its text stay). */
export const DELETE = handleRoute(async (_req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  await removePrompt(id);
  return new Response(null, { status: 204 });
});
