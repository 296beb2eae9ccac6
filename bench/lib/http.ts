import http from "node:http";
export { freePort } from "@/lib/testing/free-port";

/**
 * A small HTTP client on node:http with keep-alive agents: cheaper per request than fetch, so
 * the load generator disturbs the servers it measures as little as possible on a small machine.
 */
export interface HttpResult {
  status: number;
  text: string;
  json: unknown;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  agent?: http.Agent;
  timeoutMs?: number;
}

export function keepAliveAgent(maxSockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets });
}

export function request(url: string, opts: RequestOptions = {}): Promise<HttpResult> {
  const payload = opts.body === undefined ? undefined : Buffer.from(JSON.stringify(opts.body));
  const headers: Record<string, string> = { accept: "application/json", ...opts.headers };
  if (payload) {
    headers["content-type"] = "application/json";
    headers["content-length"] = String(payload.length);
  }
  const timeoutMs = opts.timeoutMs ?? 30_000;
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? "GET", headers, agent: opts.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json: unknown = undefined;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          // not JSON; callers look at status and text
        }
        resolve({ status: res.statusCode ?? 0, text, json });
      });
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${opts.method ?? "GET"} ${url} timed out after ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end(payload);
  });
}


export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
