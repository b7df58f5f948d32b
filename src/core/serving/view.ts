/**
 * What the page draws of a serving simulation beyond the report's figures: the timeline of
 * running batch, queue and KV occupancy (binned from the simulator's iteration log), the latency
 * percentiles against request rate (one simulation per rate, same seed), and each figure's
 * "why?" (its definition and this run's values). Pure; every number from the simulator.
 */
import { formatInt, formatPercent, formatSeconds, formatUsd, sig } from "../format";
import type { Scenario } from "../types";
import { servingSpecOf } from "./index";
import { disaggregatedReport, disaggSetup } from "./disagg";
import { hostFigures, withHost } from "./offload";
import { speculativeUnderLoad } from "./speculative";
import type { Serving } from "./input";
import { replicaPlan } from "./replica";
import type { CostBasis, Deployment, ServingReport } from "./report";
import { deploymentOf, saturationRate, servingReport, summarizeTrace } from "./report";
import { simulate, type ReplicaModel, type ServingSpec, type SimulationTrace } from "./simulate";

export interface TimelinePoint {
  /** Bin centre, seconds of simulated time. */
  t: number;
  /** Time-averaged sequences running in the bin, summed over replicas. */
  running: number;
  /** Time-averaged requests waiting (admitted to a replica's queue, not yet running), summed over replicas. */
  waiting: number;
  /** Time-averaged KV cache used ÷ KV capacity, mean over replicas (0–1). */
  kvOccupancy: number;
}

/**
 * The iteration log in `bins` equal bins over [0, end of the run]: each iteration's running,
 * waiting and KV tokens weighted by the part of its duration inside the bin, ÷ the bin width
 * (an idle replica counts 0). Units: sequences, requests, fraction of KV capacity.
 */
export function servingTimeline(tr: SimulationTrace, replicas: number, bins = 120): TimelinePoint[] {
  const end = tr.endS;
  if (!(end > 0) || bins < 1) return [];
  const w = end / bins;
  const run = new Float64Array(bins);
  const wait = new Float64Array(bins);
  const kv = new Float64Array(bins);
  const it = tr.iterations;
  for (let k = 0; k < it.count; k++) {
    const a = it.start[k]!;
    const b = a + it.duration[k]!;
    const first = Math.max(0, Math.floor(a / w));
    const last = Math.min(bins - 1, Math.floor(b / w));
    for (let j = first; j <= last; j++) {
      const dt = Math.min(b, (j + 1) * w) - Math.max(a, j * w);
      if (dt <= 0) continue;
      run[j]! += dt * it.running[k]!;
      wait[j]! += dt * it.waiting[k]!;
      kv[j]! += dt * it.kvUsed[k]!;
    }
  }
  const cap = tr.kvCapacityTokens * Math.max(1, replicas);
  const out: TimelinePoint[] = [];
  for (let j = 0; j < bins; j++) {
    out.push({ t: (j + 0.5) * w, running: run[j]! / w, waiting: wait[j]! / w, kvOccupancy: cap > 0 ? kv[j]! / w / cap : 0 });
  }
  return out;
}

export interface CurvePoint {
  /** Offered request rate, requests/s (whole deployment). */
  rate: number;
  /** Time to first token and time per output token percentiles, seconds (null: no such request). */
  ttft: { p50: number; p90: number; p99: number } | null;
  tpot: { p50: number; p90: number; p99: number } | null;
  /** At the SLO's percentile (null without an SLO). */
  sloTtftS: number | null;
  sloTpotS: number | null;
  meetsSlo: boolean | null;
}

/** Fractions of the saturation rate the curve is drawn at: dense near the knee, a little past it. */
export const CURVE_FRACTIONS = [0.1, 0.25, 0.4, 0.55, 0.7, 0.8, 0.88, 0.94, 0.98, 1.03, 1.1, 1.2] as const;

/**
 * TTFT and TPOT percentiles against the offered rate (open loop, the spec's arrivals and seed),
 * at `fractions` of `capacity` requests/s and at the spec's own rate, `requests` each (fewer than
 * the report's: the curve shows a shape, the table the figures). Sorted by rate.
 */
export function latencyCurve(
  spec: ServingSpec,
  model: ReplicaModel | Deployment,
  basis: CostBasis,
  capacity: number,
  opts: { requests?: number; fractions?: readonly number[]; onPoint?: (done: number, total: number) => void } = {},
): CurvePoint[] {
  if (!(capacity > 0)) return [];
  const requests = Math.min(spec.requests, opts.requests ?? 600);
  const rates = (opts.fractions ?? CURVE_FRACTIONS).map((f) => f * capacity);
  if (spec.requestRate !== undefined && !rates.some((r) => Math.abs(r - spec.requestRate!) < 1e-9 * capacity)) rates.push(spec.requestRate);
  rates.sort((a, b) => a - b);
  const out: CurvePoint[] = [];
  rates.forEach((rate, i) => {
    const sp: ServingSpec = { ...spec, concurrency: undefined, requestRate: rate, requests };
    const s = summarizeTrace(deploymentOf(model).run(sp), sp, basis, false);
    const pick = (x: { p50: number; p90: number; p99: number } | null) => (x ? { p50: x.p50, p90: x.p90, p99: x.p99 } : null);
    out.push({
      rate,
      ttft: pick(s.summaries.ttftS),
      tpot: pick(s.summaries.tpotS),
      sloTtftS: s.sloTtftS,
      sloTpotS: s.sloTpotS,
      meetsSlo: spec.slo ? s.sloMet : null,
    });
    opts.onPoint?.(i + 1, rates.length);
  });
  return out;
}

/** The requests/s at which the deployment saturates (re-exported for callers that draw the knee). */
export { saturationRate };

/** One figure's "why?": what it is, and this run's values in it. */
export interface ServingTerm {
  label: string;
  formula: string;
  withValues: string;
}

export type ServingTermId =
  | "ttft"
  | "tpot"
  | "itl"
  | "e2e"
  | "queue"
  | "throughput"
  | "goodput"
  | "slo"
  | "utilization"
  | "cost"
  | "capacity";

/** The "why?" of every figure in the serving table, from the report and the spec it ran. */
export function servingTerms(r: ServingReport, spec: ServingSpec, basis: CostBasis): Record<ServingTermId, ServingTerm> {
  const n = formatInt(r.measuredRequests);
  const span = r.windowS.end - r.windowS.start;
  const chips = basis.deployment?.chips ?? basis.chips * spec.replicas;
  const p = spec.slo?.percentile ?? 99;
  const pctl = (x: { p50: number; p90: number; p99: number } | null) =>
    x ? `p50 ${formatSeconds(x.p50)}, p90 ${formatSeconds(x.p90)}, p99 ${formatSeconds(x.p99)}` : "no request to measure";
  const window = `window ${formatSeconds(r.windowS.start)} → ${formatSeconds(r.windowS.end)} = ${formatSeconds(span)} of simulated time`;
  return {
    ttft: {
      label: "Time to first token",
      formula: r.disaggregated
        ? "first token − arrival, per request: queueing and prefill in the prefill pool, then the part of the KV transfer to the decode pool not hidden behind the prefill; nearest-rank percentiles over the measured requests (the first 10 % warm up)"
        : "first token − arrival, per request (queueing + prefill, chunked or whole); nearest-rank percentiles over the measured requests (the first 10 % warm up)",
      withValues: `${n} requests: ${pctl(r.ttftS)}`,
    },
    tpot: {
      label: "Time per output token",
      formula: r.disaggregated
        ? "(completion − first token) ÷ (output tokens − 1), per request with ≥ 2 output tokens: the decode pool's wait for room, then its decode steps, with no prefill inside them"
        : "(completion − first token) ÷ (output tokens − 1), per request with ≥ 2 output tokens; its decode steps slow when other requests' prefills share them",
      withValues: `${pctl(r.tpotS)}`,
    },
    itl: {
      label: "Inter-token latency",
      formula: "each gap between two consecutive tokens of a request (one iteration of the replica), weighted by how many tokens saw it",
      withValues: pctl(r.itlS),
    },
    e2e: {
      label: "End-to-end latency",
      formula: "completion − arrival = TTFT + (output tokens − 1) × TPOT",
      withValues: pctl(r.e2eS),
    },
    queue: {
      label: "Queueing delay",
      formula: "first scheduled − arrival: waiting for a free sequence slot and room in the KV cache",
      withValues: pctl(r.queueS),
    },
    throughput: {
      label: "Throughput",
      formula: "requests (tokens) completing in the measured window ÷ the window",
      withValues: `${sig(r.requestsPerS)} req/s, ${formatInt(r.outputTokensPerS)} output tok/s over the ${window}`,
    },
    goodput: {
      label: "Goodput",
      formula: `requests completing in the window that met the SLO (TTFT and TPOT within limits) ÷ the window`,
      withValues:
        r.goodputRequestsPerS === null ? "no SLO set: every request counts" : `${sig(r.goodputRequestsPerS)} of ${sig(r.requestsPerS)} req/s met the SLO`,
    },
    slo: {
      label: "SLO attainment",
      formula: `measured requests meeting both limits ÷ measured requests; the SLO holds when the p${sig(p)} of TTFT and of TPOT are within their limits`,
      withValues:
        r.sloAttainment === null
          ? "no SLO set"
          : `${formatPercent(r.sloAttainment)} of ${n} requests; largest rate meeting the SLO ≈ ${r.maxRateAtSlo === null ? "—" : `${sig(r.maxRateAtSlo)} req/s`}`,
    },
    utilization: {
      label: "Utilisation",
      formula: "time a replica spends running iterations in the window ÷ (window × replicas); a replica with any sequence running is busy, however small its batch",
      withValues: `${formatPercent(r.utilization)} busy, mean running batch ${sig(r.meanRunningBatch)} sequences, peak KV ${formatPercent(r.peakKvOccupancy)}, ${formatInt(r.preemptions)} preemptions`,
    },
    cost: {
      label: "Cost per million output tokens, under load",
      formula: "price per chip-hour ÷ 3600 × chips × window ÷ output tokens in the window × 10⁶ (idle time is paid for too)",
      withValues:
        r.costPerMillionOutputTokens === null
          ? `no price: ${formatInt(r.chipSecondsPerMillionOutputTokens)} chip-seconds per million output tokens (${chips} chips)`
          : basis.deployment
            ? `${formatUsd(basis.deployment.costPerHour)}/h for both pools (${basis.deployment.chips} chips) ÷ 3600 × ${sig(span)} s ÷ ${formatInt(r.outputTokensPerS * span)} tokens × 10⁶ = ${formatUsd(r.costPerMillionOutputTokens)}`
            : `${formatUsd(basis.pricePerHour ?? null)}/h ÷ 3600 × ${chips} chips × ${sig(span)} s ÷ ${formatInt(r.outputTokensPerS * span)} tokens × 10⁶ = ${formatUsd(r.costPerMillionOutputTokens)}`,
    },
    capacity: {
      label: "Capacity (saturation rate)",
      formula: "requests/s the replicas complete when never idle: a closed loop of max-sequences clients per replica, steady part only",
      withValues: `${sig(r.capacityRequestsPerS)} req/s for ${spec.replicas} replica${spec.replicas === 1 ? "" : "s"}${
        spec.requestRate !== undefined ? `; asked ${sig(spec.requestRate)} req/s = ${formatPercent(spec.requestRate / r.capacityRequestsPerS)} of it` : ""
      }`,
    },
  };
}

/** What one configuration gives: latency, capacity, and what a million output tokens cost at the SLO rate and at capacity. */
export interface Worth {
  ttftP50S: number | null;
  ttftP99S: number | null;
  /** Requests/s the deployment sustains when never idle, and the largest rate meeting the SLO (null without one). */
  capacityRequestsPerS: number;
  maxRateAtSlo: number | null;
  /**
   * USD per million output tokens when the deployment runs at that rate: cost per hour ÷ 3600 ÷
   * (rate × mean output tokens) × 10⁶ (null without a price or an SLO).
   */
  costPerMillionAtSloRate: number | null;
  costPerMillionAtCapacity: number | null;
}

/** A report's figures as a Worth; `costPerHour` of the whole deployment (null: no price). */
export function worthOf(r: ServingReport, costPerHour: number | null): Worth {
  const meanOut = r.requestsPerS > 0 ? r.outputTokensPerS / r.requestsPerS : 0;
  const at = (rate: number | null) => (costPerHour === null || rate === null || !(rate > 0) || !(meanOut > 0) ? null : (costPerHour / 3600 / (rate * meanOut)) * 1e6);
  return {
    ttftP50S: r.ttftS?.p50 ?? null,
    ttftP99S: r.ttftS?.p99 ?? null,
    capacityRequestsPerS: r.capacityRequestsPerS,
    maxRateAtSlo: r.maxRateAtSlo,
    costPerMillionAtSloRate: at(r.maxRateAtSlo),
    costPerMillionAtCapacity: at(r.capacityRequestsPerS),
  };
}

/** USD per hour of every chip a basis stands for (null: no price). */
export function costPerHourOf(basis: CostBasis, replicas: number): number | null {
  if (basis.deployment) return basis.deployment.costPerHour;
  return basis.pricePerHour === undefined ? null : basis.pricePerHour * basis.chips * replicas;
}

export interface ServingRun {
  report: ServingReport;
  /** Prefix caching only: the same deployment and traffic with the cache (the report) and without it. */
  prefixWorth: { withCache: Worth; without: Worth } | null;
  timeline: TimelinePoint[];
  curve: CurvePoint[];
  terms: Record<ServingTermId, ServingTerm>;
  /** The spec that ran (lengths and defaults resolved), for labels. */
  spec: ServingSpec;
  /** KV cache per replica, tokens. */
  kvCapacityTokens: number;
}

/**
 * Everything the page shows for a scenario's serving block: the report, its timeline, the
 * latency curve and the "why?"s. `onProgress(done, total)` after each simulation-sized part.
 */
export function servingRun(s: Scenario, v: Serving, onProgress?: (done: number, total: number) => void): ServingRun {
  const base = servingSpecOf(s, v);
  const withPrefix = base.prefixCache !== undefined;
  const total = 2 + CURVE_FRACTIONS.length + 1 + (withPrefix ? 1 : 0);
  onProgress?.(0, total);
  let spec = base;
  let model: ReplicaModel | Deployment;
  let basis: CostBasis;
  let report: ServingReport;
  let trace: SimulationTrace;
  let kvCapacityTokens: number;
  if (v.disaggregated) {
    const setup = disaggSetup(s, v.disaggregated, base.scheduler, v.hostKv);
    spec = { ...base, replicas: setup.prefill.replicas + setup.decode.replicas };
    model = setup.deployment;
    basis = setup.basis;
    report = disaggregatedReport(base, setup);
    trace = setup.deployment.first!.merged;
    kvCapacityTokens = setup.decode.plan.kvCapacityTokens;
  } else {
    const bare = replicaPlan(s, spec.scheduler);
    const plan = withHost(s, bare, v.hostKv);
    model = plan;
    basis = { chips: s.hardware.chips, pricePerHour: s.hardware.pricePerHour };
    report = servingReport(spec, model, basis);
    if (v.hostKv) report.hostKv = hostFigures(s, bare, v.hostKv);
    report.speculative = speculativeUnderLoad(s, spec, bare, report.meanRunningBatch);
    trace = simulate(spec, plan);
    kvCapacityTokens = plan.kvCapacityTokens;
  }
  onProgress?.(1, total);
  const timeline = servingTimeline(trace, spec.replicas);
  onProgress?.(2, total);
  const curve = latencyCurve(spec, model, basis, report.capacityRequestsPerS, { onPoint: (d) => onProgress?.(2 + d, total) });
  let prefixWorth: ServingRun["prefixWorth"] = null;
  if (withPrefix) {
    // the same deployment without the cache: what the hit rate is worth
    const { prefixCache: _p, ...noCache } = spec;
    const without = v.disaggregated ? disaggregatedReport({ ...base, prefixCache: undefined }, disaggSetup(s, v.disaggregated, base.scheduler, v.hostKv)) : servingReport(noCache, model, basis);
    const cost = costPerHourOf(basis, spec.replicas);
    prefixWorth = { withCache: worthOf(report, cost), without: worthOf(without, cost) };
  }
  onProgress?.(total, total);
  return { report, prefixWorth, timeline, curve, terms: servingTerms(report, spec, basis), spec, kvCapacityTokens };
}
