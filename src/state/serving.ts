/**
 * The serving section's state: the scenario's `serving` block lives in the calculator store's
 * input (so the share link and saved scenarios carry it); this module holds the simulation and
 * capacity-plan answers, and runs them in their own workers (started only when the page first
 * simulates traffic). Latest wins: a new input stops a simulation still running (its worker is
 * terminated, not waited for), so a slider never queues behind one.
 */
import { createStore } from "zustand/vanilla";
import { useStore } from "zustand";
import { proxy, wrap } from "comlink";
import type { ScenarioInput, ServingInput } from "../core";
import type { PlanAnswer, PlanRowLite, RunAnswer, ServingApi } from "../worker/servingApi";
import { calculatorStore, type CalculatorStore } from "./store";

export type { PlanAnswer, PlanRowLite, RunAnswer };

/** The block "Simulate traffic" adds: ShareGPT-shaped chat at 10 requests/s, a common chat SLO (500 ms TTFT, 50 ms TPOT at p99). */
export const DEFAULT_SERVING: ServingInput = { requestRate: 10, dataset: "sharegpt", slo: { ttftS: 0.5, tpotS: 0.05, percentile: 99 } };

/** Wait after an input change before simulating (ms): a drag sends tens of changes a second. */
export const SERVING_DEBOUNCE_MS = 120;
/** A job slower than a frame shows its progress (ms). */
export const SLOW_AFTER_MS = 16;

export interface Job<T> {
  status: "idle" | "running" | "done" | "error";
  /** 0–1 while running. */
  progress: number;
  /** Running for longer than a frame: show that it is working. */
  slow: boolean;
  answer: T | null;
  problems: string[];
  /** The input the answer is for. */
  input: ScenarioInput | null;
}

export interface ServingState {
  sim: Job<Extract<RunAnswer, { ok: true }>>;
  plan: Job<Extract<PlanAnswer, { ok: true }>>;
}

const idle = <T>(): Job<T> => ({ status: "idle", progress: 0, slow: false, answer: null, problems: [], input: null });

export const servingStore = createStore<ServingState>()(() => ({ sim: idle(), plan: idle() }));

export function useServing<T>(selector: (s: ServingState) => T): T {
  return useStore(servingStore, selector);
}

/** One worker that can be stopped mid-job. */
export interface Engine {
  run(input: ScenarioInput, onProgress: (done: number, total: number) => void): Promise<RunAnswer>;
  plan(input: ScenarioInput, onProgress: (done: number, total: number) => void): Promise<PlanAnswer>;
  /** Stop the job in flight (its promise never settles) so the next starts at once. */
  cancel(): void;
}

export function createEngine(name: string): Engine {
  if (typeof Worker !== "undefined") {
    let worker: Worker | null = null;
    let remote: ReturnType<typeof wrap<ServingApi>> | null = null;
    let failed: Promise<never> | null = null;
    let busy = 0;
    const ensure = () => {
      if (!worker) {
        worker = new Worker(new URL("../worker/serving.worker.ts", import.meta.url), { type: "module", name });
        remote = wrap<ServingApi>(worker);
        const w = worker;
        failed = new Promise<never>((_, reject) => w.addEventListener("error", () => reject(new Error("the serving worker failed to start"))));
        failed.catch(() => {});
      }
      return { remote: remote!, failed: failed! };
    };
    const call = async <T>(f: (r: ReturnType<typeof wrap<ServingApi>>) => Promise<T>): Promise<T> => {
      const { remote: r, failed: fail } = ensure();
      busy++;
      try {
        return await Promise.race([f(r), fail]);
      } finally {
        busy--;
      }
    };
    return {
      run: (input, onProgress) => call<RunAnswer>((r) => r.run(input, proxy(onProgress))),
      plan: (input, onProgress) => call<PlanAnswer>((r) => r.plan(input, proxy(onProgress))),
      cancel() {
        if (busy > 0 && worker) {
          worker.terminate();
          worker = null;
          remote = null;
          busy = 0;
        }
      },
    };
  }
  // No workers (tests): the same functions in this thread.
  const local = import("../worker/servingApi").then((m) => m.servingApi);
  return {
    run: async (input, onProgress) => (await local).run(input, onProgress),
    plan: async (input, onProgress) => (await local).plan(input, onProgress),
    cancel() {},
  };
}

/** What a serving answer depends on: the whole input (model, hardware, precision and mode shape the replica). */
const keyOf = (input: ScenarioInput) => JSON.stringify(input);

/**
 * Simulate the input's serving block whenever the input changes (debounced, latest wins), until
 * the returned function is called. Without a serving block the answer is cleared.
 */
export function startServing(store: CalculatorStore = calculatorStore, engine: Engine = createEngine("serving"), debounceMs = SERVING_DEBOUNCE_MS): () => void {
  let gen = 0;
  let lastKey = "";
  let timer: ReturnType<typeof setTimeout> | undefined;
  let slowTimer: ReturnType<typeof setTimeout> | undefined;
  const set = (patch: Partial<ServingState["sim"]>) => servingStore.setState((s) => ({ sim: { ...s.sim, ...patch } }));

  const request = (input: ScenarioInput) => {
    const key = input.serving ? keyOf(input) : "";
    if (key === lastKey) return;
    lastKey = key;
    const my = ++gen;
    clearTimeout(timer);
    clearTimeout(slowTimer);
    engine.cancel();
    if (!input.serving) {
      servingStore.setState({ sim: idle() });
      return;
    }
    set({ status: "running", progress: 0, slow: false, problems: [] });
    timer = setTimeout(() => {
      slowTimer = setTimeout(() => my === gen && set({ slow: true }), SLOW_AFTER_MS);
      engine
        .run(input, (d, t) => {
          if (my === gen) set({ progress: t > 0 ? d / t : 0 });
        })
        .then(
          (ans) => {
            if (my !== gen) return;
            clearTimeout(slowTimer);
            if (ans.ok) set({ status: "done", slow: false, progress: 1, answer: ans, problems: [], input });
            else set({ status: "error", slow: false, answer: null, problems: ans.problems, input });
          },
          (e: unknown) => {
            if (my !== gen) return;
            clearTimeout(slowTimer);
            set({ status: "error", slow: false, answer: null, problems: [e instanceof Error ? e.message : String(e)], input });
          },
        );
    }, debounceMs);
  };

  request(store.getState().input);
  const unsubscribe = store.subscribe((s) => s.input, request);
  return () => {
    gen++;
    clearTimeout(timer);
    clearTimeout(slowTimer);
    engine.cancel();
    unsubscribe();
  };
}

let planEngine: Engine | null = null;
let planGen = 0;

/** Run the capacity plan for the current input in its own worker (a second press restarts it). */
export function runCapacityPlan(store: CalculatorStore = calculatorStore, engine?: Engine): Promise<void> {
  const eng = engine ?? (planEngine ??= createEngine("capacity-plan"));
  eng.cancel();
  const my = ++planGen;
  const input = store.getState().input;
  const set = (patch: Partial<ServingState["plan"]>) => servingStore.setState((s) => ({ plan: { ...s.plan, ...patch } }));
  set({ status: "running", progress: 0, slow: false, problems: [], input });
  const slowTimer = setTimeout(() => my === planGen && set({ slow: true }), SLOW_AFTER_MS);
  return eng
    .plan(input, (d, t) => {
      if (my === planGen) set({ progress: t > 0 ? d / t : 0 });
    })
    .then(
      (ans) => {
        if (my !== planGen) return;
        if (ans.ok) set({ status: "done", slow: false, progress: 1, answer: ans, problems: [] });
        else set({ status: "error", slow: false, answer: null, problems: ans.problems });
      },
      (e: unknown) => {
        if (my === planGen) set({ status: "error", slow: false, answer: null, problems: [e instanceof Error ? e.message : String(e)] });
      },
    )
    .finally(() => clearTimeout(slowTimer));
}

// ---------------------------------------------------------------------------------------------
// Editing the serving block (pure: input in, input out).

type Serving = ServingInput;

/** The input with one plan row's deployment: its hardware preset and chips per replica, precision, replicas. */
export function inputForPlanRow(input: ScenarioInput, row: Pick<PlanRowLite, "hardware" | "chipsPerReplica" | "precision" | "replicas">): ScenarioInput {
  return {
    ...input,
    hardware: { preset: row.hardware, chips: row.chipsPerReplica },
    precision: { ...(input.precision ?? {}), weights: row.precision.weights, kvCache: row.precision.kvCache, activations: row.precision.activations },
    serving: { ...(input.serving ?? DEFAULT_SERVING), replicas: row.replicas },
  };
}

/** Switch between an open loop at `rate` requests/s and a closed loop of `clients` (arrivals only apply to the open loop). */
export function withLoad(s: Serving, load: { kind: "rate"; value: number } | { kind: "concurrency"; value: number }): Serving {
  const { requestRate: _r, concurrency: _c, ...rest } = s;
  if (load.kind === "rate") return { ...rest, requestRate: load.value };
  const { arrival: _a, burstiness: _b, ...closed } = rest;
  return { ...closed, concurrency: Math.max(1, Math.round(load.value)) };
}

/** A named length shape (undefined: the workload panel's fixed lengths); its overrides are dropped. */
export function withDataset(s: Serving, dataset: string | undefined): Serving {
  const { dataset: _d, promptTokens: _p, outputTokens: _o, ...rest } = s;
  return dataset === undefined ? rest : { ...rest, dataset };
}

/** A mean length over the shape (whole tokens where the lengths are fixed). */
export function withMean(s: Serving, which: "promptTokens" | "outputTokens", mean: number, fixed: boolean): Serving {
  return { ...s, [which]: { ...(s[which] ?? {}), mean: fixed ? Math.max(1, Math.round(mean)) : mean } };
}

export function withScheduler(s: Serving, patch: Partial<NonNullable<Serving["scheduler"]>>): Serving {
  return { ...s, scheduler: { ...(s.scheduler ?? {}), ...patch } };
}

/** An SLO field; removing both limits removes the SLO. */
export function withSlo(s: Serving, patch: Partial<NonNullable<Serving["slo"]>>): Serving {
  const slo = Object.fromEntries(Object.entries({ ...(s.slo ?? {}), ...patch }).filter(([, v]) => v !== undefined)) as NonNullable<Serving["slo"]>;
  const { slo: _s, ...rest } = s;
  return slo.ttftS === undefined && slo.tpotS === undefined ? rest : { ...rest, slo };
}

/** Prefix caching on (hit rate 0–1, shared prefix in tokens) or off (undefined). */
export function withPrefixCache(s: Serving, pc: { hitRate: number; sharedPrefixTokens: number } | undefined): Serving {
  const { prefixCache: _p, ...rest } = s;
  return pc === undefined ? rest : { ...rest, prefixCache: pc };
}

type Disagg = NonNullable<Serving["disaggregated"]>;

/** Disaggregated pools on (the replica count moves into the pools) or off (back to one co-located pool). */
export function withDisaggregated(s: Serving, d: Disagg | undefined): Serving {
  const { disaggregated: _d, replicas, ...rest } = s;
  if (d === undefined) return { ...rest, ...(s.disaggregated ? {} : replicas !== undefined ? { replicas } : {}) };
  return { ...rest, disaggregated: d };
}

/** One pool's field (hardware, chips, replicas, precision); undefined drops it (the scenario's own). */
export function withPool(s: Serving, pool: "prefill" | "decode", patch: Partial<NonNullable<Disagg["prefill"]>>): Serving {
  const d = s.disaggregated ?? {};
  const next = Object.fromEntries(Object.entries({ ...(d[pool] ?? {}), ...patch }).filter(([, v]) => v !== undefined));
  return { ...s, disaggregated: { ...d, [pool]: next } };
}

/** The input with the disaggregated plan's layout: both pools' hardware, chips, precision and replicas. */
export function inputForSplit(
  input: ScenarioInput,
  split: { prefill: { hardware: string; chipsPerReplica: number; replicas: number; precision: string }; decode: { hardware: string; chipsPerReplica: number; replicas: number; precision: string }; layerwise: boolean },
): ScenarioInput {
  const pool = (p: typeof split.prefill) => ({ hardware: p.hardware, chips: p.chipsPerReplica, replicas: p.replicas, ...(["bf16", "fp16", "fp8", "int8"].includes(p.precision) ? { precision: p.precision as "bf16" } : {}) });
  const serving = withDisaggregated(input.serving ?? DEFAULT_SERVING, { prefill: pool(split.prefill), decode: pool(split.decode), layerwiseTransfer: split.layerwise });
  return { ...input, serving };
}

/** A host-memory KV tier on (capacity per replica in bytes, optional link bytes/s per chip) or off. */
export function withHostKv(s: Serving, hk: Serving["hostKv"] | undefined): Serving {
  const { hostKv: _h, ...rest } = s;
  return hk === undefined ? rest : { ...rest, hostKv: hk };
}
