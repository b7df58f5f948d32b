/**
 * Disaggregated serving (issue 17): a prefill pool and a decode pool, each of its own hardware,
 * chips per replica, precision and replicas (DistServe, Splitwise, NVIDIA Dynamo, llm-d).
 *
 * A request is prefilled in the prefill pool (the pool's replicas run the simulator's "prefill"
 * stage: it leaves with its first token, as a disaggregation proxy sends the prefill with
 * max_tokens = 1), its KV cache crosses the scale-out network to the decode pool, and it decodes
 * there (the "decode" stage: it arrives with its prompt's KV and its first token). The first token
 * reaches the user when the decode pool has the cache: TTFT = prefill queue + prefill + the
 * exposed part of the transfer. TPOT counts the decode pool's admission wait and its steps.
 *
 * The transfer (its bytes and time, per request):
 *   bytes   = (prompt − cached prefix tokens) × KV bytes per token per layer × layers   (the
 *             prefill pool's KV precision; a prefix cached in one pool is cached in both)
 *   rate    = min(prefill, decode chips per replica) × min(their scale-out bytes/s per chip, one
 *             direction) × network efficiency (realistic mode; ideal mode 1): each chip sends its
 *             own shard over its own NIC (hardware presets: 400 Gb/s InfiniBand per H100 = 50 GB/s)
 *   time T  = bytes ÷ rate
 *   exposed = T after the prefill (monolithic transfer, what NVIDIA Dynamo's NIXL path and
 *             TensorRT-LLM's cache transceiver do by default), or, layer by layer (the KV of layer l
 *             sent while layer l+1 computes; vLLM-Ascend's MooncakeLayerwiseConnector,
 *             TensorRT-LLM PR #15727's pipelined transfer), max(T ÷ L, T − P·(L − 1) ÷ L) with P
 *             the request's prefill time (first scheduled → prefill done) and L the layers.
 * The prefill pool frees a request's cache when its prefill is done (the copy in flight is not
 * held against its cache: a simplification that favours the prefill pool slightly).
 */
import { stepContext } from "../cost/step";
import { findHardwarePreset } from "../hardware/presets";
import type { Scenario } from "../types";
import type { Pool, PoolPrecision, Serving } from "./input";
import { replicaPlan, type ReplicaPlan } from "./replica";
import { hostFigures, withHost } from "./offload";
import { speculativeUnderLoad } from "./speculative";
import { saturationRate, servingReport, type CostBasis, type Deployment, type ServingReport } from "./report";
import { simulate, type ServingSpec, type SimulationTrace } from "./simulate";

/** One pool, resolved: its scenario (hardware, chips, precision), its replica model and its size. */
export interface PoolPlan {
  role: "prefill" | "decode";
  scenario: Scenario;
  plan: ReplicaPlan;
  replicas: number;
  /** USD per hour for all its chips (null: the hardware has no price). */
  costPerHour: number | null;
}

/** The KV transfer of one request, its terms. */
export interface KvTransfer {
  /** Bytes per prompt token, all layers (the prefill pool's KV cache format). */
  bytesPerToken: number;
  /** Bytes/s between one prefill replica and one decode replica (see the file's header). */
  bytesPerS: number;
  /** Chips on each side that send and receive in parallel, and the scale-out bytes/s of one chip. */
  links: number;
  linkBytesPerS: number;
  networkEfficiency: number;
  layers: number;
  layerwise: boolean;
}

/** Sources of the transfer's default (monolithic) and of the layer-wise option. */
export const TRANSFER_SOURCES =
  "Monolithic after prefill: NVIDIA Dynamo docs, 'Disaggregated Serving' (NIXL, non-blocking transfer after the prefill engine computes the KV cache); TensorRT-LLM PR #15727 ('Baseline (monolithic transfer)'). Layer-wise: vLLM-Ascend MooncakeLayerwiseConnector ('P nodes push KV cache to D nodes in a layered manner').";

/** The scenario of a pool: the preset's hardware (or the scenario's), its chips, its precision for weights, KV cache and activations. */
export function poolScenario(s: Scenario, p: Pool): Scenario {
  let hardware = { ...s.hardware };
  if (p.hardware !== undefined) {
    const preset = findHardwarePreset(p.hardware)!; // input.ts accepts only known ids
    hardware = { ...preset.spec, chips: p.chips ?? s.hardware.chips, preset: p.hardware };
  } else if (p.chips !== undefined) hardware.chips = p.chips;
  const precision = p.precision ? { ...s.precision, weights: p.precision as PoolPrecision, kvCache: p.precision as PoolPrecision, activations: p.precision as PoolPrecision } : { ...s.precision };
  return { ...s, hardware, precision };
}

export function poolPlan(s: Scenario, p: Pool, role: PoolPlan["role"], scheduler: ServingSpec["scheduler"], hostKv: Serving["hostKv"] = null): PoolPlan {
  const scenario = poolScenario(s, p);
  const price = scenario.hardware.pricePerHour;
  return { role, scenario, plan: withHost(scenario, replicaPlan(scenario, scheduler), hostKv), replicas: p.replicas, costPerHour: price === undefined ? null : price * scenario.hardware.chips * p.replicas };
}

/** The transfer terms between two pools (see the header). */
export function kvTransfer(prefill: Scenario, decode: Scenario, layerwise: boolean): KvTransfer {
  const c = stepContext(prefill, true);
  const link = (s: Scenario) => s.hardware.scaleOutBandwidth ?? s.hardware.interconnectBandwidth;
  const links = Math.min(prefill.hardware.chips, decode.hardware.chips);
  const linkBytesPerS = Math.min(link(prefill), link(decode));
  const networkEfficiency = c.eff.network;
  return {
    bytesPerToken: c.mc.kvBytesPerTokenLayer * prefill.model.layers,
    bytesPerS: links * linkBytesPerS * networkEfficiency,
    links,
    linkBytesPerS,
    networkEfficiency,
    layers: prefill.model.layers,
    layerwise,
  };
}

/** One request's transfer: bytes, seconds on the wire, and the seconds it adds after its prefill of `prefillS` seconds. */
export function transferOf(t: KvTransfer, tokens: number, prefillS: number): { bytes: number; seconds: number; exposedS: number } {
  const bytes = tokens * t.bytesPerToken;
  const seconds = bytes / t.bytesPerS;
  const exposedS = t.layerwise ? Math.max(seconds / t.layers, seconds - (prefillS * (t.layers - 1)) / t.layers) : seconds;
  return { bytes, seconds, exposedS };
}

/** A disaggregated run: each pool's trace, the merged per-request trace, and each request's transfer. */
export interface DisaggTrace {
  prefill: SimulationTrace;
  decode: SimulationTrace;
  merged: SimulationTrace;
  transferS: Float64Array;
  exposedS: Float64Array;
  bytes: Float64Array;
}

/**
 * Runs the prefill pool on the drawn requests, sends each one's KV cache, and runs the decode
 * pool on the arrivals that result (in the order they arrive). The merged trace is indexed by
 * request as the co-located one is: arrival and first scheduled from the prefill pool, first
 * token at the decode pool's receipt, completion from the decode pool; iterations of both pools
 * (decode replicas numbered after the prefill ones); gaps of the decode pool.
 */
export function simulateDisaggregated(spec: ServingSpec, prefill: PoolPlan, decode: PoolPlan, transfer: KvTransfer): DisaggTrace {
  const trP = simulate({ ...spec, replicas: prefill.replicas }, prefill.plan, { stage: "prefill" });
  const n = trP.n;
  const transferS = new Float64Array(n).fill(NaN);
  const exposedS = new Float64Array(n).fill(NaN);
  const bytes = new Float64Array(n).fill(NaN);
  const atDecode = new Float64Array(n).fill(NaN);
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    if (trP.rejected[i]) continue;
    const x = transferOf(transfer, trP.prompt[i]! - trP.cached[i]!, trP.firstToken[i]! - trP.firstScheduled[i]!);
    transferS[i] = x.seconds;
    exposedS[i] = x.exposedS;
    bytes[i] = x.bytes;
    atDecode[i] = trP.firstToken[i]! + x.exposedS;
    order.push(i);
  }
  order.sort((a, b) => atDecode[a]! - atDecode[b]! || a - b);
  const m = order.length;
  const given = { arrival: new Float64Array(m), prompt: new Int32Array(m), output: new Int32Array(m), cached: new Int32Array(m), measured: new Uint8Array(m) };
  order.forEach((i, k) => {
    given.arrival[k] = atDecode[i]!;
    given.prompt[k] = trP.prompt[i]!;
    given.output[k] = trP.output[i]!;
    given.cached[k] = trP.cached[i]!;
    given.measured[k] = i >= trP.warmup ? 1 : 0;
  });
  const trD = simulate({ ...spec, replicas: decode.replicas }, decode.plan, { stage: "decode", given });

  const firstToken = new Float64Array(n).fill(NaN);
  const completion = new Float64Array(n).fill(NaN);
  const rejected = Uint8Array.from(trP.rejected);
  order.forEach((i, k) => {
    firstToken[i] = trD.firstToken[k]!;
    completion[i] = trD.completion[k]!;
    if (trD.rejected[k]) rejected[i] = 1;
  });
  const itP = trP.iterations;
  const itD = trD.iterations;
  const cat = (a: Float64Array, b: Float64Array, shift = 0) => {
    const out = new Float64Array(a.length + b.length);
    out.set(a);
    for (let k = 0; k < b.length; k++) out[a.length + k] = b[k]! + shift;
    return out;
  };
  const P = prefill.replicas;
  const D = decode.replicas;
  const merged: SimulationTrace = {
    n,
    warmup: trP.warmup,
    arrival: trP.arrival,
    firstScheduled: trP.firstScheduled,
    firstToken,
    completion,
    prompt: trP.prompt,
    output: trP.output,
    cached: trP.cached,
    rejected,
    preemptions: trP.preemptions + trD.preemptions,
    offloads: trP.offloads + trD.offloads,
    reloadedTokens: trP.reloadedTokens + trD.reloadedTokens,
    iterations: {
      start: cat(itP.start, itD.start),
      duration: cat(itP.duration, itD.duration),
      replica: cat(itP.replica, itD.replica, P),
      running: cat(itP.running, itD.running),
      waiting: cat(itP.waiting, itD.waiting),
      kvUsed: cat(itP.kvUsed, itD.kvUsed),
      count: itP.count + itD.count,
    },
    gaps: trD.gaps,
    // the mean over replicas, so that capacity × replicas is the deployment's whole cache
    kvCapacityTokens: (trP.kvCapacityTokens * P + trD.kvCapacityTokens * D) / (P + D),
    pinnedKvTokens: trP.pinnedKvTokens,
    endS: Math.max(trP.endS, trD.endS),
  };
  return { prefill: trP, decode: trD, merged, transferS, exposedS, bytes };
}

/** The deployment the report runs: the pipeline, and its saturation, the smaller of the two pools'. */
export function disaggregatedDeployment(prefill: PoolPlan, decode: PoolPlan, transfer: KvTransfer): Deployment & { first: DisaggTrace | null } {
  const dep: Deployment & { first: DisaggTrace | null } = {
    first: null,
    run(sp) {
      const d = simulateDisaggregated(sp, prefill, decode, transfer);
      dep.first ??= d; // the report's own run comes first; its searches after
      return d.merged;
    },
    saturation(sp) {
      return Math.min(poolSaturation(sp, prefill), poolSaturation(sp, decode));
    },
  };
  return dep;
}

/** Requests/s a pool sustains when never idle (its stage only). */
export function poolSaturation(spec: ServingSpec, p: PoolPlan): number {
  return saturationRate({ ...spec, replicas: p.replicas }, p.plan, p.role);
}

/** The cost basis of a disaggregated deployment: every chip of both pools, and their price per hour. */
export function disaggBasis(prefill: PoolPlan, decode: PoolPlan): CostBasis {
  const chips = prefill.scenario.hardware.chips * prefill.replicas + decode.scenario.hardware.chips * decode.replicas;
  const cost = prefill.costPerHour === null || decode.costPerHour === null ? null : prefill.costPerHour + decode.costPerHour;
  return { chips: prefill.scenario.hardware.chips, deployment: { chips, costPerHour: cost } };
}

/** Figures of one pool in a run (the report's `disaggregated` section). */
export interface PoolFigures {
  hardware: string;
  hardwareName: string;
  chipsPerReplica: number;
  replicas: number;
  precision: string;
  kvCapacityTokens: number;
  /** Most KV cache any replica of the pool held ÷ its capacity, 0–1. */
  peakKvOccupancy: number;
  /** Busy share of the pool's replicas over the run, 0–1; requests/s it sustains when never idle. */
  utilization: number;
  capacityRequestsPerS: number;
  costPerHour: number | null;
}

export interface DisaggFigures {
  prefill: PoolFigures;
  decode: PoolFigures;
  transfer: {
    /** Mean bytes and seconds per measured request; p50 and p99 of the seconds added to TTFT. */
    bytesMean: number;
    secondsMean: number;
    exposedP50S: number;
    exposedP99S: number;
    bytesPerS: number;
    links: number;
    linkBytesPerS: number;
    networkEfficiency: number;
    bytesPerToken: number;
    layerwise: boolean;
    source: string;
  };
}

function busyShare(tr: SimulationTrace, replicas: number): number {
  const it = tr.iterations;
  let busy = 0;
  let end = 0;
  let start = Infinity;
  for (let k = 0; k < it.count; k++) {
    busy += it.duration[k]!;
    start = Math.min(start, it.start[k]!);
    end = Math.max(end, it.start[k]! + it.duration[k]!);
  }
  return end > start ? busy / ((end - start) * replicas) : 0;
}

/** The pools' and the transfer's figures of one run. */
export function disaggFigures(spec: ServingSpec, d: DisaggTrace, prefill: PoolPlan, decode: PoolPlan, transfer: KvTransfer): DisaggFigures {
  const pool = (p: PoolPlan, tr: SimulationTrace): PoolFigures => ({
    hardware: p.scenario.hardware.preset ?? "custom",
    hardwareName: p.scenario.hardware.name,
    chipsPerReplica: p.scenario.hardware.chips,
    replicas: p.replicas,
    precision: p.scenario.precision.weights,
    kvCapacityTokens: p.plan.kvCapacityTokens,
    peakKvOccupancy: p.plan.kvCapacityTokens > 0 ? Math.max(0, ...tr.iterations.kvUsed) / p.plan.kvCapacityTokens : 0,
    utilization: busyShare(tr, p.replicas),
    capacityRequestsPerS: poolSaturation(spec, p),
    costPerHour: p.costPerHour,
  });
  const exposed: number[] = [];
  let bytes = 0;
  let secs = 0;
  for (let i = d.merged.warmup; i < d.merged.n; i++) {
    if (d.merged.rejected[i] || Number.isNaN(d.exposedS[i]!)) continue;
    exposed.push(d.exposedS[i]!);
    bytes += d.bytes[i]!;
    secs += d.transferS[i]!;
  }
  exposed.sort((a, b) => a - b);
  const rank = (p: number) => (exposed.length ? exposed[Math.max(0, Math.ceil((p / 100) * exposed.length) - 1)]! : 0);
  return {
    prefill: pool(prefill, d.prefill),
    decode: pool(decode, d.decode),
    transfer: {
      bytesMean: exposed.length ? bytes / exposed.length : 0,
      secondsMean: exposed.length ? secs / exposed.length : 0,
      exposedP50S: rank(50),
      exposedP99S: rank(99),
      bytesPerS: transfer.bytesPerS,
      links: transfer.links,
      linkBytesPerS: transfer.linkBytesPerS,
      networkEfficiency: transfer.networkEfficiency,
      bytesPerToken: transfer.bytesPerToken,
      layerwise: transfer.layerwise,
      source: TRANSFER_SOURCES,
    },
  };
}

/** Layer-by-layer transfer when the block does not say: no engine in the table does it by default (TRANSFER_SOURCES). */
export const LAYERWISE_DEFAULT = false;

/** A resolved disaggregated block, set up: both pools, the transfer, the cost basis and the deployment. */
export function disaggSetup(s: Scenario, d: NonNullable<Serving["disaggregated"]>, scheduler: ServingSpec["scheduler"], hostKv: Serving["hostKv"] = null) {
  const prefill = poolPlan(s, d.prefill, "prefill", scheduler, hostKv);
  const decode = poolPlan(s, d.decode, "decode", scheduler, hostKv);
  const transfer = kvTransfer(prefill.scenario, decode.scenario, d.layerwiseTransfer ?? LAYERWISE_DEFAULT);
  return { prefill, decode, transfer, hostKv, basis: disaggBasis(prefill, decode), deployment: disaggregatedDeployment(prefill, decode, transfer) };
}

/** The whole serving section of a disaggregated deployment (the spec's `replicas` is both pools' together). */
export function disaggregatedReport(spec: ServingSpec, setup: ReturnType<typeof disaggSetup>): ServingReport {
  const { prefill, decode, transfer, basis, deployment } = setup;
  const all = { ...spec, replicas: prefill.replicas + decode.replicas };
  const report = servingReport(all, deployment, basis);
  const first = deployment.first!;
  const figures = disaggFigures(spec, first, prefill, decode, transfer);
  report.disaggregated = figures;
  report.peakKvOccupancy = Math.max(figures.prefill.peakKvOccupancy, figures.decode.peakKvOccupancy);
  // the host tier as the decode pool has it (where caches grow and preemptions happen)
  if (setup.hostKv) report.hostKv = hostFigures(decode.scenario, decode.plan, setup.hostKv);
  // speculation runs in the decode pool, at its own running batch
  const decodeIters = first.decode.iterations;
  let busy = 0;
  let batch = 0;
  for (let k = 0; k < decodeIters.count; k++) {
    busy += decodeIters.duration[k]!;
    batch += decodeIters.duration[k]! * decodeIters.running[k]!;
  }
  report.speculative = speculativeUnderLoad(decode.scenario, spec, decode.plan, busy > 0 ? batch / busy : 0);
  return report;
}
