/**
 * The cost worker, started as the first thing the page's code does (main.tsx imports this module
 * first, so it runs before React and the app's modules are evaluated): the worker downloads,
 * compiles its core and answers the first scenario while the main thread is still building the
 * page, instead of after it (issue 16: on a cold load the worker started only once the whole entry
 * had been evaluated). The cost client takes it once (client.ts `defaultWorker`).
 */
let early: Worker | null = null;
try {
  if (typeof Worker !== "undefined") early = new Worker(new URL("./cost.worker.ts", import.meta.url), { type: "module", name: "cost" });
} catch {
  early = null; // the client starts its own, or falls back to this thread
}

/** The worker started at load, handed out once (later clients start their own). */
export function takeEarlyWorker(): Worker | null {
  const w = early;
  early = null;
  return w;
}
