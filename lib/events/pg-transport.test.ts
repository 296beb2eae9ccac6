import { randomUUID } from "node:crypto";
import net, { type AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RequestBudget } from "@/lib/budget/request-budget";
import { jobs } from "@/lib/db/schema";
import { loadApiJobs } from "@/lib/jobs/api-jobs";
import { insertTestJob } from "@/lib/testing/db-fixtures";
import { dialects, type TestDatabase } from "@/lib/testing/test-databases";
import { EventBus, type BusEvent } from "./event-bus";
import { parseEventId } from "./event-id";
import { backoffDelay, EVENTS_CHANNEL, MAX_PAYLOAD_BYTES, parsePayload, PgTransport, toPayloads, type PgTransportOptions } from "./pg-transport";
import type { ChangeNotice, HeardNotice } from "./transport";

/**
 * The LISTEN/NOTIFY transport on a real PostgreSQL server, with several transports on one
 * database standing for several instances. Nothing here waits for time to pass: each step waits
 * for what it expects to hear (Inbox.until), with a timeout that only bounds a failure.
 */
class Inbox<T> {
  readonly items: T[] = [];
  private readonly checks = new Set<() => void>();

  push = (item: T): void => {
    this.items.push(item);
    for (const check of [...this.checks]) check();
  };

  until(what: string, holds: (items: T[]) => boolean, ms = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!holds(this.items)) return;
        done();
        resolve();
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.items)}`));
      }, ms);
      const done = () => {
        clearTimeout(timer);
        this.checks.delete(check);
      };
      this.checks.add(check);
      check();
    });
  }
}

type LogLine = { level: string; event: string; fields?: Record<string, unknown> };

const postgres = dialects.find((d) => d.dialect === "postgres")!;
let database: TestDatabase;
let url: string;
let budget: RequestBudget;

beforeAll(async () => {
  database = await postgres.create();
  url = database.databaseUrl!;
  budget = new RequestBudget(database.db, { perMinute: 50 });
});
afterAll(async () => {
  await database?.close();
});

const opened: { close(): unknown }[] = [];
afterEach(async () => {
  for (const item of opened.splice(0).reverse()) await item.close();
});

function transport(opts: Partial<PgTransportOptions> = {}) {
  const logs = new Inbox<LogLine>();
  const name = `events-test-${randomUUID().slice(0, 8)}`;
  const t = new PgTransport({
    databaseUrl: url,
    applicationName: name,
    reconnectMs: { first: 10, max: 100 },
    log: (level, event, fields) => logs.push({ level, event, fields }),
    ...opts,
  });
  opened.push(t);
  return { t, logs, name };
}

/** A listener's inbox; resolved once the transport listens (every LISTEN first says resync). */
async function hear(t: PgTransport): Promise<Inbox<HeardNotice>> {
  const inbox = new Inbox<HeardNotice>();
  t.listen(inbox.push);
  await inbox.until("LISTEN", (items) => resyncs(items) === 1);
  return inbox;
}

const resyncs = (items: HeardNotice[]) => items.filter((n) => n.kind === "resync").length;
const notices = (items: HeardNotice[]) => items.filter((n): n is ChangeNotice => n.kind !== "resync");
const hasNotice = (n: ChangeNotice) => (items: HeardNotice[]) => items.some((i) => JSON.stringify(i) === JSON.stringify(n));
const jobNotice = (): ChangeNotice => ({ kind: "job", jobId: randomUUID() });

/** A bus over a transport, loading jobs from the test database as the app does. */
function bus(t: PgTransport) {
  const b = new EventBus({ transport: t, loadJobs: (ids) => loadApiJobs(database.db, ids, () => budget.status()) });
  opened.push(b);
  const seen = new Inbox<BusEvent>();
  b.subscribe(null, seen.push);
  return { bus: b, seen };
}

const resets = (events: BusEvent[]) => events.filter((e) => e.event.type === "reset").length;
const jobViews = (events: BusEvent[], id: string) => events.flatMap((e) => (e.event.type === "job" && e.event.job.id === id ? [e.event.job.status] : []));

const viaProxy = (port: number) => Object.assign(new URL(url), { port: String(port) }).toString();

async function sql(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

describe("PostgreSQL event transport", () => {
  it("a run submitted on A and completed by C's tracker reaches B's clients live, as B loads it", async () => {
    const [a, b, c] = [bus(transport().t), bus(transport().t), bus(transport().t)];
    // Subscribed before LISTEN: each bus's first resync is a reset its client sees.
    await Promise.all([a, b, c].map(({ seen }) => seen.until("LISTEN", (e) => resets(e) === 1)));

    const job = await insertTestJob(database.db, { status: "queued" });
    a.bus.jobChanged(job.id);
    await b.seen.until("the queued run on B", (e) => jobViews(e, job.id).includes("queued"));

    await database.db.update(jobs).set({ status: "completed", progress: 1, completedAt: new Date() }).where(eq(jobs.id, job.id));
    c.bus.jobChanged(job.id);
    await b.seen.until("the completed run on B", (e) => jobViews(e, job.id).includes("completed"));
    await a.seen.until("the completed run on A", (e) => jobViews(e, job.id).includes("completed"));

    expect(jobViews(b.seen.items, job.id)).toEqual(["queued", "completed"]);
    expect(jobViews(a.seen.items, job.id)).toEqual(["queued", "completed"]);
    const onB = b.seen.items.find((e) => e.event.type === "job" && e.event.job.status === "completed");
    expect(onB?.event).toMatchObject({ type: "job", job: { id: job.id, progress: 1, prompt: job.prompt } });
    expect(parseEventId(onB!.id)).toEqual({ epoch: b.bus.epoch, seq: 3 }); // B's own numbering: reset, queued, completed
  });

  it("delivers a sender's notices in order, and each once: its own at once, never again when heard back", async () => {
    const a = transport();
    const b = transport();
    const [heardA, heardB] = await Promise.all([hear(a.t), hear(b.t)]);
    const sent: ChangeNotice[] = Array.from({ length: 300 }, (_, i) =>
      i % 3 === 0 ? jobNotice() : i % 3 === 1 ? { kind: "sweep", sweepId: randomUUID() } : { kind: "queue" },
    );
    // Three bursts, the later ones while a NOTIFY is under way; 14 kB in all, so split too.
    for (const part of [sent.slice(0, 20), sent.slice(20, 150), sent.slice(150)]) {
      for (const n of part) a.t.send(n);
      await null;
    }
    expect(notices(heardA.items)).toEqual(sent);

    await heardB.until("all 300 on B", (items) => notices(items).length >= sent.length);
    expect(notices(heardB.items)).toEqual(sent);

    // A's NOTIFYs committed before B's marker, so A heard them back before it: and dropped them.
    await a.t.flushed();
    const marker = jobNotice();
    b.t.send(marker);
    await heardA.until("B's marker on A", hasNotice(marker));
    expect(notices(heardA.items)).toEqual([...sent, marker]);
    expect(notices(heardB.items)).toEqual([...sent, marker]);
  });

  it("drops what is not a well-formed notice, with a log line, and delivers what follows", async () => {
    const b = transport();
    const heard = await hear(b.t);
    const malformed = [
      "not json",
      "{}",
      '{"from":"other","notices":[]}',
      '{"from":"other","notices":[{"kind":"job"}]}',
      '{"from":"other","notices":[{"kind":"job","jobId":"1; drop table jobs"}]}',
      '{"from":"other","notices":[{"kind":"resync"}]}',
      '{"from":"other","notices":[{"kind":"reset"}]}',
    ];
    // A notice this version does not know costs that notice, not the ones beside it.
    const [good, alsoGood] = [jobNotice(), jobNotice()];
    const mixed = JSON.stringify({ from: "other", notices: [good, { kind: "image", imageId: randomUUID() }, alsoGood] });
    for (const payload of [...malformed, mixed]) await sql("select pg_notify($1, $2)", [EVENTS_CHANNEL, payload]);
    await heard.until("the good notices", hasNotice(alsoGood));
    expect(heard.items).toEqual([{ kind: "resync" }, good, alsoGood]);
    const logged = b.logs.items.filter((l) => l.event === "events.notice_malformed");
    // Not a payload (no JSON, no envelope, no notices): all of it; a bad notice in a payload: 1.
    expect(logged.map((l) => l.fields?.dropped)).toEqual(["all", "all", "all", 1, 1, 1, 1, 1]);
    // The log names the size, never the payload.
    expect(JSON.stringify(b.logs.items)).not.toContain("drop table");
  });

  it("reopens a killed LISTEN connection, and the bus has its clients read everything again", async () => {
    const a = transport();
    const b = transport();
    const onB = bus(b.t);
    await onB.seen.until("LISTEN", (e) => resets(e) === 1);

    const killed = await sql("select pg_terminate_backend(pid) as ok from pg_stat_activity where application_name = $1", [`${b.name}:listen`]);
    expect(killed).toEqual([{ ok: true }]);
    await b.logs.until("the loss logged", (l) => l.some((x) => x.event === "events.listen_lost"));
    await onB.seen.until("a reset after LISTEN again", (e) => resets(e) === 2);

    const job = await insertTestJob(database.db, { status: "queued" });
    a.t.send({ kind: "job", jobId: job.id });
    await onB.seen.until("a notice heard on the new connection", (e) => jobViews(e, job.id).length === 1);
    expect(onB.seen.items.map((e) => e.event.type)).toEqual(["reset", "reset", "job"]);
  });

  it("replaces a connection that stops answering (the heartbeat), and retries a refused one with a capped backoff", async () => {
    const proxy = await startProxy(new URL(url).port);
    opened.push(proxy);
    const p = transport({ databaseUrl: viaProxy(proxy.port), heartbeatMs: 20, heartbeatTimeoutMs: 300, reconnectMs: { first: 4, max: 32 } });
    const heard = await hear(p.t);

    proxy.freeze();
    await heard.until("LISTEN again after the silence", (items) => resyncs(items) > 1);
    expect(p.logs.items.find((l) => l.event === "events.listen_lost")?.fields?.error).toMatchObject({ message: "Query read timeout" });

    proxy.refuse(true);
    proxy.freeze(); // the working connection goes silent too, and every new one is refused
    await p.logs.until("six refusals", (l) => l.filter((x) => x.event === "events.listen_failed").length >= 6);
    const before = resyncs(heard.items);
    proxy.refuse(false);
    await heard.until("LISTEN once the server is back", (items) => resyncs(items) > before);
    const waits = p.logs.items.filter((l) => l.event === "events.listen_failed").map((l) => l.fields!.retryInMs as number);
    // The first loss waits 4 ms at most; each failure after it doubles the ceiling, up to 32 ms.
    for (const [i, ceiling] of [8, 16, 32, 32, 32].entries()) {
      expect(waits[i]).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
      expect(waits[i]).toBeLessThanOrEqual(ceiling);
    }

    const after = jobNotice();
    transport().t.send(after);
    await heard.until("a notice through the new connection", hasNotice(after));
  });

  it("close() does not wait for a server that went silent", async () => {
    const proxy = await startProxy(new URL(url).port);
    opened.push(proxy);
    const p = transport({ databaseUrl: viaProxy(proxy.port) });
    await hear(p.t);
    p.t.send(jobNotice()); // the notify pool's connection too
    await p.t.flushed();
    proxy.freeze();
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("close() still waiting after 5 s")), 5000)));
    await Promise.race([p.t.close(), bound]).finally(() => clearTimeout(timer));
  });

  it("close(): what was sent still goes out, nothing more is delivered or sent", async () => {
    const a = transport();
    const b = transport();
    const heardA = await hear(a.t);
    const heardB = await hear(b.t);
    const last = jobNotice();
    a.t.send(last);
    await a.t.close();
    await heardB.until("the notice sent just before close", hasNotice(last));

    const ignored = jobNotice();
    a.t.send(ignored);
    const fromB = jobNotice();
    b.t.send(fromB);
    await heardB.until("B's own", hasNotice(fromB));
    await b.t.flushed();
    // A's LISTEN connection is gone: nothing of B's reached it, nor of its own send after close.
    expect(notices(heardA.items)).toEqual([last]);
    expect(notices(heardB.items)).toEqual([last, fromB]);
    expect(a.logs.items.filter((l) => l.level !== "info")).toEqual([]);
  });
});

describe("payloads and backoff", () => {
  it("splits a burst into payloads under NOTIFY's limit, in order, that read back as sent", () => {
    const sent = Array.from({ length: 500 }, jobNotice);
    const payloads = toPayloads("me", sent);
    expect(payloads.length).toBeGreaterThan(1);
    for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThan(MAX_PAYLOAD_BYTES);
    expect(payloads.flatMap((p) => parsePayload(p)!.notices)).toEqual(sent);
    expect(toPayloads("me", [])).toEqual([]);
  });

  it("doubles the wait per failure up to the cap, the upper half of it at random", () => {
    const range = { first: 250, max: 10_000 };
    expect([0, 1, 2, 5, 6, 50].map((f) => backoffDelay(f, range, () => 1))).toEqual([250, 500, 1000, 8000, 10_000, 10_000]);
    expect([0, 6].map((f) => backoffDelay(f, range, () => 0))).toEqual([125, 5000]);
  });
});

/**
 * A TCP proxy to the test server: `freeze()` stops forwarding on the connections open now (a peer
 * gone silent, as behind a NAT that dropped it), `refuse()` closes new ones at once.
 */
async function startProxy(targetPort: string) {
  let refusing = false;
  const open = new Set<net.Socket>();
  const pairs = new Set<[net.Socket, net.Socket]>();
  const server = net.createServer((inbound) => {
    open.add(inbound);
    if (refusing) return void inbound.destroy();
    const outbound = net.connect(Number(targetPort), "127.0.0.1");
    open.add(outbound);
    const pair: [net.Socket, net.Socket] = [inbound, outbound];
    pairs.add(pair);
    inbound.pipe(outbound);
    outbound.pipe(inbound);
    for (const s of pair) {
      s.on("error", () => {});
      s.on("close", () => {
        pairs.delete(pair);
        inbound.destroy();
        outbound.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    refuse(on: boolean) {
      refusing = on;
    },
    freeze() {
      for (const [inbound, outbound] of pairs) {
        inbound.unpipe(outbound);
        outbound.unpipe(inbound);
        inbound.pause();
        outbound.pause();
      }
      pairs.clear();
    },
    async close() {
      for (const s of open) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
