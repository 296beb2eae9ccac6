import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { JobDisk } from "@/lib/emulator/job-disk";
import { sha256Hex } from "@/lib/emulator/job-record";
import { JobStore, type EngineJob } from "@/lib/emulator/job-store";
import type { InputImages } from "@/lib/emulator/prepare-inputs";
import { canonicalJson } from "@/lib/emulator/prng";
import type { GenerationRequest } from "@/lib/models";

/** The engine's job folder: write → a new instance loads the same jobs; expiry, damage, sharing. */
const RETENTION_MS = 60_000;
let dir: string;
let warnings: string[];
const warn = (line: string) => warnings.push(line);
const open = (now = Date.now()) => JobDisk.open(dir, RETENTION_MS, now, warn);

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "nova-engine-disk-"));
  warnings = [];
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function makeJob(inputs: InputImages = {}, over: Partial<EngineJob> = {}): EngineJob {
  const request = { task_type: "IMAGE_VARIATION", text: "a fox", seed: 7, number_of_images: 2 } as unknown as GenerationRequest;
  const withoutSeed: Record<string, unknown> = { ...request };
  delete withoutSeed.seed;
  return {
    id: JobStore.newId(),
    createdAt: Date.now(),
    durationMs: 5000,
    render: { request, inputs, requestKey: canonicalJson(withoutSeed), seed: 7, width: 1024, height: 1024 },
    numberOfImages: 2,
    outcome: { kind: "completed", indices: [0, 1] },
    faults: { poll429: 1, retry_after: 2 },
    polls: 3,
    ...over,
  };
}

const files = async (sub: string) => (await readdir(path.join(dir, sub))).sort();
const modeOf = async (p: string) => (await stat(p)).mode & 0o777;

describe("JobDisk", () => {
  it("writes a job with its inputs, and a new instance loads the same job", async () => {
    const a = randomBytes(2000);
    const b = randomBytes(3000);
    const job = makeJob({ image: a, images: [a, b], mask_image: b }, { maskIndex: 2, outcome: { kind: "failed", error: { code: "x", message: "y" } } });
    const first = await open();
    await first.disk.save(job);
    expect(await files("jobs")).toEqual([`${job.id}.json`]);
    expect(await files("inputs")).toEqual([sha256Hex(a), sha256Hex(b)].sort());

    const second = await open();
    expect(second.jobs).toHaveLength(1);
    // Everything but the poll counter, which starts again (README).
    expect(second.jobs[0]).toEqual({ ...job, polls: 0 });
    expect(warnings).toEqual([]);
  });

  it("keeps the folders 0700 and the files 0600", async () => {
    const { disk } = await open();
    await disk.save(makeJob({ image: randomBytes(100) }));
    for (const d of [dir, path.join(dir, "jobs"), path.join(dir, "inputs")]) expect(await modeOf(d), d).toBe(0o700);
    const written = [path.join(dir, "url-signing.key"), ...(await files("jobs")).map((f) => path.join(dir, "jobs", f)), ...(await files("inputs")).map((f) => path.join(dir, "inputs", f))];
    expect(written).toHaveLength(3);
    for (const f of written) expect(await modeOf(f), f).toBe(0o600);
  });

  it("keeps the signing secret across instances, and replaces a damaged one with a log line", async () => {
    const first = await open();
    expect(first.secret).toHaveLength(32);
    expect((await open()).secret.equals(first.secret)).toBe(true);
    expect(warnings).toEqual([]);

    await writeFile(path.join(dir, "url-signing.key"), "short");
    const replaced = await open();
    expect(replaced.secret).toHaveLength(32);
    expect(replaced.secret.equals(first.secret)).toBe(false);
    expect(warnings).toHaveLength(1);
    expect((await open()).secret.equals(replaced.secret)).toBe(true);
  });

  it("stores an input shared by jobs once and deletes it with the last job that uses it", async () => {
    const shared = randomBytes(1000);
    const own = randomBytes(1000);
    const store = new JobStore(RETENTION_MS, () => {}, (await open()).disk);
    const old = makeJob({ image: shared, reference_image: own }, { createdAt: Date.now() - 10 * RETENTION_MS });
    const young = makeJob({ images: [shared, shared] });
    await store.add(old);
    await store.add(young);
    expect(await files("inputs")).toEqual([sha256Hex(shared), sha256Hex(own)].sort());

    // The old job is past its retention: a read (after the once-a-second sweep interval) sweeps it.
    expect(store.get(old.id, Date.now() + 2000)).toBeUndefined();
    await store.settled();
    expect(await files("jobs")).toEqual([`${young.id}.json`]);
    expect(await files("inputs")).toEqual([sha256Hex(shared)]);

    const reloaded = await open(Date.now() + 10 * RETENTION_MS);
    expect(reloaded.jobs).toEqual([]);
    expect(await files("jobs")).toEqual([]);
    expect(await files("inputs")).toEqual([]);
  });

  it("writes an input again for a job that arrives during or after the deletion of its last user", async () => {
    const shared = randomBytes(1000);
    const { disk } = await open();
    const first = makeJob({ image: shared });
    await disk.save(first);
    disk.remove(first);
    const second = makeJob({ image: shared });
    await disk.save(second);
    await disk.settled();
    expect(await files("inputs")).toEqual([sha256Hex(shared)]);

    disk.remove(second);
    await disk.settled();
    expect(await files("inputs")).toEqual([]);
    const third = makeJob({ image: shared });
    await disk.save(third);
    expect(await files("inputs")).toEqual([sha256Hex(shared)]);
    expect((await open()).jobs.map((j) => j.id)).toEqual([third.id]);
  });

  it("skips a damaged job file with one log line each and loads the others", async () => {
    const input = randomBytes(500);
    const { disk } = await open();
    const good = makeJob({ image: input });
    const lostInput = makeJob({ mask_image: randomBytes(500) });
    const altered = makeJob();
    for (const j of [good, lostInput, altered]) await disk.save(j);
    const jobsDir = path.join(dir, "jobs");
    await writeFile(path.join(jobsDir, "job_000000000000000000000001.json"), '{"version":1,"id":"job_0');
    await writeFile(path.join(jobsDir, "job_000000000000000000000002.json"), "");
    await rm(path.join(dir, "inputs", sha256Hex(lostInput.render.inputs.mask_image!)));
    const alteredFile = path.join(jobsDir, `${altered.id}.json`);
    await writeFile(alteredFile, (await readFile(alteredFile, "utf8")).replace('"text":"a fox"', '"text":"a cat"'));

    const loaded = await open();
    expect(loaded.jobs.map((j) => j.id)).toEqual([good.id]);
    expect(loaded.jobs[0].render.inputs.image!.equals(input)).toBe(true);
    expect(warnings).toHaveLength(4);
    for (const w of warnings) expect(w).toMatch(/^\[engine\] skipped .*\.json: /);
    expect(warnings.join("\n")).toContain("is missing or damaged");
    expect(warnings.join("\n")).toContain("requestKey does not match");
  });

  it("sweeps the temp files a crash left mid-write, and inputs no job uses", async () => {
    const { disk } = await open();
    await disk.save(makeJob({ image: randomBytes(100) }));
    const orphan = randomBytes(100);
    await writeFile(path.join(dir, "inputs", sha256Hex(orphan)), orphan);
    await writeFile(path.join(dir, "jobs", `.job_x.json.${"a1".repeat(6)}.tmp`), "{");
    await writeFile(path.join(dir, "inputs", `.${"f".repeat(64)}.${"0b".repeat(6)}.tmp`), "x");

    expect((await open()).jobs).toHaveLength(1);
    expect(await files("jobs")).toHaveLength(1);
    expect(await files("inputs")).toHaveLength(1);
    expect(await files("inputs")).not.toContain(sha256Hex(orphan));
  });
});
