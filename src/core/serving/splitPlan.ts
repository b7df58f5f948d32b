/**
 * The disaggregated capacity plan (issue 17): for a request rate and an SLO, the cheapest
 * prefill pool and decode pool, each its own hardware × chips × precision, and the split of
 * replicas between them (the prefill:decode ratio); shown beside the best co-located plan
 * (plan.ts) with the reason one wins.
 *
 * The search sizes each pool against its own half of the SLO, as DistServe does: the prefill
 * pool against the TTFT limit (queue + prefill + the KV transfer it adds), the decode pool
 * against the TPOT limit (decode steps with no prefill inside). For every candidate replica:
 * its saturation in each stage gives a lower bound on that pool's cost (⌈rate ÷ saturation⌉ ×
 * chips × price); the cheapest few of each are priced by bisection of one replica's rate within
 * the limit (same seed), to 3 %. The cheapest priced choice of each pool gives P = ⌈rate ÷
 * prefill rate⌉ and D = ⌈rate ÷ decode rate⌉ replicas; the whole pipeline is then simulated at
 * the full rate, adding a replica to the pool whose limit is missed, and the neighbouring
 * splits (P − 1, D) and (P, D − 1) are tried: the cheapest split that meets the SLO wins.
 */
import { formatPercent, formatSeconds, formatUsd } from "../format";
import type { PrecisionConfig, Scenario } from "../types";
import { kvTransfer, LAYERWISE_DEFAULT, poolSaturation, simulateDisaggregated, transferOf, disaggBasis, type PoolPlan } from "./disagg";
import type { PoolPrecision } from "./input";
import { deployments, type PlanOptions, type PlanRow } from "./plan";
import { replicaPlan } from "./replica";
import { summarizeTrace } from "./report";
import { percentile } from "./stats";
import { simulate, type ServingSpec } from "./simulate";

export interface PoolChoice {
  hardware: string;
  hardwareName: string;
  chipsPerReplica: number;
  precision: PrecisionConfig;
  replicas: number;
  /** Requests/s one replica serves within its limit, and when never idle. */
  ratePerReplica: number;
  saturationPerReplica: number;
  /** USD per hour for the pool's chips (null: no price). */
  costPerHour: number | null;
}

export interface SplitTry {
  prefillReplicas: number;
  decodeReplicas: number;
  costPerHour: number | null;
  meetsSlo: boolean;
  /** At the SLO's percentile (p99 without one), seconds. */
  ttftS: number;
  tpotS: number;
}

export interface SplitPlan {
  prefill: PoolChoice;
  decode: PoolChoice;
  chips: number;
  costPerHour: number | null;
  costPerMillionOutputTokens: number | null;
  ttftS: number;
  tpotS: number;
  meetsSlo: boolean;
  /** Median KV transfer time added to TTFT, seconds, and bytes per request. */
  transferP50S: number;
  transferBytesMean: number;
  layerwise: boolean;
  /** Every split simulated at the full rate, in the order tried. */
  splits: SplitTry[];
}

export interface Comparison {
  colocated: PlanRow | null;
  disaggregated: SplitPlan | null;
  winner: "colocated" | "disaggregated" | null;
  /** One paragraph: which wins and why, with this case's figures. */
  reason: string;
  factors: {
    /** Co-located: the rate one replica serves within the SLO ÷ its saturation rate (prefill–decode interference and SLO headroom), 0–1. */
    colocatedLoad: number | null;
    /** Mean prompt tokens ÷ mean output tokens. */
    promptOutputRatio: number;
    /** TPOT limit ÷ one idle decode step of the co-located replica (how tight the TPOT SLO is). */
    tpotTightness: number | null;
  };
}

const meanOf = (d: ServingSpec["promptTokens"]) => (d.dist === "uniform" ? (d.min + d.max) / 2 : d.mean);

type Cand = { id: string; s: Scenario; pool: PoolPlan; saturation: number; bound: number; price: number | null };

/** The replicas to consider, as the co-located plan enumerates them (plan.ts), one pool role. */
function candidates(base: Scenario, spec: ServingSpec, role: PoolPlan["role"], opts: PlanOptions, one: ServingSpec): Cand[] {
  const rate = spec.requestRate!;
  const need = meanOf(spec.promptTokens) + (role === "prefill" ? 1 : meanOf(spec.outputTokens));
  const out: Cand[] = [];
  for (const { id, chips, price, scenario: s } of deployments(base, opts)) {
    const plan = replicaPlan(s, spec.scheduler);
    if (plan.kvCapacityTokens < need) continue;
    const pool: PoolPlan = { role, scenario: s, plan, replicas: 1, costPerHour: price === null ? null : price * chips };
    const saturation = poolSaturation(one, pool);
    if (!(saturation > 0)) continue;
    out.push({ id, s, pool, saturation, bound: Math.ceil(rate / saturation) * chips * (price ?? 1e6), price });
  }
  return out.sort((a, b) => a.bound - b.bound);
}

/** Largest rate in (0, hi] at which `ok` holds, to 3 % (null: not even a thousandth of hi). */
function bisect(ok: (r: number) => boolean, hi: number): number | null {
  if (ok(hi)) return hi;
  let lo = hi / 3;
  if (!ok(lo)) {
    hi = lo;
    lo = hi * 1e-3;
    if (!ok(lo)) return null;
  }
  while (hi - lo > 0.03 * lo) {
    const mid = (lo + hi) / 2;
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** One prefill replica's rate within the TTFT limit, its transfer to a like decode replica included. */
function prefillRate(c: Cand, one: ServingSpec, layerwise: boolean): number | null {
  const slo = one.slo;
  if (!slo || slo.ttftS === Infinity) return c.saturation;
  const t = kvTransfer(c.s, c.s, layerwise);
  const ok = (rate: number) => {
    const tr = simulate({ ...one, requestRate: rate }, c.pool.plan, { stage: "prefill" });
    const ttft: number[] = [];
    for (let i = tr.warmup; i < tr.n; i++) {
      if (tr.rejected[i]) continue;
      const x = transferOf(t, tr.prompt[i]! - tr.cached[i]!, tr.firstToken[i]! - tr.firstScheduled[i]!);
      ttft.push(tr.firstToken[i]! - tr.arrival[i]! + x.exposedS);
    }
    return ttft.length > 0 && percentile(Float64Array.from(ttft), slo.percentile) <= slo.ttftS;
  };
  return bisect(ok, c.saturation);
}

/** One decode replica's rate within the TPOT limit (requests arriving prefilled, at the spec's arrival process). */
function decodeRate(c: Cand, one: ServingSpec): number | null {
  const slo = one.slo;
  if (!slo || slo.tpotS === Infinity) return c.saturation;
  const ok = (rate: number) => {
    const sp = { ...one, requestRate: rate };
    const r = summarizeTrace(simulate(sp, c.pool.plan, { stage: "decode" }), sp, { chips: 1 }, false);
    return r.sloTpotS === null || r.sloTpotS <= slo.tpotS;
  };
  return bisect(ok, c.saturation);
}

/** The cheapest priced choice of a pool among the first `k` by bound. */
function bestPool(cands: Cand[], rateOf: (c: Cand) => number | null, rate: number, k: number): { c: Cand; rate: number } | null {
  let best: { c: Cand; rate: number; cost: number } | null = null;
  for (const c of cands.slice(0, k)) {
    if (best && c.bound >= best.cost) continue;
    const r = rateOf(c);
    if (r === null || !(r > 0)) continue;
    const cost = Math.ceil(rate / r) * c.s.hardware.chips * (c.price ?? 1e6);
    if (!best || cost < best.cost) best = { c, rate: r, cost };
  }
  return best;
}

/** The cheapest disaggregated layout meeting the SLO at the spec's rate (null: none found). */
export function disaggregatedPlan(base: Scenario, spec: ServingSpec, opts: PlanOptions & { layerwise?: boolean } = {}, onProgress?: (done: number, total: number) => void): SplitPlan | null {
  const rate = spec.requestRate;
  if (rate === undefined) throw new Error("serving.requestRate: the capacity plan sizes a deployment for a request rate");
  const requests = opts.requests ?? 600;
  const layerwise = opts.layerwise ?? LAYERWISE_DEFAULT;
  const one: ServingSpec = { ...spec, requests, replicas: 1 };
  onProgress?.(0, 4);
  const pre = bestPool(candidates(base, spec, "prefill", opts, one), (c) => prefillRate(c, one, layerwise), rate, 4);
  onProgress?.(1, 4);
  const dec = bestPool(candidates(base, spec, "decode", opts, one), (c) => decodeRate(c, one), rate, 4);
  onProgress?.(2, 4);
  if (!pre || !dec) return null;
  const maxReplicas = opts.maxReplicas ?? 256;
  const transfer = kvTransfer(pre.c.s, dec.c.s, layerwise);
  const splits: SplitTry[] = [];
  const price = (c: Cand, n: number) => (c.price === null ? null : c.price * c.s.hardware.chips * n);
  const tried = new Map<string, { t: SplitTry; r: ReturnType<typeof summarizeTrace>; d: ReturnType<typeof simulateDisaggregated> }>();
  const trySplit = (P: number, D: number) => {
    const key = `${P}:${D}`;
    const seen = tried.get(key);
    if (seen) return seen;
    const prefill: PoolPlan = { ...pre.c.pool, replicas: P, costPerHour: price(pre.c, P) };
    const decode: PoolPlan = { ...dec.c.pool, replicas: D, costPerHour: price(dec.c, D) };
    const all: ServingSpec = { ...spec, requests: Math.max(requests, 100 * (P + D)), replicas: P + D };
    const d = simulateDisaggregated(all, prefill, decode, transfer);
    const r = summarizeTrace(d.merged, all, disaggBasis(prefill, decode), false);
    const cost = prefill.costPerHour === null || decode.costPerHour === null ? null : prefill.costPerHour + decode.costPerHour;
    const t: SplitTry = { prefillReplicas: P, decodeReplicas: D, costPerHour: cost, meetsSlo: r.sloMet, ttftS: r.sloTtftS ?? r.summaries.ttftS?.p99 ?? NaN, tpotS: r.sloTpotS ?? r.summaries.tpotS?.p99 ?? NaN };
    splits.push(t);
    const out = { t, r, d };
    tried.set(key, out);
    return out;
  };
  let P = Math.max(1, Math.ceil(rate / pre.rate));
  let D = Math.max(1, Math.ceil(rate / dec.rate));
  let cur = trySplit(P, D);
  for (let k = 0; k < 6 && !cur.t.meetsSlo && P + D < maxReplicas; k++) {
    const slo = spec.slo;
    if (slo && cur.t.ttftS > slo.ttftS) P++;
    if (slo && cur.t.tpotS > slo.tpotS) D++;
    if (!slo || (cur.t.ttftS <= slo.ttftS && cur.t.tpotS <= slo.tpotS)) break;
    cur = trySplit(P, D);
  }
  onProgress?.(3, 4);
  // the neighbouring splits: one replica fewer on either side, while the SLO still holds
  let best = cur;
  for (let moved = true; moved && best.t.meetsSlo; ) {
    moved = false;
    for (const [p, d] of [
      [best.t.prefillReplicas - 1, best.t.decodeReplicas],
      [best.t.prefillReplicas, best.t.decodeReplicas - 1],
    ] as const) {
      if (p < 1 || d < 1) continue;
      const c = trySplit(p, d);
      if (c.t.meetsSlo) {
        best = c;
        moved = true;
        break;
      }
    }
  }
  onProgress?.(4, 4);
  const choice = (c: Cand, r: number, n: number): PoolChoice => ({
    hardware: c.id,
    hardwareName: c.s.hardware.name,
    chipsPerReplica: c.s.hardware.chips,
    precision: c.s.precision,
    replicas: n,
    ratePerReplica: r,
    saturationPerReplica: c.saturation,
    costPerHour: price(c, n),
  });
  const exposed: number[] = [];
  let bytes = 0;
  for (let i = best.d.merged.warmup; i < best.d.merged.n; i++)
    if (!Number.isNaN(best.d.exposedS[i]!)) {
      exposed.push(best.d.exposedS[i]!);
      bytes += best.d.bytes[i]!;
    }
  return {
    prefill: choice(pre.c, pre.rate, best.t.prefillReplicas),
    decode: choice(dec.c, dec.rate, best.t.decodeReplicas),
    chips: pre.c.s.hardware.chips * best.t.prefillReplicas + dec.c.s.hardware.chips * best.t.decodeReplicas,
    costPerHour: best.t.costPerHour,
    costPerMillionOutputTokens: best.r.costPerMillionOutputTokens,
    ttftS: best.t.ttftS,
    tpotS: best.t.tpotS,
    meetsSlo: best.t.meetsSlo,
    transferP50S: exposed.length ? percentile(Float64Array.from(exposed), 50) : 0,
    transferBytesMean: exposed.length ? bytes / exposed.length : 0,
    layerwise,
    splits,
  };
}

const pct = formatPercent;
const ms = formatSeconds;
const usd = (x: number) => `${formatUsd(x)}/h`;

/**
 * The best co-located plan beside the best disaggregated one, and why one wins, from the figures
 * that decide it: how far below saturation the SLO holds a co-located replica (prefill steps
 * inside decode steps stretch TPOT), how tight the TPOT limit is against an idle decode step,
 * the prompt/output ratio, whole replicas per pool, and the transfer added to TTFT.
 */
export function comparePlans(spec: ServingSpec, colocated: PlanRow | null, split: SplitPlan | null, idleDecodeStepS: number | null): Comparison {
  const prompt = meanOf(spec.promptTokens);
  const output = meanOf(spec.outputTokens);
  const factors: Comparison["factors"] = {
    colocatedLoad: colocated ? colocated.ratePerReplica / colocated.saturationPerReplica : null,
    promptOutputRatio: prompt / output,
    tpotTightness: spec.slo && spec.slo.tpotS !== Infinity && idleDecodeStepS ? spec.slo.tpotS / idleDecodeStepS : null,
  };
  const ok = (x: { meetsSlo: boolean; costPerHour: number | null } | null) => x !== null && x.meetsSlo && x.costPerHour !== null;
  let winner: Comparison["winner"] = null;
  if (ok(colocated) && ok(split)) winner = split!.costPerHour! < colocated!.costPerHour! ? "disaggregated" : "colocated";
  else if (ok(colocated)) winner = "colocated";
  else if (ok(split)) winner = "disaggregated";
  const load = factors.colocatedLoad;
  const tight = factors.tpotTightness;
  const ratio = `prompt:output ${factors.promptOutputRatio.toPrecision(2)}:1`;
  let reason: string;
  if (winner === null) reason = "Neither layout meets the SLO at this rate with the hardware considered.";
  else if (!ok(colocated) || !ok(split)) reason = winner === "colocated" ? "Only the co-located layout meets the SLO with the hardware considered." : "Only the disaggregated layout meets the SLO: no co-located replica keeps both limits at this rate.";
  else {
    const c = colocated!;
    const d = split!;
    const saving = Math.abs(c.costPerHour! - d.costPerHour!) / Math.max(c.costPerHour!, d.costPerHour!);
    const loads = `the pools run at ${pct(spec.requestRate! / (d.prefill.replicas * d.prefill.saturationPerReplica))} (prefill) and ${pct(spec.requestRate! / (d.decode.replicas * d.decode.saturationPerReplica))} (decode) of their capacity`;
    const tightText = tight === null ? "" : ` (the TPOT limit is ${tight.toPrecision(2)}× an idle decode step of the scenario's replica)`;
    if (winner === "disaggregated")
      reason = `Disaggregated is ${pct(saving)} cheaper (${usd(d.costPerHour!)} vs ${usd(c.costPerHour!)}). Co-located, the SLO holds only up to ${pct(load!)} of a replica's saturation rate: every ${Math.round(prompt)}-token prefill runs inside other requests' decode steps and stretches their TPOT${tightText}. Apart, ${loads}, ${d.prefill.replicas}:${d.decode.replicas} prefill:decode replicas; the KV transfer adds ${ms(d.transferP50S)} to TTFT (${ratio}).`;
    else
      reason = `Co-located is ${pct(saving)} cheaper (${usd(c.costPerHour!)} vs ${usd(d.costPerHour!)}). Its replicas already serve ${pct(load!)} of their saturation rate within the SLO${tightText}, so there is little prefill–decode interference to remove; apart, ${loads} with ${d.prefill.replicas}:${d.decode.replicas} whole replicas, and the KV transfer adds ${ms(d.transferP50S)} to TTFT (${ratio}).`;
  }
  return { colocated, disaggregated: split, winner, reason, factors };
}

/** The co-located replica's idle decode step (one sequence at the mean prompt length), seconds, for the TPOT tightness. */
export function idleDecodeStepS(s: Scenario, spec: ServingSpec): number {
  const plan = replicaPlan(s, spec.scheduler);
  const keys = meanOf(spec.promptTokens) + 1;
  return plan.step({ decodeSeqs: 1, decodeKeys: keys, decodeKeysWindowed: Math.min(keys, plan.window), prefillTokens: 0, prefillPairs: 0, prefillPairsWindowed: 0, prefillPriorKeys: 0, prefillPriorKeysWindowed: 0, prefillNewKeysWindowed: 0, logitRows: 1, sequences: 1 });
}

/** A pool precision for the share link (the plan's choices apply one precision to weights, KV and activations). */
export function poolPrecisionOf(p: PrecisionConfig): PoolPrecision | undefined {
  return p.weights === p.kvCache && p.weights === p.activations && ["bf16", "fp16", "fp8", "int8"].includes(p.weights) ? (p.weights as PoolPrecision) : undefined;
}
