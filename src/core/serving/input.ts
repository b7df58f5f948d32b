/**
 * The scenario's `serving` block (shared/CONTRACT.md, "Serving"): validated and resolved with its
 * defaults, ready for the traffic simulator. Nothing here simulates; it only says what was asked.
 *
 * Every field has a type and a range (core/limits.ts); an unknown field, a value out of range,
 * both `requestRate` and `concurrency`, or a field that does not apply to the choice it sits
 * beside (a `cv` on fixed lengths, `burstiness` without gamma arrivals) is an error naming the
 * field, never silently ignored.
 *
 * Defaults (the contract's, plus the two it leaves open, marked *):
 * - requests 2000, the first 10 % warm-up; arrival "poisson"; burstiness 1 (gamma only);
 * - seed 1*; replicas 1;
 * - lengths fixed at workload.promptTokens / outputTokens; a log-normal's min 1 and max the
 *   model's window (left undefined here: the simulator knows the model);
 * - scheduler: 256 sequences, 8,192 batched tokens, chunked prefill on;
 * - no SLO; an SLO without a percentile uses the 99th*.
 * The load has no default: a serving block gives requestRate or concurrency.
 */
import { block, bool, check, oneOf, ranged, valueAt, type Schema } from "../fields";
import { WORKLOADS } from "./workloads";
import { HARDWARE_PRESETS } from "../hardware/presets";
import type { FieldIssue } from "../types";

export const ARRIVALS = ["poisson", "uniform", "gamma"] as const;
export type Arrival = (typeof ARRIVALS)[number];
export const LENGTH_DISTS = ["fixed", "uniform", "lognormal"] as const;
export type LengthDist = (typeof LENGTH_DISTS)[number];
/** Named request-length shapes (serving/workloads.ts holds their figures and sources). */
export const DATASETS = WORKLOADS.map((w) => w.id) as unknown as readonly [string, ...string[]];
export type Dataset = string;
/** Precisions a disaggregated pool may run at (weights, KV cache and activations alike). */
export const POOL_PRECISIONS = ["bf16", "fp16", "fp8", "int8"] as const;
export type PoolPrecision = (typeof POOL_PRECISIONS)[number];
export const HARDWARE_IDS = HARDWARE_PRESETS.map((h) => h.id) as unknown as readonly [string, ...string[]];

/** One pool of a disaggregated deployment as given (left out: the scenario's hardware, chips, precision; 1 replica). */
export interface PoolInput {
  hardware?: string;
  chips?: number;
  replicas?: number;
  precision?: PoolPrecision;
}

/** A resolved pool: `hardware`, `chips` and `precision` undefined mean the scenario's own. */
export interface Pool {
  hardware?: string;
  chips?: number;
  replicas: number;
  precision?: PoolPrecision;
}

/** One length distribution as given. */
export interface LengthInput {
  dist?: LengthDist;
  mean?: number;
  cv?: number;
  min?: number;
  max?: number;
}

export interface ServingInput {
  requestRate?: number;
  concurrency?: number;
  arrival?: Arrival;
  burstiness?: number;
  requests?: number;
  seed?: number;
  promptTokens?: LengthInput;
  outputTokens?: LengthInput;
  dataset?: Dataset;
  replicas?: number;
  scheduler?: { maxSequences?: number; maxBatchedTokens?: number; chunkedPrefill?: boolean };
  slo?: { ttftS?: number; tpotS?: number; percentile?: number };
  /** Beyond the contract (issue 17): a shared prompt prefix found in the KV cache by a share of requests. */
  prefixCache?: { hitRate?: number; sharedPrefixTokens?: number };
  /** Beyond the contract (issue 17): prefill and decode on separate pools, the KV cache sent between them. */
  disaggregated?: { prefill?: PoolInput; decode?: PoolInput; layerwiseTransfer?: boolean };
  /** Beyond the contract (issue 17): a host-memory tier for preempted sequences' KV cache. */
  hostKv?: { capacityBytes?: number; bandwidth?: number };
}

/** A complete length distribution (tokens). A log-normal's `max` undefined = the model's window. */
export type LengthSpec =
  | { dist: "fixed"; mean: number }
  | { dist: "uniform"; min: number; max: number }
  | { dist: "lognormal"; mean: number; cv: number; min: number; max?: number };

interface ServingCommon {
  /** Open loop (requests/s arriving) or closed loop (clients, each sending when its last completes). */
  load: { kind: "rate"; requestRate: number } | { kind: "concurrency"; concurrency: number };
  /** Open loop only (null in closed loop). */
  arrival: Arrival | null;
  /** Gamma arrivals only: coefficient of variation of inter-arrival times (null otherwise). */
  burstiness: number | null;
  requests: number;
  seed: number;
  replicas: number;
  scheduler: { maxSequences: number; maxBatchedTokens: number; chunkedPrefill: boolean };
  /** Null: no SLO. A limit left out does not constrain. */
  slo: { ttftS?: number; tpotS?: number; percentile: number } | null;
  /** Null: no prefix caching. */
  prefixCache: { hitRate: number; sharedPrefixTokens: number } | null;
  /** Null: prefill and decode share each replica (co-located). `layerwiseTransfer` null: the engine's way. */
  disaggregated: { prefill: Pool; decode: Pool; layerwiseTransfer: boolean | null } | null;
  /** Null: no host tier. `bandwidth` null: the hardware preset's host link (serving/hostLink.ts), bytes/s per chip one way. */
  hostKv: { capacityBytes: number; bandwidth: number | null } | null;
}

/**
 * The resolved serving block. Without a dataset the lengths are complete; with one, they hold
 * only the fields given, which override the dataset's shape.
 */
export type Serving = ServingCommon &
  (
    | { dataset?: undefined; promptTokens: LengthSpec; outputTokens: LengthSpec }
    | { dataset: Dataset; promptTokens: LengthInput; outputTokens: LengthInput }
  );

export const SERVING_DEFAULTS = {
  arrival: "poisson",
  burstiness: 1,
  requests: 2000,
  seed: 1,
  replicas: 1,
  scheduler: { maxSequences: 256, maxBatchedTokens: 8192, chunkedPrefill: true },
  sloPercentile: 99,
  lengthMin: 1,
} as const;

const LENGTH = block(
  {
    dist: oneOf(LENGTH_DISTS),
    mean: ranged("serving.length.mean"),
    cv: ranged("serving.length.cv"),
    min: ranged("serving.length.min"),
    max: ranged("serving.length.max"),
  },
  "an object like {\"dist\": \"lognormal\", \"mean\": 1024, \"cv\": 0.8}",
);

const POOL = block(
  {
    hardware: oneOf(HARDWARE_IDS),
    chips: ranged("serving.disaggregated.chips"),
    replicas: ranged("serving.disaggregated.replicas"),
    precision: oneOf(POOL_PRECISIONS),
  },
  "an object like {\"hardware\": \"h100-sxm\", \"chips\": 4, \"replicas\": 2}",
);

export const SERVING_SCHEMA: Schema = block(
  {
    requestRate: ranged("serving.requestRate"),
    concurrency: ranged("serving.concurrency"),
    arrival: oneOf(ARRIVALS),
    burstiness: ranged("serving.burstiness"),
    requests: ranged("serving.requests"),
    seed: ranged("serving.seed"),
    promptTokens: LENGTH,
    outputTokens: LENGTH,
    dataset: oneOf(DATASETS),
    replicas: ranged("serving.replicas"),
    scheduler: block({
      maxSequences: ranged("serving.scheduler.maxSequences"),
      maxBatchedTokens: ranged("serving.scheduler.maxBatchedTokens"),
      chunkedPrefill: bool,
    }),
    slo: block({
      ttftS: ranged("serving.slo.ttftS"),
      tpotS: ranged("serving.slo.tpotS"),
      percentile: ranged("serving.slo.percentile"),
    }),
    prefixCache: block(
      {
        hitRate: ranged("serving.prefixCache.hitRate"),
        sharedPrefixTokens: ranged("serving.prefixCache.sharedPrefixTokens"),
      },
      "an object like {\"hitRate\": 0.8, \"sharedPrefixTokens\": 1024}",
    ),
    hostKv: block(
      { capacityBytes: ranged("serving.hostKv.capacityBytes"), bandwidth: ranged("serving.hostKv.bandwidth") },
      "an object like {\"capacityBytes\": 500e9}",
    ),
    disaggregated: block(
      { prefill: POOL, decode: POOL, layerwiseTransfer: bool },
      "an object like {\"prefill\": {\"replicas\": 2}, \"decode\": {\"replicas\": 1}}",
    ),
  },
  "an object like {\"requestRate\": 8}",
);

/** Whether the raw block has this field at all (valid or not: an invalid one is already reported). */
function given(raw: unknown, ...path: string[]): boolean {
  return valueAt(raw, path) !== undefined;
}

/** Which length fields each distribution takes (required, then optional). */
const LENGTH_FIELDS: Record<LengthDist, { required: (keyof LengthInput)[]; optional: (keyof LengthInput)[] }> = {
  fixed: { required: ["mean"], optional: [] },
  uniform: { required: ["min", "max"], optional: [] },
  lognormal: { required: ["mean", "cv"], optional: ["min", "max"] },
};

function resolveLength(given: LengthInput | undefined, fallback: number, path: string, issues: FieldIssue[]): LengthSpec | undefined {
  if (given === undefined) return { dist: "fixed", mean: fallback };
  const dist = given.dist ?? "fixed";
  const { required, optional } = LENGTH_FIELDS[dist];
  let ok = true;
  for (const k of ["mean", "cv", "min", "max"] as const) {
    if (given[k] === undefined || required.includes(k) || optional.includes(k)) continue;
    issues.push({ path: `${path}.${k}`, message: `does not apply to dist "${dist}" (it takes ${[...required, ...optional].join(", ")})` });
    ok = false;
  }
  const missing = required.filter((k) => given[k] === undefined && !(dist === "fixed" && k === "mean"));
  if (missing.length) {
    issues.push({ path, message: `dist "${dist}" needs ${missing.join(" and ")}` });
    ok = false;
  }
  if (given.min !== undefined && given.max !== undefined && given.min > given.max) {
    issues.push({ path: `${path}.max`, message: `must be at least min (${given.min}) (got ${given.max})` });
    ok = false;
  }
  if (dist === "fixed" && given.mean !== undefined && !Number.isInteger(given.mean)) {
    issues.push({ path: `${path}.mean`, message: `a fixed length must be a whole number of tokens (got ${given.mean})` });
    ok = false;
  }
  if (!ok) return undefined;
  if (dist === "fixed") return { dist, mean: given.mean ?? fallback };
  if (dist === "uniform") return { dist, min: given.min!, max: given.max! };
  const spec: LengthSpec = { dist, mean: given.mean!, cv: given.cv!, min: given.min ?? SERVING_DEFAULTS.lengthMin };
  if (given.max !== undefined) spec.max = given.max;
  return spec;
}

/**
 * Validates and resolves a `serving` block. `workload` gives the default fixed lengths. Returns
 * the resolved block (undefined when it cannot be resolved) and one issue per problem, each
 * naming its field ("serving.requestRate"). Never throws.
 */
export function resolveServing(raw: unknown, workload: { promptTokens: number; outputTokens: number }): { serving: Serving | undefined; issues: FieldIssue[] } {
  const { value, issues } = check<ServingInput>(SERVING_SCHEMA, raw, "serving");
  if (!value || typeof raw !== "object" || raw === null || Array.isArray(raw)) return { serving: undefined, issues };
  let ok = issues.length === 0;
  const fail = (path: string, message: string) => {
    issues.push({ path, message });
    ok = false;
  };

  let load: ServingCommon["load"] | undefined;
  if (value.requestRate !== undefined && value.concurrency !== undefined) {
    fail("serving.concurrency", "give requestRate (open loop) or concurrency (closed loop), not both");
  } else if (value.requestRate !== undefined) load = { kind: "rate", requestRate: value.requestRate };
  else if (value.concurrency !== undefined) load = { kind: "concurrency", concurrency: value.concurrency };
  else if (!given(raw, "requestRate") && !given(raw, "concurrency")) fail("serving", "needs a load: requestRate (requests/s, open loop) or concurrency (clients, closed loop)");

  if (value.concurrency !== undefined && value.requestRate === undefined && value.arrival !== undefined) {
    fail("serving.arrival", "applies only to an open loop (requestRate); closed-loop clients send when their last request completes");
  }
  const arrival = load?.kind === "concurrency" ? null : (value.arrival ?? SERVING_DEFAULTS.arrival);
  if (value.burstiness !== undefined && arrival !== "gamma") {
    fail("serving.burstiness", `applies only to arrival "gamma" (arrival is ${arrival === null ? "closed loop" : `"${arrival}"`})`);
  }
  const burstiness = arrival === "gamma" ? (value.burstiness ?? SERVING_DEFAULTS.burstiness) : null;

  let slo: ServingCommon["slo"] = null;
  if (value.slo !== undefined) {
    if (value.slo.ttftS === undefined && value.slo.tpotS === undefined && !given(raw, "slo", "ttftS") && !given(raw, "slo", "tpotS")) fail("serving.slo", "needs ttftS, tpotS or both");
    else slo = { ...value.slo, percentile: value.slo.percentile ?? SERVING_DEFAULTS.sloPercentile };
  }

  let prefixCache: ServingCommon["prefixCache"] = null;
  if (value.prefixCache !== undefined) {
    const pc = value.prefixCache;
    const missing = (["hitRate", "sharedPrefixTokens"] as const).filter((k) => pc[k] === undefined && !given(raw, "prefixCache", k));
    if (missing.length) fail("serving.prefixCache", `needs ${missing.join(" and ")} (share of requests whose prompt starts with the cached prefix, 0–1; the prefix length in tokens)`);
    else if (pc.hitRate !== undefined && pc.sharedPrefixTokens !== undefined) prefixCache = { hitRate: pc.hitRate, sharedPrefixTokens: pc.sharedPrefixTokens };
  }

  let disaggregated: ServingCommon["disaggregated"] = null;
  if (value.disaggregated !== undefined) {
    if (value.replicas !== undefined) fail("serving.replicas", "does not apply to a disaggregated deployment: give serving.disaggregated.prefill.replicas and decode.replicas");
    if (load?.kind === "concurrency") fail("serving.disaggregated", "is simulated under an open loop only: give serving.requestRate instead of concurrency");
    const pool = (p: PoolInput | undefined): Pool => ({ ...p, replicas: p?.replicas ?? SERVING_DEFAULTS.replicas });
    const d = value.disaggregated;
    disaggregated = { prefill: pool(d.prefill), decode: pool(d.decode), layerwiseTransfer: d.layerwiseTransfer ?? null };
  }

  let hostKv: ServingCommon["hostKv"] = null;
  if (value.hostKv !== undefined) {
    if (value.hostKv.capacityBytes === undefined) {
      if (!given(raw, "hostKv", "capacityBytes")) fail("serving.hostKv", "needs capacityBytes (host memory for KV cache per replica, bytes)");
    } else hostKv = { capacityBytes: value.hostKv.capacityBytes, bandwidth: value.hostKv.bandwidth ?? null };
  }

  const common = {
    hostKv,
    prefixCache,
    disaggregated,
    arrival,
    burstiness,
    requests: value.requests ?? SERVING_DEFAULTS.requests,
    seed: value.seed ?? SERVING_DEFAULTS.seed,
    replicas: value.replicas ?? SERVING_DEFAULTS.replicas,
    scheduler: { ...SERVING_DEFAULTS.scheduler, ...value.scheduler },
    slo,
  };

  if (value.dataset !== undefined) {
    if (!ok || !load) return { serving: undefined, issues };
    return { serving: { ...common, load, dataset: value.dataset, promptTokens: value.promptTokens ?? {}, outputTokens: value.outputTokens ?? {} }, issues };
  }
  const promptTokens = resolveLength(value.promptTokens, workload.promptTokens, "serving.promptTokens", issues);
  const outputTokens = resolveLength(value.outputTokens, workload.outputTokens, "serving.outputTokens", issues);
  if (!ok || !load || !promptTokens || !outputTokens) return { serving: undefined, issues };
  return { serving: { ...common, load, promptTokens, outputTokens }, issues };
}
