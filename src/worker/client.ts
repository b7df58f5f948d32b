/**
 * The page's way to the core: a Web Worker when one starts, else the same functions in this
 * thread. Answers to superseded requests are dropped (latest wins), so a slow answer for an old
 * slider position never overwrites a newer one.
 */
import { wrap, releaseProxy, type Remote } from "comlink";
import type { ScenarioInput } from "../core";
import type { PinnedAnalysis } from "./pinned";
import type { Analysis, CostApi, FrontierAnswer, Headline } from "./protocol";
import { takeEarlyWorker } from "./early";

export type Evaluator = "worker" | "main-thread";

export interface Answer {
  analysis: Analysis;
  evaluator: Evaluator;
}

export interface CostClient {
  /** Analyse `input`; resolves to undefined when a newer request was made meanwhile. */
  analyseLatest(input: ScenarioInput): Promise<Answer | undefined>;
  /** The latency–cost frontier for `input`; undefined when a newer frontier request was made meanwhile. */
  frontierLatest(input: ScenarioInput): Promise<FrontierAnswer | null | undefined>;
  /** Reports for inputs one control move away (answers to older calls are still delivered: each adds to the page's table). */
  reports(inputs: ScenarioInput[]): Promise<(Headline | null)[]>;
  /** Analyse the pinned scenario A of a comparison; undefined when a newer A was asked for meanwhile. */
  pinnedLatest(input: ScenarioInput): Promise<PinnedAnalysis | undefined>;
  dispose(): void;
}

export interface ClientOptions {
  /** Starts the worker; return null (or throw) when workers are unavailable. */
  createWorker?: () => Worker | null;
  /** Loads the in-thread implementation (a separate chunk, fetched only when needed). */
  loadFallback?: () => Promise<CostApi>;
  /** Give up on a worker answer after this long and fall back (ms). */
  timeoutMs?: number;
}

function defaultWorker(): Worker | null {
  if (typeof Worker === "undefined") return null;
  return takeEarlyWorker() ?? new Worker(new URL("./cost.worker.ts", import.meta.url), { type: "module", name: "cost" });
}

const defaultFallback = () => import("./api").then((m) => m.costApi);

export function createCostClient(options: ClientOptions = {}): CostClient {
  const { createWorker = defaultWorker, loadFallback = defaultFallback, timeoutMs = 15_000 } = options;

  let worker: Worker | null = null;
  let remote: Remote<CostApi> | null = null;
  /** Rejects when the worker reports an error (e.g. its script failed to load). */
  let broken: Promise<never> = new Promise(() => {});
  try {
    worker = createWorker();
    if (worker) {
      const w = worker;
      broken = new Promise<never>((_, reject) => {
        w.addEventListener("error", (e) => reject(new Error(`worker error: ${e.message ?? "failed to start"}`)));
        w.addEventListener("messageerror", () => reject(new Error("worker message error")));
      });
      broken.catch(() => {}); // handled where raced
      remote = wrap<CostApi>(w);
    }
  } catch {
    worker = null;
    remote = null;
  }

  let local: Promise<CostApi> | null = null;
  const getLocal = () => (local ??= loadFallback());

  function abandonWorker() {
    if (remote) remote[releaseProxy]();
    worker?.terminate();
    worker = null;
    remote = null;
  }

  async function call(input: ScenarioInput): Promise<Answer> {
    if (remote) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error("worker timed out")), timeoutMs);
        });
        const analysis = await Promise.race([remote.analyse(input), broken, timeout]);
        return { analysis, evaluator: "worker" };
      } catch {
        abandonWorker(); // and answer from this thread below
      } finally {
        clearTimeout(timer);
      }
    }
    const api = await getLocal();
    return { analysis: api.analyse(input), evaluator: "main-thread" };
  }

  async function callFrontier(input: ScenarioInput): Promise<FrontierAnswer | null> {
    if (remote) {
      try {
        return await Promise.race([remote.frontier(input), broken]);
      } catch {
        abandonWorker();
      }
    }
    return (await getLocal()).frontier(input);
  }

  let latest = 0;
  let latestPinned = 0;
  async function callPinned(input: ScenarioInput): Promise<PinnedAnalysis> {
    if (remote) {
      try {
        // A worker without analysePinned rejects the call; either way this thread answers below.
        return await Promise.race([(remote as unknown as Remote<Required<CostApi>>).analysePinned(input), broken]);
      } catch {
        // an older worker or a broken one: answer from this thread
      }
    }
    const api = await getLocal();
    return api.analysePinned ? api.analysePinned(input) : (await import("./pinned")).analysePinned(input);
  }
  let latestFrontier = 0;
  return {
    async reports(inputs) {
      if (remote) {
        try {
          return await Promise.race([remote.reports(inputs), broken]);
        } catch {
          // the analysis call notices a broken worker and falls back; this thread answers meanwhile
        }
      }
      return (await getLocal()).reports(inputs);
    },
    async frontierLatest(input) {
      const id = ++latestFrontier;
      const answer = await callFrontier(input);
      return id === latestFrontier ? answer : undefined;
    },
    async analyseLatest(input) {
      const id = ++latest;
      const answer = await call(input);
      return id === latest ? answer : undefined;
    },
    async pinnedLatest(input) {
      const id = ++latestPinned;
      const answer = await callPinned(input);
      return id === latestPinned ? answer : undefined;
    },
    dispose: abandonWorker,
  };
}
