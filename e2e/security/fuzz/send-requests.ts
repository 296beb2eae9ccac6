/**
 * Sends fuzz requests exactly as generated (node:http, no URL normalisation, raw bytes), a few at
 * a time over kept-alive connections, and records each answer.
 */
import http from "node:http";
import type { FuzzRequest } from "./generate-requests";

export interface FuzzAnswer {
  status: number;
  /** The first few KB of the response body. */
  body: string;
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
    } catch (e) {
      // node:http refuses to send some requests at all (a header it cannot encode): not the server's fault.
      resolve({ status: 0, body: "", error: `not sendable: ${(e as Error).message}` });
      return;
    }
    let previousOnConnection: number | undefined;
    out.on("socket", (socket) => {
      previousOnConnection = lastSent.get(socket);
      lastSent.set(socket, req.index);
    });
    out.on("response", (res) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      res.on("data", (c: Buffer) => {
        if (kept < KEEP) chunks.push(c);
        kept += c.length;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8").slice(0, KEEP) }));
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

/** Sends every request with `concurrency` in flight; answers come back in request order. */
export async function sendAll(baseUrl: string, requests: FuzzRequest[], concurrency: number): Promise<FuzzAnswer[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const answers: FuzzAnswer[] = new Array(requests.length);
  const lastSent: LastSent = new WeakMap();
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const i = next++;
      answers[i] = await sendOne(agent, baseUrl, requests[i], lastSent);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
  return answers;
}
