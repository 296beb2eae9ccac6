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
  /** Body bytes the client had written when the answer arrived (or the connection ended). */
  bytesSent: number;
  /**
   * A streamed upload ended by the server closing the connection before its answer could be
   * read: a server that stops reading and answers early closes with the client's bytes unread,
   * which TCP turns into a reset (curl usually reads the answer first; Node's client may not).
   */
  reset?: boolean;
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
    req.on("error", (e: NodeJS.ErrnoException) => {
      if (answered) return;
      const cutShort = opts.chunkedBytes !== undefined && bytesSent > 0 && (e.code === "EPIPE" || e.code === "ECONNRESET");
      if (cutShort) resolve({ status: 0, headers: {}, body: "", bytesSent, reset: true });
      else reject(e);
    });
    if (opts.headersOnly) {
      req.flushHeaders();
      return;
    }
    if (opts.chunkedBytes !== undefined) {
      // One chunk per turn of the event loop, each after the previous one was handed to the
      // socket: the server's early answer is read (as curl would read it) before the next write
      // would meet a socket the server has stopped reading.
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        if (answered || req.destroyed) return;
        if (bytesSent >= opts.chunkedBytes!) return void req.end();
        bytesSent += chunk.length;
        req.write(chunk, () => setImmediate(pump));
      };
      pump();
      return;
    }
    if (opts.body !== undefined) {
      bytesSent = Buffer.byteLength(opts.body);
      // Node sends GET and DELETE bodies with neither Content-Length nor chunked framing.
      if (!req.hasHeader("content-length")) req.setHeader("content-length", bytesSent);
      req.end(opts.body);
    } else req.end();
  });
}
