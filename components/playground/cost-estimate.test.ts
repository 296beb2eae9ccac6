import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CostEstimate } from "@/components/playground/cost-estimate";
import { FLUX, SEEDREAM } from "@/lib/playground-form/test-models";
import type { ApiBudget } from "@/lib/api-types";
import { queryKeys } from "@/lib/queries/query-keys";
import { definitionOf } from "@/lib/queries/use-models";
import { novaCanvas, type ModelDefinition } from "@/lib/models";

/**
 * The component as rendered with the store's first state (each model's default draft), before
 * the budget (what is left of the caps) has loaded.
 */
const shown = (model: ModelDefinition, client = new QueryClient()) =>
  renderToString(createElement(QueryClientProvider, { client }, createElement(CostEstimate, { model, task: "TEXT_IMAGE" }))).replace(
    /<!-- -->/g,
    "",
  );

/** A client whose budget says `leftUsd` is left of a daily cap of $0.20. */
function withDayCapLeft(leftUsd: number): QueryClient {
  const client = new QueryClient();
  const period = (capUsd: number | null) => ({ capUsd, ceilingUsd: null, spentUsd: 0, reservedUsd: 0, leftUsd: capUsd === null ? null : leftUsd, resetsAt: "2026-12-07T00:00:00Z" });
  const budget: ApiBudget = {
    requests: { perMinute: 50, usedLastMinute: 0, left: 50, blockedUntil: null },
    queue: { waiting: 0, inFlight: 0 },
    spend: { timeZone: "UTC", day: period(0.2), month: period(null) },
  };
  client.setQueryData(queryKeys.budget, budget);
  return client;
}

describe("CostEstimate", () => {
  it("prices one image of each model with its defaults from the model's own estimate", () => {
    expect(shown(novaCanvas)).toContain("1 × $0.12 = $0.12");
    expect(shown(definitionOf(FLUX)!)).toContain("1 × $0.0085 = $0.0085");
    expect(shown(definitionOf(SEEDREAM)!)).toContain("1 × $0.035 = $0.035");
  });

  it("shows what is left of the cap beside the price, and warns when the run does not fit", () => {
    const fits = shown(novaCanvas, withDayCapLeft(0.2));
    expect(fits).toContain("· $0.20 left today");
    expect(fits).not.toContain("over-cap-warning");
    const over = shown(novaCanvas, withDayCapLeft(0.08));
    expect(over).toContain("· $0.08 left today");
    expect(over).toContain("This run may cost up to $0.12, more than the $0.08 left of the daily cap of $0.20: it will be refused.");
    expect(over).toContain('href="/settings"');
  });
});
