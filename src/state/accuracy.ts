/**
 * The accuracy view's data: the reference rows and the case nearest to a scenario, answered by
 * their own worker (started on demand, so the first numbers never wait for it). Without workers
 * the same functions load in this thread.
 */
import { wrap } from "comlink";
import type { Scenario } from "../core";
import type { AccuracyApi, AccuracyRow, Nearest, OwnRuns } from "../worker/accuracyApi";

export type { AccuracyRow, Nearest, OwnRuns };

function connect(): { rows(): Promise<AccuracyRow[]>; ownRuns(): Promise<OwnRuns>; nearest(s: Scenario): Promise<Nearest | null> } {
  if (typeof Worker !== "undefined") {
    try {
      const worker = new Worker(new URL("../worker/accuracy.worker.ts", import.meta.url), { type: "module", name: "accuracy" });
      const remote = wrap<AccuracyApi>(worker);
      const failed = new Promise<never>((_, reject) => worker.addEventListener("error", () => reject(new Error("the accuracy worker failed to start"))));
      failed.catch(() => {});
      return { rows: () => Promise.race([remote.rows(), failed]), ownRuns: () => Promise.race([remote.ownRuns(), failed]), nearest: (s) => Promise.race([remote.nearest(s), failed]) };
    } catch {
      // fall through to this thread
    }
  }
  const local = import("../worker/accuracyApi").then((m) => m.accuracyApi);
  return { rows: async () => (await local).rows(), ownRuns: async () => (await local).ownRuns(), nearest: async (s) => (await local).nearest(s) };
}

let service: ReturnType<typeof connect> | null = null;

/**
 * The accuracy service, started on first use. Calls are answered in order, one at a time: ask for
 * the nearest case before the rows and it comes back first.
 */
export function accuracyService(): ReturnType<typeof connect> {
  service ??= connect();
  return service;
}
