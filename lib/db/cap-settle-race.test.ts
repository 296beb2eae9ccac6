import { expect, it } from "vitest";
import { closeHold } from "@/lib/db/ledger-queries";
import { novaCanvas } from "@/lib/models";
import { emptyTables } from "@/lib/testing/db-fixtures";
import { openInstances } from "@/lib/testing/instances";
import { forEachDialect } from "@/lib/testing/test-databases";
import { periodsAt } from "@/lib/time/zoned-periods";
import { admitRun, type AdmitInput } from "./run-admission";

/**
 * A run settling while others are admitted must not open room under a cap. Settling does not
 * take the admission lock, so admission has to read spent and held in one snapshot: read in two
 * statements, a settle committing between them was counted as neither, and two instances
 * admitted a ninth $0.12 run under a $1.00 cap (found by e2e/cluster.spec.ts).
 *
 * Each round: eight runs hold $0.96 of a $1.00 day; one of them settles at its $0.12 from one
 * instance while five more runs ask from others. Whatever the order, all five must be refused.
 * Many rounds, because the bug needs the settle to land inside one admission's read.
 */
const NOW = new Date("2026-05-20T12:00:00Z");
const PERIODS = periodsAt(NOW, "UTC");
const COST = 120_000;
const CAPS = { dayMicros: 1_000_000, monthMicros: null };
const ROUNDS = 40;

const run = (prompt: string): AdmitInput => ({
  row: { model: novaCanvas.id, taskType: "TEXT_IMAGE", params: { task_type: "TEXT_IMAGE", prompt }, prompt, imagesRequested: 1, estimatedCostMicros: COST },
  links: [],
  caps: CAPS,
  periods: PERIODS,
  now: NOW,
});

forEachDialect("a settle racing admissions", (t) => {
  it(`never lets a ninth $0.12 run under a $1.00 cap (${ROUNDS} rounds)`, async () => {
    const instances = await openInstances(t.database, 6);
    try {
      const overbooked: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        await emptyTables(t.db, ["spend_ledger", "jobs"]);
        const held = [];
        for (let i = 0; i < 8; i++) held.push(await admitRun(t.db, run(`held ${i}`)));
        const first = held[0];
        if (first.kind !== "admitted") throw new Error(`setup: ${first.kind}`);
        const settle = closeHold(instances.at(0), first.job.id, { kind: "settle", amountMicros: COST, images: 1, now: NOW });
        const asks = Array.from({ length: 5 }, (_, i) => admitRun(instances.at(i + 1), run(`late ${i}`)));
        const [, ...answers] = await Promise.all([settle, ...asks]);
        const admitted = answers.filter((a) => a.kind === "admitted").length;
        if (admitted > 0) overbooked.push(round);
      }
      expect(overbooked, "rounds in which a run was admitted past the cap").toEqual([]);
    } finally {
      await instances.close();
    }
  });
});
