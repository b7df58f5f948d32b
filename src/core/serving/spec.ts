/**
 * What the serving simulator takes and gives (CONTRACT.md "Serving"): the resolved serving block,
 * the replica it runs on, the per-request trace it returns, and the draws and exact integrals it
 * shares with the report (request lengths, prefix-cache hits, causal attention pairs). Pure.
 */
import type { IterationShape } from "../cost/step";
import type { Random } from "./rng";

export type { IterationShape };

export type StepTime = (shape: IterationShape) => number;

export type LengthDist =
  | { dist: "fixed"; mean: number }
  | { dist: "uniform"; min: number; max: number }
  | { dist: "lognormal"; mean: number; cv: number; min: number; max: number };
/** A resolved serving block (every default applied; see CONTRACT.md "Serving"). */
export interface ServingSpec {
  /** Open loop: requests/s at the whole deployment. Exactly one of requestRate, concurrency. */
  requestRate?: number;
  /** Closed loop: clients, each sending its next request when its last one completes. */
  concurrency?: number;
  arrival: "poisson" | "uniform" | "gamma";
  /** Gamma only: coefficient of variation of inter-arrival times. */
  burstiness: number;
  requests: number;
  seed: number;
  promptTokens: LengthDist;
  outputTokens: LengthDist;
  replicas: number;
  scheduler: { maxSequences: number; maxBatchedTokens: number; chunkedPrefill: boolean };
  slo?: { ttftS: number; tpotS: number; percentile: number };
  /**
   * A shared prompt prefix of `sharedPrefixTokens` held in every replica's KV cache (pinned, once
   * per replica, as vLLM's automatic prefix caching and SGLang's radix tree share its blocks), and
   * the share of requests whose prompt starts with it (request i hits when ⌊(i+1)·h⌋ > ⌊i·h⌋: an
   * exact, evenly spread share, no random draw). A hit prefills only the rest of its prompt, at
   * least one token (the last token's logits are always computed); its attention still reads the
   * prefix's keys.
   */
  prefixCache?: { hitRate: number; sharedPrefixTokens: number };
}

/** Which part of a request a replica runs: both phases (co-located), or one pool of a disaggregated deployment. */
export type Stage = "both" | "prefill" | "decode";

export interface SimulateOptions {
  /**
   * "prefill": a request leaves once its prefill gives the first token (its KV is sent on);
   * "decode": a request arrives with its prompt's KV and its first token, and only decodes
   * (a preempted one recomputes its prefill here). Default "both".
   */
  stage?: Stage;
  /** Requests given instead of drawn (open loop, sorted by arrival): times, lengths, prefix tokens cached, which are measured. */
  given?: { arrival: Float64Array; prompt: Int32Array; output: Int32Array; cached: Int32Array; measured: Uint8Array };
}

/** Whether request i finds the shared prefix cached: an exact share h of requests, spread evenly. */
export function prefixHit(i: number, h: number): boolean {
  return Math.floor((i + 1) * h) > Math.floor(i * h);
}

/** Prefix tokens request i skips: the shared prefix on a hit, less one token when it covers the whole prompt. */
export function cachedTokens(i: number, prompt: number, pc: ServingSpec["prefixCache"]): number {
  return pc && prefixHit(i, pc.hitRate) ? Math.max(0, Math.min(pc.sharedPrefixTokens, prompt - 1)) : 0;
}

/** What one replica is: its KV cache in tokens, its step time, the sliding window (Infinity if none). */
export interface ReplicaModel {
  kvCapacityTokens: number;
  step: StepTime;
  window: number;
  /**
   * A host-memory tier (issue 17): a preempted sequence's KV cache moves there while it has room
   * (instead of being freed and recomputed), and is reloaded when the sequence is admitted again,
   * the iteration that admits it taking `reloadSPerToken` seconds longer per token reloaded (a
   * blocking swap-in, as vLLM's swap preemption does).
   */
  host?: { capacityTokens: number; reloadSPerToken: number };
}

/** Per-request outcomes (index = request number in arrival/sending order) and per-iteration logs. */
export interface SimulationTrace {
  n: number;
  warmup: number;
  arrival: Float64Array;
  firstScheduled: Float64Array;
  firstToken: Float64Array;
  completion: Float64Array;
  prompt: Int32Array;
  output: Int32Array;
  /** Prompt tokens found in the prefix cache (not prefilled), per request. */
  cached: Int32Array;
  rejected: Uint8Array;
  preemptions: number;
  /** Preemptions whose KV cache went to the host tier (no recomputation), and the tokens reloaded from it. */
  offloads: number;
  reloadedTokens: number;
  /** One entry per iteration, all replicas, in start order per replica: start, duration, replica,
   *  sequences running, requests waiting, KV tokens used. */
  iterations: { start: Float64Array; duration: Float64Array; replica: Float64Array; running: Float64Array; waiting: Float64Array; kvUsed: Float64Array; count: number };
  /** Inter-token gaps of measured requests: runs of equal values (value, how many). */
  gaps: { value: Float64Array; weight: Float64Array; count: number };
  kvCapacityTokens: number;
  /** KV tokens per replica held by the shared prefix (0 without prefix caching); included in kvUsed. */
  pinnedKvTokens: number;
  /** Simulated time when the last request completed. */
  endS: number;
}

/** One draw of a length distribution: rounded to a whole token, clipped to [min, max] (≥ 1). */
export function drawLength(d: LengthDist, rng: Random): number {
  let v: number;
  let lo = 1;
  let hi = Infinity;
  if (d.dist === "fixed") v = d.mean;
  else if (d.dist === "uniform") {
    lo = Math.max(1, d.min);
    hi = d.max;
    v = d.min + rng.uniform() * (d.max - d.min + 1) - 0.5; // each whole value in [min, max] equally likely
  } else {
    lo = Math.max(1, d.min);
    hi = d.max;
    v = rng.lognormal(d.mean, d.cv);
  }
  return Math.min(hi, Math.max(lo, Math.round(v)));
}

/**
 * Causal (query, key) pairs of the positions a … b with keys capped at w, as the integral
 * ∫_a^b min(t, w) dt: additive over chunks, and S²/2 for a whole prompt of S tokens, the
 * contract's prefill attention (each token attends to the tokens before it).
 */
export function cappedPairs(a: number, b: number, w: number): number {
  if (b <= a) return 0;
  if (b <= w) return (b * b - a * a) / 2;
  if (a >= w) return (b - a) * w;
  return (w * w - a * a) / 2 + (b - w) * w;
}
