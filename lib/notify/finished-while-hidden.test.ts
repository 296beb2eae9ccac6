import { describe, expect, it } from "vitest";
import type { ApiJob } from "@/lib/api-types";
import { finishedRunItem } from "@/lib/notify/finished-item";
import {
  NOTHING_UNSEEN,
  notificationText,
  reduceUnseen,
  titleWithCount,
  type FinishedItem,
  type Unseen,
} from "@/lib/notify/finished-while-hidden";

const item = (key: string, tookMs: number, extra: Partial<FinishedItem> = {}): FinishedItem => ({
  key,
  kind: "run",
  ok: true,
  tookMs,
  label: `prompt of ${key}`,
  ...extra,
});

const feed = (state: Unseen, it: FinishedItem, hidden = true) => reduceUnseen(state, { type: "finished", item: it, hidden });

describe("reduceUnseen", () => {
  it("counts a long run that ends while the tab is hidden", () => {
    const s = feed(NOTHING_UNSEEN, item("run:a", 10_001));
    expect(s.items.map((i) => i.key)).toEqual(["run:a"]);
  });

  it("ignores a run of 10 s or less, and one that ends while the tab is visible", () => {
    expect(feed(NOTHING_UNSEEN, item("run:a", 10_000))).toBe(NOTHING_UNSEEN);
    expect(feed(NOTHING_UNSEEN, item("run:a", 60_000), false)).toBe(NOTHING_UNSEEN);
  });

  it("counts an item once, however often it is reported (polling and the live stream)", () => {
    const once = feed(NOTHING_UNSEEN, item("run:a", 12_000));
    expect(feed(once, item("run:a", 12_000))).toBe(once);
    // Seen, then reported again: still not news.
    const seen = reduceUnseen(once, { type: "seen" });
    expect(feed(seen, item("run:a", 12_000))).toBe(seen);
  });

  it("counts a sweep as one item, next to runs", () => {
    let s = feed(NOTHING_UNSEEN, item("run:a", 11_000));
    s = feed(s, item("sweep:s1", 90_000, { kind: "sweep", label: "cfg × style" }));
    expect(s.items).toHaveLength(2);
  });

  it("forgets everything unseen when the tab is seen, and is unchanged when nothing was unseen", () => {
    const s = feed(feed(NOTHING_UNSEEN, item("run:a", 11_000)), item("run:b", 11_000));
    const seen = reduceUnseen(s, { type: "seen" });
    expect(seen.items).toEqual([]);
    expect(reduceUnseen(seen, { type: "seen" })).toBe(seen);
  });
});

describe("titleWithCount", () => {
  it("puts the count before the page's own title and takes it away at 0", () => {
    expect(titleWithCount("Nova Canvas Playground", 2)).toBe("(2) Nova Canvas Playground");
    expect(titleWithCount("(2) Nova Canvas Playground", 3)).toBe("(3) Nova Canvas Playground");
    expect(titleWithCount("(3) Gallery · Nova Canvas Playground", 0)).toBe("Gallery · Nova Canvas Playground");
    expect(titleWithCount("Nova Canvas Playground", 0)).toBe("Nova Canvas Playground");
  });
});

describe("notificationText", () => {
  it("names one run with its time and prompt, a failure as failed", () => {
    expect(notificationText([item("run:a", 14_200)])).toEqual({ title: "Run finished after 14 s", body: "prompt of run:a" });
    expect(notificationText([item("run:a", 12_000, { ok: false })]).title).toBe("Run failed after 12 s");
    expect(notificationText([item("sweep:s", 75_000, { kind: "sweep", label: "grid" })])).toEqual({
      title: "Sweep finished after 1 min 15 s",
      body: "grid",
    });
  });

  it("sums up several, with the newest's label", () => {
    const items = [item("run:a", 11_000), item("run:b", 11_000, { ok: false }), item("sweep:s", 11_000, { kind: "sweep", label: "grid" })];
    expect(notificationText(items)).toEqual({ title: "2 runs and 1 sweep finished (1 failed)", body: "Latest: grid" });
    expect(notificationText(items.slice(0, 1).concat(item("run:c", 11_000))).title).toBe("2 runs finished");
  });
});

describe("finishedRunItem", () => {
  const job = (patch: Partial<ApiJob>): ApiJob =>
    ({
      id: "j1",
      taskType: "TEXT_IMAGE",
      status: "completed",
      prompt: "a lighthouse at dusk",
      createdAt: "2026-12-06T10:00:00.000Z",
      completedAt: "2026-12-06T10:00:12.500Z",
      failedAt: null,
      cancelledAt: null,
      sweepId: null,
      ...patch,
    }) as ApiJob;

  it("measures a completed or failed run from its creation to its end", () => {
    expect(finishedRunItem(job({}))).toEqual({ key: "run:j1", kind: "run", ok: true, tookMs: 12_500, label: "a lighthouse at dusk" });
    const failed = finishedRunItem(job({ status: "failed", completedAt: null, failedAt: "2026-12-06T10:00:20.000Z" }));
    expect(failed).toMatchObject({ ok: false, tookMs: 20_000 });
  });

  it("names a run without a prompt by its task", () => {
    expect(finishedRunItem(job({ prompt: null, taskType: "BACKGROUND_REMOVAL" }))?.label).toBe("Background removal");
  });

  it("leaves out runs still going, cancelled ones and a sweep's cells", () => {
    expect(finishedRunItem(job({ status: "processing", completedAt: null }))).toBeNull();
    expect(finishedRunItem(job({ status: "cancelled", completedAt: null, cancelledAt: "2026-12-06T10:00:30.000Z" }))).toBeNull();
    expect(finishedRunItem(job({ sweepId: "s1" }))).toBeNull();
  });
});
