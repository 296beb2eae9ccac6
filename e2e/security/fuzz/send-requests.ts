/**
 * Sends fuzz requests exactly as generated (node:http, no URL normalisation, raw bytes), a few at
 * a time over kept-alive connections, and records each answer. A request with a header node:http
 * will not write (control characters, CR or LF in a value) goes out over a socket of its own,
 * byte for byte, so the server's HTTP layer meets it as an attacker would send it.
 */
import http from "node:http";
import net from "node:net";
import type { FuzzRequest } from "./generate-requests";

export interface FuzzAnswer {
  status: number;
  /** The first few KB of the response body. */
  body: string;
  /** The body was longer than what was kept. */
  truncated?: boolean;
  /** Sent over a raw socket (a header node:http refuses to write). */
  raw?: boolean;
  /** Set when no HTTP answer came (connection reset, no answer at all). */
  error?: string;
  /**
   * The request sent before this one on the same kept-alive connection: a connection the server
   * left in a bad state fails the next request on it, so that one is the likelier culprit.
   */
  previousOnConnection?: number;
}

const KEEP = 4096;
/** Bounds a hung request so the run ends and reports it; not a speed expectation. */
const NO_ANSWER_MS = 60_000;

type LastSent = WeakMap<object, number>;

function sendOne(agent: http.Agent, baseUrl: string, req: FuzzRequest, lastSent: LastSent): Promise<FuzzAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const headers: Record<string, string> = { ...req.headers };
    if (req.body && !req.chunked) headers["content-length"] = String(req.body.length);
    let out: http.ClientRequest;
    try {
      // maxHeaderSize: read long answers as a browser would (a redirect to sign-in echoes a
      // 16 KB query in its Location; node's own 16 KB limit would call that no answer).
      out = http.request({ agent, hostname, port, method: req.method, path: req.path, headers, timeout: NO_ANSWER_MS, maxHeaderSize: 256 * 1024 });
    } catch {
      // A header value node:http will not write (ERR_INVALID_CHAR): send the bytes ourselves.
      void sendRaw(baseUrl, req).then(resolve);
      return;
    }
    let previousOnConnection: number | undefined;
    out.on("socket", (socket) => {
      previousOnConnection = lastSent.get(socket);
      lastSent.set(socket, req.index);
    });
    out.on("response", (res) => {
      if (String(res.headers["content-type"]).startsWith("text/event-stream")) {
        // A live stream (GET /api/events) never ends: its first chunk is the answer, and the
        // connection is dropped as a closed tab would drop it.
        const answered = (body: string) => {
          resolve({ status: res.statusCode ?? 0, body });
          out.destroy();
        };
        res.once("data", (c: Buffer) => answered(c.toString("utf8").slice(0, KEEP)));
        // HEAD: no body ever comes.
        res.once("end", () => answered(""));
        return;
      }
      const chunks: Buffer[] = [];
      let kept = 0;
      res.on("data", (c: Buffer) => {
        if (kept < KEEP) chunks.push(c);
        kept += c.length;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8").slice(0, KEEP), truncated: kept > KEEP }));
      res.on("error", (e) => resolve({ status: res.statusCode ?? 0, body: "", error: `response broke off: ${e.message}` }));
    });
    out.on("timeout", () => out.destroy(new Error(`no answer within ${NO_ANSWER_MS / 1000} s`)));
    out.on("error", (e) => resolve({ status: 0, body: "", error: e.message, previousOnConnection }));
    if (req.body && req.chunked) {
      for (let at = 0; at < req.body.length; at += 16_384) out.write(req.body.subarray(at, at + 16_384));
      out.end();
    } else {
      out.end(req.body);
    }
  });
}

/** What node:http refuses to write in a header value (its checkInvalidHeaderChar). */
const UNWRITABLE = /[^\t\x20-\x7e\x80-\xff]/;

export function needsRawSocket(req: FuzzRequest): boolean {
  return Object.values(req.headers).some((v) => UNWRITABLE.test(v));
}

/**
 * One request written byte for byte on a connection of its own (Connection: close), headers as
 * latin1 (one byte per character), and the answer read until the server closes: its status and
 * the start of its body (de-chunked). An HTTP layer that refuses the request answers 400 or 431
 * with no body, or closes without an answer (reported as such).
 */
export function sendRaw(baseUrl: string, req: FuzzRequest): Promise<FuzzAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const lines = [`${req.method} ${req.path} HTTP/1.1`, `host: ${req.headers.host ?? `${hostname}:${port}`}`];
    for (const [k, v] of Object.entries(req.headers)) if (k !== "host") lines.push(`${k}: ${v}`);
    if (req.body) lines.push(`content-length: ${req.body.length}`);
    lines.push("connection: close", "", "");
    const head = Buffer.from(lines.join("\r\n"), "latin1");
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (answer: FuzzAnswer) => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve({ ...answer, raw: true });
    };
    const socket = net.connect({ host: hostname, port: Number(port) }, () => {
      socket.write(head);
      if (req.body) socket.write(req.body);
    });
    socket.setTimeout(NO_ANSWER_MS, () => finish({ status: 0, body: "", error: `no answer within ${NO_ANSWER_MS / 1000} s` }));
    socket.on("data", (c: Buffer) => {
      chunks.push(c);
      // A live stream never closes: once its head and first chunk are in, that is the answer.
      const answer = parseRawAnswer(Buffer.concat(chunks));
      if (answer && answer.status === 200 && answer.body.length > 0 && /\r\ncontent-type: text\/event-stream/i.test(Buffer.concat(chunks).toString("latin1"))) finish(answer);
    });
    socket.on("error", (e) => finish(parseRawAnswer(Buffer.concat(chunks)) ?? { status: 0, body: "", error: e.message }));
    socket.on("close", () => finish(parseRawAnswer(Buffer.concat(chunks)) ?? { status: 0, body: "", error: "connection closed without an answer" }));
  });
}

function parseRawAnswer(bytes: Buffer): FuzzAnswer | null {
  const end = bytes.indexOf("\r\n\r\n");
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(bytes.subarray(0, 20).toString("latin1"));
  if (end < 0 || !status) return null;
  const head = bytes.subarray(0, end).toString("latin1");
  let body = bytes.subarray(end + 4);
  if (/^transfer-encoding:\s*chunked/im.test(head)) {
    const parts: Buffer[] = [];
    let at = 0;
    for (;;) {
      const lineEnd = body.indexOf("\r\n", at);
      const size = lineEnd < 0 ? NaN : parseInt(body.subarray(at, lineEnd).toString("latin1"), 16);
      if (!(size > 0)) break;
      parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
    body = Buffer.concat(parts);
  }
  return { status: Number(status[1]), body: body.toString("utf8").slice(0, KEEP), truncated: body.length > KEEP };
}

/** Sends every request with `concurrency` in flight; answers come back in request order. */
export async function sendAll(baseUrl: string, requests: FuzzRequest[], concurrency: number): Promise<FuzzAnswer[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const answers: FuzzAnswer[] = new Array(requests.length);
  const lastSent: LastSent = new WeakMap();
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const i = next++;
      answers[i] = needsRawSocket(requests[i]) ? await sendRaw(baseUrl, requests[i]) : await sendOne(agent, baseUrl, requests[i], lastSent);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
  return answers;
}
