/**
 * The cost worker, started by the page's first code (boot.ts imports this module first, before
 * React and the app's modules have even been fetched): it is sent the page's address at once and
 * answers with the first scenario's headline already written out (worker/first.ts), which boot.ts
 * paints into the static shell in index.html (issue 16). The cost client then takes the same
 * worker once (client.ts `defaultWorker`) for everything else.
 *
 * Imports nothing that brings the codec or the core: this runs in the page's first chunk.
 */
import { FIRST_KEY, type FirstAsk, type FirstPaint } from "./firstMessage";

let early: Worker | null = null;
/** The early worker reported an error (its script did not load) before the client took it. */
let failed = false;
let first: Promise<FirstPaint | null> = Promise.resolve(null);
try {
  if (typeof Worker !== "undefined") {
    const w = new Worker(new URL("./cost.worker.ts", import.meta.url), { type: "module", name: "cost" });
    early = w;
    // React now loads after the first answer, so a worker that failed to load has failed before the
    // client could listen: the client must not take it (it would wait out its timeout)
    w.addEventListener("error", () => (failed = true));
    first = new Promise((resolve) => {
      const done = (answer: FirstPaint | null) => {
        w.removeEventListener("message", onMessage);
        w.removeEventListener("error", onError);
        resolve(answer);
      };
      const onMessage = (e: MessageEvent) => {
        if (e.data && typeof e.data === "object" && FIRST_KEY in e.data) done((e.data as Record<string, FirstPaint | null>)[FIRST_KEY] ?? null);
      };
      const onError = () => done(null); // the client starts its own, or falls back to this thread
      w.addEventListener("message", onMessage);
      w.addEventListener("error", onError);
    });
    const ask: FirstAsk = { search: location.search, hash: location.hash };
    w.postMessage({ [FIRST_KEY]: ask });
  }
} catch {
  early = null;
  first = Promise.resolve(null);
}

/** The worker started at load, handed out once (later clients start their own); null if it already failed. */
export function takeEarlyWorker(): Worker | null {
  const w = early;
  early = null;
  if (w && failed) {
    w.terminate();
    return null;
  }
  return w;
}

/** The worker's answer to the page's address: the first headline, or null (not a plain link, or no worker). */
export function firstAnswer(): Promise<FirstPaint | null> {
  return first;
}
