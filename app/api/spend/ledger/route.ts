import { handleRoute } from "@/lib/http/handle-route";
import { exportLedgerCsv } from "@/lib/spend/spend-service";

export const dynamic = "force-dynamic";

/** The spend ledger as a CSV download (Settings page). */
export const GET = handleRoute(async () => {
  const day = new Date().toISOString().slice(0, 10);
  return new Response(await exportLedgerCsv(), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="spend-ledger-${day}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
