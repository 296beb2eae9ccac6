#!/usr/bin/env node
/**
 * The playground's HTTP server: Next.js's production request handler behind a plain node:http
 * server of our own (`npm start` runs this after building; the browser tests and benchmarks run
 * it too). Two things `next start` cannot do are done here, before Next sees a request:
 *
 * - Forwarding headers are dropped unless TRUST_PROXY says a proxy sets them. Next then fills
 *   X-Forwarded-For with the socket's address, so the app's per-address sign-in limit counts real
 *   addresses, and a client cannot choose its X-Forwarded-Host or -Proto.
 * - Slow clients are cut off: headers within 20 s, a whole request within 5 minutes (a 40 MB
 *   upload on a slow link fits), idle keep-alive sockets after 65 s.
 * - A request answered before its body was read in full closes its connection (see below).
 * - A path with invalid percent-encoding (`/api/jobs/%ff%fe`) is answered 400 here: Next decodes
 *   dynamic segments before any handler of ours runs, and answers such a path with a 500.
 *
 * It listens on HOST:PORT (127.0.0.1:3000) and refuses a non-loopback HOST without
 * PLAYGROUND_PASSWORD (DESIGN.md section 6).
 *
 * SIGTERM and SIGINT drain it, and it exits within 10 s (`drain` below): no new connections, and
 * a request that still arrives on a kept-alive one is answered 503 with `Connection: close`; then
 * the app's own shutdown runs in its order (lib/lifecycle/shutdown.ts: the queue and the tracker
 * stop claiming, event streams end with a reconnect hint, the tracker's leases are handed back,
 * the database closes); then the sockets left are closed and the process exits. Another signal
 * more than a second later exits at once.
 */
import { createServer } from "node:http";
import next from "next";

const host = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT || 3000);
const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);
if (!LOOPBACK.has(host) && !process.env.PLAYGROUND_PASSWORD) {
  console.error(`Refusing to listen on ${host}: set PLAYGROUND_PASSWORD to serve beyond this machine.`);
  process.exit(1);
}

/** Read like lib/env.ts reads it: "", "0" and "false" mean no proxy. */
const trustProxy = !["", "0", "false"].includes((process.env.TRUST_PROXY ?? "").trim().toLowerCase());
const FORWARDING = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip"];

process.env.NODE_ENV = "production";
// Before Next loads the app: this server receives the stop signals, and the app's shutdown order
// (lib/lifecycle/shutdown.ts) runs when `drain` calls it, not on the signal itself.
globalThis[Symbol.for("nova-playground.server-owns-signals")] = true;
const app = next({ dev: false, hostname: host, port, dir: process.env.NEXT_DIR || process.cwd() });
const handle = app.getRequestHandler();

let draining = false;

const server = createServer((req, res) => {
  if (draining) return refuseWhileDraining(res);
  if (!trustProxy) for (const name of FORWARDING) delete req.headers[name];
  if (!decodablePath(req.url)) return refuseMalformedPath(res);
  closeIfAnsweredEarly(req, res);
  void handle(req, res);
});

/**
 * A request answered before its body was read in full (a 413, or a route that reads no body)
 * closes its connection. Kept alive, the socket would wait behind bytes the client is still
 * sending, and the client's next request on it would never be answered.
 *
 * The close lingers: Node would destroy the socket as soon as the answer is written, and a
 * client still uploading (a 50 MB body refused by its Content-Length) then gets a reset instead
 * of the 413. So our side is ended (the answer, then FIN) and what the client still sends is
 * read and dropped, up to LINGER_BYTES or LINGER_MS, whichever comes first; then the socket goes.
 */
const LINGER_MS = 5_000;
const LINGER_BYTES = 128 * 1024 * 1024;

function closeIfAnsweredEarly(req, res) {
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    if (!req.complete) {
      this.shouldKeepAlive = false;
      lingerOnClose(req);
    }
    return writeHead.apply(this, args);
  };
}

function lingerOnClose(req) {
  const socket = req.socket;
  if (!socket || socket.lingering) return;
  socket.lingering = true;
  socket.destroySoon = function () {
    let dropped = 0;
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    socket.once("close", () => clearTimeout(timer));
    socket.on("data", (chunk) => {
      dropped += chunk.length;
      if (dropped > LINGER_BYTES) socket.destroy();
    });
    socket.once("end", () => socket.destroy());
    req.resume();
    socket.end();
  };
}

function decodablePath(url = "/") {
  try {
    decodeURIComponent(url.split("?")[0]);
    return true;
  } catch {
    return false;
  }
}

/** The app's error JSON, with the API's security headers (lib/http/security-headers.ts). */
function refuseMalformedPath(res) {
  const body = JSON.stringify({ error: { code: "invalid_request", message: "The address contains invalid percent-encoding.", fields: [] } });
  res.writeHead(400, {
    "content-type": "application/json",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
  });
  res.end(body);
}
/** Stopping: the client (or its load balancer) should try again, elsewhere. */
function refuseWhileDraining(res) {
  const body = JSON.stringify({ error: { code: "shutting_down", message: "This server is shutting down; try again.", fields: [] } });
  res.shouldKeepAlive = false;
  res.writeHead(503, {
    "content-type": "application/json",
    "retry-after": "1",
    connection: "close",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
  });
  res.end(body);
}
server.headersTimeout = 20_000;
server.requestTimeout = 5 * 60_000;
server.keepAliveTimeout = 65_000;


/** The whole drain, from the signal to the exit: a process manager's SIGKILL usually follows at 10 s. */
const EXIT_WITHIN_MS = 9_500;
/** After the app's shutdown: time for the last answers (a stream's reconnect hint) to leave. */
const FLUSH_MS = 500;

async function drain(signal) {
  const started = Date.now();
  draining = true;
  setTimeout(() => {
    logLine("error", "server.drain_overran", { signal, ms: Date.now() - started });
    process.exit(1);
  }, EXIT_WITHIN_MS).unref();
  // No new connections; idle kept-alive ones close now, busy ones once their answer is sent.
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections();
  const appShutdown = globalThis[Symbol.for("nova-playground.drain")];
  if (appShutdown) await appShutdown(signal).catch((e) => logLine("error", "server.app_shutdown_failed", { error: String(e) }));
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, FLUSH_MS))]);
  server.closeAllConnections();
  logLine("info", "server.stopped", { signal, ms: Date.now() - started });
  process.exit(0);
}

/** One JSON line on stderr, as lib/log.ts writes them (that module lives inside the app's bundle). */
function logLine(level, event, fields) {
  process.stderr.write(JSON.stringify({ t: new Date().toISOString(), level, event, ...fields }) + "\n");
}

// Taken before Next starts the app: a signal during start-up (the database may be opening) drains
// too. The same signal often comes twice at once: Ctrl-C reaches the whole process group, and
// `npm start` relays it to us as well. So a repeat within a second is that one again; a later one
// is someone who will not wait, and exits at once.
let firstSignalAt = 0;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (!draining) {
      firstSignalAt = Date.now();
      void drain(signal);
    } else if (Date.now() - firstSignalAt > 1000) {
      process.exit(1);
    }
  });
}

await app.prepare();
if (!draining) {
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const shown = host.includes(":") ? `[${host}]` : host;
  console.log(`Ready on http://${shown}:${port}`);
}
