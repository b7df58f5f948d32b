/**
 * The report's `serving` section (CONTRACT.md "Serving"): latency summaries over the measured
 * requests, throughput, utilisation and cost over the measured window, the saturation rate and
 * the largest rate (or concurrency) that meets the SLO, searched with the same seed.
 */
import { simulate, type ReplicaModel, type ServingSpec, type SimulationTrace, type Stage } from "./simulate";
import type { DisaggFigures } from "./disagg";
import type { HostTier, OffloadComparison } from "./offload";
import type { SpeculativeUnderLoad } from "./speculative";
import { percentile, summarize, summarizeWeighted, type Summary } from "./stats";

export interface ServingReport {
  ttftS: Summary | null;
  tpotS: Summary | null;
  itlS: Summary | null;
  e2eS: Summary | null;
  queueS: Summary | null;
  requestsPerS: number;
  inputTokensPerS: number;
  outputTokensPerS: number;
  outputTokensPerSPerChip: number;
  goodputRequestsPerS: number | null;
  sloAttainment: number | null;
  utilization: number;
  meanRunningBatch: number;
  peakKvOccupancy: number;
  preemptions: number;
  saturated: boolean;
  maxRateAtSlo: number | null;
  maxConcurrencyAtSlo: number | null;
  rejected: number;
  costPerMillionOutputTokens: number | null;
  // --- beyond the contract ---
  /** Requests/s the replicas sustain when never idle (see saturationRate). */
  capacityRequestsPerS: number;
  /** The window throughput, utilisation and cost are measured over, seconds of simulated time. */
  windowS: { start: number; end: number };
  measuredRequests: number;
  kvCapacityTokens: number;
  /** Chip-seconds per million output tokens (the cost without a price). */
  chipSecondsPerMillionOutputTokens: number;
  /**
   * Prefix caching (null without it): the share of measured requests that found the prefix, the
   * share of their prompt tokens not prefilled, and the KV tokens the prefix holds per replica.
   */
  prefixCache: { hitShare: number; cachedTokenShare: number; pinnedKvTokens: number } | null;
  /** Disaggregated prefill and decode pools (null: co-located): each pool's figures and the KV transfer's. */
  disaggregated: DisaggFigures | null;
  /** Preemptions whose KV cache went to the host tier instead of being recomputed, and the tokens reloaded (0 without one). */
  offloads: number;
  reloadedTokens: number;
  /** The host tier (null without one): its capacity and link, and when reloading beats recomputation (serving/offload.ts). */
  hostKv: (HostTier & OffloadComparison) | null;
  /** The scenario's speculative-decoding what-if priced at each running batch of this replica (null without one; serving/speculative.ts). */
  speculative: SpeculativeUnderLoad | null;
}

export interface CostBasis {
  /** Chips per replica. */
  chips: number;
  pricePerHour?: number;
  /**
   * A deployment of unlike replicas (disaggregated pools): every chip, and USD per hour for all of
   * them (null: a pool has no price). Overrides chips × replicas and the per-chip price.
   */
  deployment?: { chips: number; costPerHour: number | null };
}

/**
 * What a report runs: one simulation of a spec, and the rate at which it saturates. A replica
 * model (co-located replicas, simulate.ts) is one; a disaggregated deployment (disagg.ts) another.
 */
export interface Deployment {
  run(spec: ServingSpec): SimulationTrace;
  saturation(spec: ServingSpec): number;
}

/** A replica model as a deployment of `spec.replicas` like replicas, or a deployment as it is. */
export function deploymentOf(m: ReplicaModel | Deployment): Deployment {
  return "run" in m ? m : { run: (sp) => simulate(sp, m), saturation: (sp) => saturationRate(sp, m) };
}

/** Latency figures of the measured requests: arrays of TTFT, TPOT, e2e and queueing (seconds). */
function latencies(tr: SimulationTrace) {
  const ttft: number[] = [];
  const tpot: number[] = [];
  const e2e: number[] = [];
  const queue: number[] = [];
  const tpotOf = new Float64Array(tr.n).fill(NaN);
  for (let i = tr.warmup; i < tr.n; i++) {
    if (tr.rejected[i]) continue;
    const first = tr.firstToken[i]! - tr.arrival[i]!;
    const total = tr.completion[i]! - tr.arrival[i]!;
    ttft.push(first);
    e2e.push(total);
    queue.push(tr.firstScheduled[i]! - tr.arrival[i]!);
    if (tr.output[i]! >= 2) {
      tpotOf[i] = (total - first) / (tr.output[i]! - 1);
      tpot.push(tpotOf[i]!);
    }
  }
  return { ttft: Float64Array.from(ttft), tpot: Float64Array.from(tpot), e2e: Float64Array.from(e2e), queue: Float64Array.from(queue), tpotOf };
}

/** The measured window: from the last warm-up completion to the last measured completion. */
export function measuredWindow(tr: SimulationTrace): { start: number; end: number } {
  let start = 0;
  let end = 0;
  let firstMeasuredArrival = Infinity;
  for (let i = 0; i < tr.n; i++) {
    if (tr.rejected[i]) continue;
    if (i < tr.warmup) start = Math.max(start, tr.completion[i]!);
    else {
      end = Math.max(end, tr.completion[i]!);
      firstMeasuredArrival = Math.min(firstMeasuredArrival, tr.arrival[i]!);
    }
  }
  // A warm-up request that outlives every measured one leaves no window: start at the first measured arrival.
  if (!(end > start)) start = Number.isFinite(firstMeasuredArrival) ? firstMeasuredArrival : 0;
  return { start, end };
}

/**
 * Summaries, throughput, utilisation and cost of one simulation (no searches). `gaps` false skips
 * the inter-token summary (searches only ask whether the SLO is met).
 */
export function summarizeTrace(tr: SimulationTrace, spec: ServingSpec, basis: CostBasis, gaps = true) {
  const L = latencies(tr);
  const win = measuredWindow(tr);
  const span = win.end - win.start;
  let done = 0;
  let inTok = 0;
  let outTok = 0;
  let good = 0;
  const slo = spec.slo;
  const meets = (i: number) => !slo || (tr.firstToken[i]! - tr.arrival[i]! <= slo.ttftS && (tr.output[i]! < 2 || L.tpotOf[i]! <= slo.tpotS));
  for (let i = 0; i < tr.n; i++) {
    if (tr.rejected[i] || !(tr.completion[i]! > win.start && tr.completion[i]! <= win.end)) continue;
    done++;
    inTok += tr.prompt[i]!;
    outTok += tr.output[i]!;
    if (i >= tr.warmup && meets(i)) good++;
  }
  let measured = 0;
  let meeting = 0;
  for (let i = tr.warmup; i < tr.n; i++) {
    if (tr.rejected[i]) continue;
    measured++;
    if (meets(i)) meeting++;
  }
  // Busy time and time-weighted running batch inside the window, all replicas.
  const it = tr.iterations;
  let busy = 0;
  let batchTime = 0;
  let peakKv = 0;
  for (let k = 0; k < it.count; k++) {
    const a = Math.max(it.start[k]!, win.start);
    const b = Math.min(it.start[k]! + it.duration[k]!, win.end);
    if (b > a) {
      busy += b - a;
      batchTime += (b - a) * it.running[k]!;
    }
    peakKv = Math.max(peakKv, it.kvUsed[k]!);
  }
  const chipsAll = basis.deployment?.chips ?? basis.chips * spec.replicas;
  const chipSeconds = span > 0 && outTok > 0 ? (chipsAll * span * 1e6) / outTok : Infinity;
  // USD per chip-hour, averaged over the deployment's chips when its pools differ
  const price = basis.deployment ? (basis.deployment.costPerHour === null ? undefined : basis.deployment.costPerHour / chipsAll) : basis.pricePerHour;
  // SLO percentiles of the deployment: the p-th percentile of TTFT and of TPOT within limits.
  const sloTtftS = slo ? percentile(Float64Array.from(L.ttft), slo.percentile) : null;
  const sloTpotS = slo && L.tpot.length > 0 ? percentile(Float64Array.from(L.tpot), slo.percentile) : null;
  const sloMet = !slo || (sloTtftS! <= slo.ttftS && (sloTpotS === null || sloTpotS <= slo.tpotS));
  let rejected = 0;
  for (let i = 0; i < tr.n; i++) rejected += tr.rejected[i]!;
  // prefix caching: measured requests that hit, and their prompt tokens not prefilled
  let hits = 0;
  let cachedTok = 0;
  let promptTok = 0;
  for (let i = tr.warmup; i < tr.n; i++) {
    if (tr.rejected[i]) continue;
    if (tr.cached[i]! > 0) hits++;
    cachedTok += tr.cached[i]!;
    promptTok += tr.prompt[i]!;
  }
  return {
    summaries: {
      ttftS: summarize(L.ttft),
      tpotS: summarize(L.tpot),
      itlS: gaps ? summarizeWeighted(tr.gaps.value, tr.gaps.weight) : null,
      e2eS: summarize(L.e2e),
      queueS: summarize(L.queue),
    },
    window: win,
    requestsPerS: span > 0 ? done / span : 0,
    inputTokensPerS: span > 0 ? inTok / span : 0,
    outputTokensPerS: span > 0 ? outTok / span : 0,
    outputTokensPerSPerChip: span > 0 ? outTok / span / chipsAll : 0,
    goodputRequestsPerS: slo ? (span > 0 ? good / span : 0) : null,
    sloAttainment: slo ? (measured > 0 ? meeting / measured : 0) : null,
    sloMet,
    sloTtftS,
    sloTpotS,
    utilization: span > 0 ? busy / (span * spec.replicas) : 0,
    meanRunningBatch: busy > 0 ? batchTime / busy : 0,
    peakKvOccupancy: tr.kvCapacityTokens > 0 ? peakKv / tr.kvCapacityTokens : 0,
    measured,
    rejected,
    chipSecondsPerMillionOutputTokens: chipSeconds,
    costPerMillionOutputTokens: price === undefined || !Number.isFinite(chipSeconds) ? null : (price / 3600) * chipSeconds,
    prefixCache: spec.prefixCache ? { hitShare: measured > 0 ? hits / measured : 0, cachedTokenShare: promptTok > 0 ? cachedTok / promptTok : 0, pinnedKvTokens: tr.pinnedKvTokens } : null,
  };
}

/**
 * Requests/s the deployment sustains when never idle: a closed loop with maxSequences clients per
 * replica (the most that can run), over its steady part: completions between the 10th and the
 * 90th percentile of completion order (the start fills the batch, the end drains it), cut to a
 * whole number of client rounds. At most
 * max(1,000, 10 × clients) requests: the steady rate needs no more.
 */
export function saturationRate(spec: ServingSpec, model: ReplicaModel, stage: Stage = "both"): number {
  const clients = spec.scheduler.maxSequences * spec.replicas;
  // enough requests for ten generations of a full batch (the steady part is what counts)
  const requests = Math.min(spec.requests, Math.max(1000, 10 * clients));
  const tr = simulate({ ...spec, requests, requestRate: undefined, concurrency: clients, slo: undefined }, model, { stage });
  const done: number[] = [];
  for (let i = 0; i < tr.n; i++) if (!tr.rejected[i]) done.push(tr.completion[i]!);
  if (done.length < 2) return 0;
  done.sort((a, b) => a - b);
  // Ranks a whole number of client rounds apart: each completion sends the next request, so the
  // loop's phase repeats every `clients` completions, and fixed lengths complete in cohorts that
  // would bias any other window.
  const lo = Math.floor(done.length * 0.1);
  const rounds = Math.floor((Math.ceil(done.length * 0.9) - 1 - lo) / clients);
  const hi = rounds >= 1 ? lo + rounds * clients : Math.max(lo + 1, Math.ceil(done.length * 0.9) - 1);
  const span = done[hi]! - done[lo]!;
  return span > 0 ? (hi - lo) / span : 0;
}

/** Bisection for the largest value in (0, hi] at which `ok` holds, to within `rel` of the answer. */
function largest(ok: (x: number) => boolean, hi: number, rel: number, integer: boolean): number {
  if (ok(hi)) return hi;
  let lo = integer ? 1 : hi * 1e-3;
  if (!ok(lo)) return 0;
  while (hi - lo > (integer ? 1 : rel * lo)) {
    const mid = integer ? Math.floor((lo + hi) / 2) : (lo + hi) / 2;
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** The whole serving section: the simulation, the saturation rate and the SLO search. */
export function servingReport(spec: ServingSpec, model: ReplicaModel | Deployment, basis: CostBasis): ServingReport {
  const dep = deploymentOf(model);
  const tr = dep.run(spec);
  const s = summarizeTrace(tr, spec, basis);
  const closed = spec.concurrency !== undefined;
  const capacity = dep.saturation(spec);
  let maxRateAtSlo: number | null = null;
  let maxConcurrencyAtSlo: number | null = null;
  if (spec.slo) {
    const meetsAt = (over: Partial<ServingSpec>) => summarizeTrace(dep.run({ ...spec, ...over }), spec, basis, false).sloMet;
    if (closed) maxConcurrencyAtSlo = largest((c) => meetsAt({ concurrency: c }), spec.scheduler.maxSequences * spec.replicas, 0, true);
    else maxRateAtSlo = capacity > 0 ? largest((r) => meetsAt({ requestRate: r }), capacity, 0.02, false) : 0;
  }
  return {
    ttftS: s.summaries.ttftS,
    tpotS: s.summaries.tpotS,
    itlS: s.summaries.itlS,
    e2eS: s.summaries.e2eS,
    queueS: s.summaries.queueS,
    requestsPerS: s.requestsPerS,
    inputTokensPerS: s.inputTokensPerS,
    outputTokensPerS: s.outputTokensPerS,
    outputTokensPerSPerChip: s.outputTokensPerSPerChip,
    goodputRequestsPerS: s.goodputRequestsPerS,
    sloAttainment: s.sloAttainment,
    utilization: s.utilization,
    meanRunningBatch: s.meanRunningBatch,
    peakKvOccupancy: s.peakKvOccupancy,
    preemptions: tr.preemptions,
    saturated: !closed && spec.requestRate! > capacity,
    maxRateAtSlo,
    maxConcurrencyAtSlo,
    rejected: s.rejected,
    costPerMillionOutputTokens: s.costPerMillionOutputTokens,
    capacityRequestsPerS: capacity,
    windowS: s.window,
    measuredRequests: s.measured,
    kvCapacityTokens: tr.kvCapacityTokens,
    chipSecondsPerMillionOutputTokens: s.chipSecondsPerMillionOutputTokens,
    prefixCache: s.prefixCache,
    disaggregated: null,
    offloads: tr.offloads,
    reloadedTokens: tr.reloadedTokens,
    hostKv: null,
    speculative: null,
  };
}
