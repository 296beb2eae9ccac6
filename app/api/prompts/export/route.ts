import { handleRoute } from "@/lib/http/handle-route";
import { exportPrompts } from "@/lib/prompts/prompt-service";

export const dynamic = "force-dynamic";

/** The whole prompt history as a JSON download, in the shape POST /api/prompts/import takes. */
export const GET = handleRoute(async () => {
  const day = new Date().toISOString().slice(0, 10);
  return new Response(JSON.stringify(await exportPrompts(), null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="prompt-history-${day}.json"`,
      "cache-control": "no-store",
    },
  });
});
