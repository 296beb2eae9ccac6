/**
 * In-page probe for bench/mask-pointer.ts, installed with page.evaluate(installFrameProbe). It
 * times each real pointermove (sent by Playwright through Chromium's input pipeline) and the
 * frame it causes, on the page's own clock:
 *
 * - a window *capture* listener runs before React's handler: it notes the start and queues a
 *   rAF callback that runs before the one Konva's batchDraw queues during the handler;
 * - a window *bubble* listener runs after React's handler: it notes the end and queues a rAF
 *   callback that runs after Konva's draw; from there a MessageChannel message is delivered only
 *   once the rendering update of that frame (style, layout, paint, commit) has finished.
 *
 * work    = handler + (that frame's rAF callbacks + rendering update): main-thread time one move
 *           costs. Rasterising and compositing happen off the main thread and are not in it.
 * latency = event.timeStamp (when the browser created the event) → that frame committed: what a
 *           person waits for, including the wait for the next vsync.
 * Long tasks (> 50 ms, PerformanceObserver) are collected too: a pointer-up commit or an export
 * that blocks the main thread shows up there. Chromium rounds performance.now() to 0.1 ms on a
 * page that is not cross-origin isolated, so figures are good to about 0.1 ms.
 */
export interface MoveRecord {
  timeStamp: number;
  start: number;
  handlerEnd: number;
  frameStart: number;
  frameEnd: number;
}

export interface ProbeApi {
  moves: MoveRecord[];
  longTasks: { start: number; duration: number }[];
  /** Resolves once `n` moves have been painted (rejects after `timeoutMs`). */
  painted(n: number, timeoutMs: number): Promise<void>;
}

declare global {
  interface Window {
    __frameProbe?: ProbeApi;
  }
}

/** Serialised into the page by page.evaluate: self-contained, no imports. */
export function installFrameProbe(selector: string): void {
  const stage = document.querySelector(selector);
  if (!stage) throw new Error(`no ${selector} on the page`);
  const moves: MoveRecord[] = [];
  const longTasks: { start: number; duration: number }[] = [];
  let wake: (() => void) | null = null;
  const ours = (e: Event) => e instanceof PointerEvent && (e.buttons & 1) === 1 && e.target instanceof Node && stage.contains(e.target);

  new PerformanceObserver((list) => {
    for (const t of list.getEntries()) longTasks.push({ start: t.startTime, duration: t.duration });
  }).observe({ type: "longtask" });

  window.addEventListener(
    "pointermove",
    (e) => {
      if (!ours(e)) return;
      const rec: MoveRecord = { timeStamp: e.timeStamp, start: performance.now(), handlerEnd: 0, frameStart: 0, frameEnd: 0 };
      moves.push(rec);
      requestAnimationFrame(() => (rec.frameStart = performance.now()));
    },
    { capture: true },
  );
  window.addEventListener("pointermove", (e) => {
    if (!ours(e)) return;
    const rec = moves[moves.length - 1];
    rec.handlerEnd = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        rec.frameEnd = performance.now();
        wake?.();
      };
      channel.port2.postMessage(null);
    });
  });

  window.__frameProbe = {
    moves,
    longTasks,
    painted(n, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`move ${n} not painted after ${timeoutMs} ms (${moves.length} seen)`)), timeoutMs);
        const check = () => {
          if (moves.length >= n && moves[n - 1].frameEnd > 0) {
            clearTimeout(timer);
            wake = null;
            resolve();
          }
        };
        wake = check;
        check();
      });
    },
  };
}
