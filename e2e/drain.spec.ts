import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { expect, test } from "@playwright/test";
import { submitJob, textImageBody, waitForJobStatus } from "./support/api";
import { startAppServer, type AppServer } from "./support/app-server";
import { E2E, WAIT } from "./support/env";

/**
 * Issue 13, part 4: SIGTERM drains a real `node scripts/serve.mjs`. The server runs a job whose
 * poll is in flight (a proxy in front of the standalone engine holds every poll, so the tracker
 * is caught holding the job's lease) and has an open /api/events stream. After SIGTERM it exits
 * by itself, cleanly, within the 10 s a process manager gives; the stream ended with the
 * reconnect hint; the job's lease is free in the database. A second server on the same data,
 * with a lease time far beyond the test's, then finishes the job: it could only take the job
 * because the first one handed it back.
 */
const APP_PORT = E2E.ports.ownServers[7];
const PROXY_PORT = E2E.ports.ownServers[6];
/** Ten minutes: a lease not handed back would hold the job past the end of the test. */
const LEASE_MS = "600000";

/** Forwards to the standalone engine; while `holding`, job polls are kept waiting, unanswered. */
function engineProxy() {
  let holding = true;
  const held: { path: string; res: http.ServerResponse }[] = [];
  const server = http.createServer((req, res) => {
    if (holding && req.method === "GET" && req.url?.startsWith("/v1/jobs/")) {
      held.push({ path: req.url, res });
      return;
    }
    const upstream = http.request(`${E2E.engineUrl}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  return {
    url: `http://127.0.0.1:${PROXY_PORT}`,
    listen: () => new Promise<void>((resolve) => server.listen(PROXY_PORT, "127.0.0.1", resolve)),
    heldPolls: () => held.map((h) => h.path),
    passThrough() {
      holding = false;
      for (const h of held.splice(0)) h.res.destroy();
    },
    close: () => new Promise<void>((resolve) => {
      for (const h of held.splice(0)) h.res.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Everything a server-sent events response sends, until the server ends it. */
async function readToEnd(body: ReadableStream<Uint8Array>, seen: (text: string) => void): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text;
    text += decoder.decode(value, { stream: true });
    seen(text);
  }
}

test("SIGTERM with a poll in flight and an open event stream: exits by itself within 10 s, the stream gets a reconnect hint, the job's lease is handed back", async ({ request }) => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "nova-e2e-drain-"));
  const proxy = engineProxy();
  await proxy.listen();
  const env = {
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    EMPIRIOLABS_API_KEY: E2E.secretKey,
    EMPIRIOLABS_BASE_URL: proxy.url,
    JOB_LEASE_MS: LEASE_MS,
    LOG_LEVEL: "info",
  };
  const servers: AppServer[] = [];
  try {
    const first = await startAppServer({ port: APP_PORT, env, timeoutMs: WAIT.serverStart });
    servers.push(first);

    let greeted!: () => void;
    const greeting = new Promise<void>((resolve) => (greeted = resolve));
    const events = await fetch(`${first.url}/api/events`);
    expect(events.status).toBe(200);
    const streamed = readToEnd(events.body!, (text) => text.includes("\n\n") && greeted());
    await greeting;

    const job = await submitJob(request, textImageBody({ prompt: "e2e drain, a lighthouse in fog" }), first.url);
    await expect.poll(() => proxy.heldPolls().length, { message: "the tracker's first poll reached the proxy", timeout: WAIT.job }).toBeGreaterThan(0);
    expect(proxy.heldPolls().every((p) => p.startsWith("/v1/jobs/"))).toBe(true);

    first.signal("SIGTERM");
    // The drain bounds itself (serve.mjs exits at 9.5 s whatever happens, with code 1): 0 is a clean drain.
    const exit = await first.waitForExit(10_000);
    expect(exit, first.logs()).toMatchObject({ code: 0, signal: null });

    const text = await streamed;
    expect(text.startsWith("retry: 3000\n\n"), text).toBe(true);
    expect(text, "the stream's last words: a short retry, then the reconnect event").toMatch(/retry: \d+\n\nevent: reconnect\ndata: \{"reason":"shutting_down"\}\n\n$/);
    const logs = first.logs();
    expect(logs).toMatch(new RegExp(`"event":"tracker\\.leases_released","count":1,"jobIds":\\["${job.id}"\\]`));
    expect(logs).toMatch(/"event":"shutdown\.finished"/);
    expect(logs).toMatch(/"event":"server\.stopped","signal":"SIGTERM"/);

    // The database as the stopped server left it (closed cleanly, so it opens at once).
    const db = new PGlite(path.join(dataDir, "pglite"));
    try {
      const { rows } = await db.query<{ status: string; lease_owner: string | null; lease_until: string | null }>("select status, lease_owner, lease_until from jobs where id = $1", [job.id]);
      expect(rows).toEqual([{ status: expect.stringMatching(/^(queued|processing)$/), lease_owner: null, lease_until: null }]);
    } finally {
      await db.close();
    }

    proxy.passThrough();
    const second = await startAppServer({ port: APP_PORT, env, timeoutMs: WAIT.serverStart });
    servers.push(second);
    const done = await waitForJobStatus(request, job.id, ["completed"], { baseUrl: second.url, timeout: 90_000 });
    expect(done.images).toHaveLength(1);
  } finally {
    for (const server of servers) await server.kill();
    await proxy.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
