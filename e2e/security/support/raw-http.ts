import http from "node:http";

/**
 * Requests a browser (and Playwright's request API) will not send: a Host header of our choosing,
 * a declared Content-Length with no body behind it, a chunked body that never ends. Node's http
 * client, one connection per request.
 */
export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Body bytes the client had written when the answer arrived. */
  bytesSent: number;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  /** Sent as is (with a Content-Length unless `headers` sets one or `chunked` is used). */
  body?: string | Buffer;
  /** Stream this many bytes in 64 KB chunks (chunked encoding) until the server answers. */
  chunkedBytes?: number;
  /** Send the headers only, whatever Content-Length says, and wait for the answer. */
  headersOnly?: boolean;
  timeoutMs?: number;
}

export function rawRequest(baseUrl: string, path: string, opts: RawRequest = {}): Promise<RawResponse> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: opts.method ?? "GET", headers: { connection: "close", ...opts.headers }, agent: false },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), bytesSent });
          req.destroy();
        });
      },
    );
    req.setTimeout(opts.timeoutMs ?? 20_000, () => req.destroy(new Error(`no answer to ${opts.method ?? "GET"} ${path} within ${opts.timeoutMs ?? 20_000} ms`)));
    req.on("error", (e) => {
      // The server may close the socket after answering while we are still writing.
      if (!answered) reject(e);
    });
    if (opts.headersOnly) {
      req.flushHeaders();
      return;
    }
    if (opts.chunkedBytes !== undefined) {
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (!answered && !req.destroyed && bytesSent < opts.chunkedBytes!) {
          bytesSent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        if (!answered && !req.destroyed) req.end();
      };
      pump();
      return;
    }
    if (opts.body !== undefined) {
      bytesSent = Buffer.byteLength(opts.body);
      req.end(opts.body);
    } else req.end();
  });
}
