/**
 * One step of the model on the chips: the roofline of each operation, summed (CONTRACT.md "Step
 * time"). The static phases (evaluate.ts) and the serving simulator's iterations both price their
 * steps here, so a prefill, a decode step and a mixed continuous-batching iteration are one model:
 *   weight matmuls   FLOPs 2·N_matmul·rows (+ LM head per logit row),  bytes = weights read
 *   attention        FLOPs 4·H·h per (query, key) pair,                 bytes = KV read + written
 *   communication    per layout (partition.ts),                         latency per collective
 *   overhead         realistic mode: the engine's per-kernel, per-step and per-sequence costs (engines.ts)
 */
import { bytesPerElement, mathPrecision, peakFor } from "../precision";
import type { ConcreteLayout, Efficiency, Scenario, TimeBreakdown } from "../types";
import { eagerIssueS, engineOf, groupedGemmOf, groupedGemmShare, type EngineProfile, type GroupedGemm } from "../engines";
import { COMPUTE_EFFICIENCY, MEMORY_EFFICIENCY, NETWORK_EFFICIENCY, quantKernelBandwidthShare } from "./calibration";
import { expectedExpertsHit, modelCosts, type ModelCosts } from "./model";
import { attentionAllToAll, commPlan, expertAllToAll, makeNet, type LayerWidths, type Net } from "./partition";
import { byteTime, bytes, bytesPerS, flop, flopPerS, flopTime, seconds, type Bytes, type BytesPerS, type Flop, type FlopPerS, type Seconds } from "../units";

/** What every step of one scenario shares: chips, roofs, efficiencies, widths, network. */
export interface StepContext {
  s: Scenario;
  mc: ModelCosts;
  n: number;
  /** Per chip at the math precision (dense). */
  peak: FlopPerS;
  sparseMul: number; // 2 when 2:4 sparsity runs on sparse tensor cores
  /** Per chip. */
  bw: BytesPerS;
  eff: Efficiency;
  realistic: boolean;
  quantShare: number;
  actBytes: number; // bytes per activation element that crosses chips or stays in memory
  widths: LayerWidths;
  /** Widths that cross chips when experts are placed whole: the attention block only. */
  epWidths: LayerWidths;
  net: Net;
  /** The math precision asked for, and the one the chip runs it at with its rate. */
  math: { asked: ReturnType<typeof mathPrecision>; used: ReturnType<typeof peakFor>["used"]; flops: FlopPerS };
  /** Skip the prose (layout reasons, warnings): sweeps for charts never read it. */
  brief: boolean;
  /** The serving engine's terms (realistic mode), and whether the scenario named it or its vendor's default was assumed. */
  engine: EngineProfile;
  engineAssumed: boolean;
  /** Realistic mode with the engine's graphs off: the host's time to issue one pass's kernels (a floor under each pass), seconds; else 0. */
  eagerIssueS: number;
  /** Realistic mode without a compute override: how the engine's grouped GEMMs run the routed experts on this chip (none: the dense rate). */
  grouped?: GroupedGemm;
}

/** Builds the shared context of a resolved scenario (efficiencies: overrides, else the mode's). */
export function stepContext(s: Scenario, brief = false): StepContext {
  const hw = s.hardware;
  const realistic = s.mode === "realistic";
  const mc = modelCosts(s);
  const math = mathPrecision(s.precision);
  const pk = peakFor(hw, math);
  const sparse = s.sparsity.weights === "2:4";
  const { engine, assumed } = engineOf(s);
  const eff: Efficiency = {
    compute: s.efficiency.compute ?? (realistic ? (hw.achievable?.compute ?? COMPUTE_EFFICIENCY) * engine.forwardPassShare : 1),
    memory: s.efficiency.memory ?? (realistic ? (hw.achievable?.memory ?? MEMORY_EFFICIENCY) : 1),
    network: s.efficiency.network ?? (realistic ? NETWORK_EFFICIENCY : 1),
  };
  return {
    s,
    mc,
    n: hw.chips,
    peak: flopPerS(pk.flops),
    sparseMul: sparse && hw.sparseTensorCores ? 2 : 1,
    bw: bytesPerS(hw.memoryBandwidth),
    eff,
    realistic,
    quantShare: realistic ? quantKernelBandwidthShare(s.precision, math, engine) : 1,
    // W8A8 / FP8 quantizes the inputs of each matmul; the residual stream between them, which the
    // collectives move and the activation memory holds, stays 16-bit (TensorRT-LLM and vLLM
    // all-reduce in bf16/fp16 even for fp8 models).
    actBytes: Math.max(bytesPerElement(s.precision.activations), 2),
    widths: mc.widths,
    epWidths: mc.epWidths,
    net: makeNet(hw, s.mode, s.efficiency.network),
    math: { asked: math, used: pk.used, flops: flopPerS(pk.flops) },
    brief,
    engine,
    engineAssumed: assumed,
    eagerIssueS: realistic ? eagerIssueS(engine, s.engineOptions, s.model.layers, mc.params.moeLayers) : 0,
    grouped: realistic && s.model.moe && s.efficiency.compute === undefined ? groupedGemmOf(engine, hw.preset) : undefined,
  };
}

/** Expert placements a phase may take: the scenario's, else (realistic mode) the engine's default, else both. */
export function expertPlacements(c: StepContext): boolean[] {
  if (!c.s.model.moe) return [false];
  const asked = c.s.parallelism.experts ?? "auto";
  const pe = asked === "auto" && c.realistic ? c.engine.expertsDefault : asked;
  return pe === "auto" ? [false, true] : [pe === "expert"];
}

/** The operations of one step (all chips; `steps` repeats the weight read and the overhead). */
export interface StepOps {
  /** Token rows through the matmuls (all sequences), and rows per matmul for its efficiency. */
  tokens: number;
  rows: number;
  matmulFlops: Flop;
  /** Weight bytes read per step, whole model (the chips each read their share). */
  weightBytes: Bytes;
  attnFlops: Flop;
  attnBytesPerChip: Bytes;
  batchSharded: boolean;
  steps: number;
  /** Sequences in the step (the engine's per-sequence cost). */
  sequences: number;
}

export interface StepResult {
  timeS: Seconds;
  breakdown: TimeBreakdown;
  layout: ConcreteLayout;
  /** Per chip. */
  commBytes: Bytes;
  detail: string;
  experts?: "tensor" | "expert";
  /** All chips. */
  flops: Flop;
  /** All chips: weights as read (× the layout's read factor) + KV traffic. */
  bytes: Bytes;
  /** The host's kernel issue time (graphs off) outlasts the GPU's step. */
  hostBound: boolean;
  /** The routed experts' grouped-GEMM rate against the dense rate, where the engine has a figure (routedShare). */
  groupedGemmShare?: number;
}

const NO_A2A = { timeS: 0, latencyS: 0, bytesPerChip: 0 };

/** Matmul efficiency for M token rows per step: base × M/(M + M_half) in realistic mode (the chip's matrix-unit fill, presets.ts). */
export function matmulEfficiency(c: StepContext, rows: number): number {
  const half = c.s.hardware.matmulRowsHalf ?? 0;
  if (!c.realistic || c.s.efficiency.compute !== undefined || half === 0) return c.eff.compute;
  return c.eff.compute * (rows / (rows + half));
}

/** Expected routed-expert bytes read by a step of `tokens` rows: E·(1 − (1 − k/E)^tokens) experts per MoE layer. */
export function routedBytes(c: StepContext, tokens: number): Bytes {
  const moe = c.s.model.moe;
  return bytes(moe ? c.mc.params.moeLayers * expectedExpertsHit(moe.experts, moe.activeExperts, tokens) * c.mc.expertBytes : 0);
}

/** KV-head groups attention can be split over (MLA's latent cache is one group). */
export function kvGroupsOf(c: StepContext): number {
  return c.s.model.attention === "mla" ? 1 : c.s.model.kvHeads;
}

/** Decode attention sharding (CONTRACT: "auto" shards over heads when kvHeads ≥ chips, else batch). */
export function decodeShardingOf(c: StepContext): "heads" | "batch" {
  const sh = c.s.parallelism.attentionSharding;
  return sh === "auto" ? (c.n <= 1 || kvGroupsOf(c) >= c.n ? "heads" : "batch") : sh;
}

/** Share of one sequence's KV cache a chip holds: 1/n over batch or heads; 1/K when heads < chips (replicated). */
export function kvShareOf(c: StepContext, sh: "heads" | "batch"): number {
  return c.n <= 1 ? 1 : sh === "batch" ? 1 / c.n : 1 / Math.min(kvGroupsOf(c), c.n);
}

/**
 * Peak transient activation bytes of a step of `rows` token rows (formulas.md §8): the largest
 * layer's input plus its fused QKV and gate/up outputs, b_a·rows·(d + in-width), plus fp32 logits
 * for the rows that compute them. All chips together.
 */
export function peakActivationBytes(c: StepContext, rows: number, logitRows: number): Bytes {
  return bytes(c.actBytes * rows * (c.s.model.dModel + c.mc.widths.inWidth) + 4 * logitRows * c.s.model.vocab);
}

/**
 * The engine's terms of a step in realistic mode (engines.ts), seconds: each of its `steps` passes
 * costs a cost per kernel × kernels per layer plus a host cost per step; each of its `sequences`
 * costs a per-sequence cost per layer.
 */
export function engineOverheadS(c: StepContext, steps: number, sequences: number): Seconds {
  if (!c.realistic) return seconds(0);
  const e = c.engine;
  const perPass = e.kernelS * (c.s.model.layers * e.kernelsPerLayer + c.mc.params.moeLayers * e.moeKernelsPerLayer) + e.stepS;
  return seconds(steps * perPass + sequences * c.s.model.layers * e.perSequenceLayerS);
}

/** The two operations' rooflines in seconds (CONTRACT "Step time"), before communication and overhead. */
export interface Roofs {
  wCompute: Seconds;
  wMemory: Seconds;
  aCompute: Seconds;
  aMemory: Seconds;
}

/**
 * Experts placed whole on n chips wait for the busiest chip (realistic mode): with T token rows
 * each routed to k experts at random, a chip's load is Binomial(T·k, 1/n) with mean μ = T·k/n, and
 * the busiest of n is ≈ μ + σ·√(2 ln n) (the maximum of n near-normal loads; capped at all T·k on
 * one chip), σ² = T·k·(1/n)(1 − 1/n). Returns the routed FLOPs that excess adds, all chips counted
 * as the busiest one: (f − 1) × 2·T·k·P_expert per MoE layer, f = 1 + √(2 ln n · (n − 1) / (T·k)).
 * Real routers are less even than random (DeepSeek-V3 replicates hot experts, EPLB, to fight it),
 * so this is the least imbalance; ideal mode assumes perfect balance.
 */
export function expertImbalanceFlops(c: StepContext, tokens: number): number {
  const moe = c.s.model.moe;
  if (!c.realistic || !moe || c.n <= 1 || tokens <= 0) return 0;
  const pairs = tokens * moe.activeExperts;
  const f = Math.min(c.n, 1 + Math.sqrt((2 * Math.log(c.n) * (c.n - 1)) / pairs));
  return (f - 1) * 2 * pairs * c.mc.params.moeLayers * c.mc.params.expertParams;
}

/**
 * The routed experts' grouped GEMMs against the dense rate (engines.ts GroupedGemm) for a pass of
 * `rows` token rows: each hit expert gets rows·k / E_hit rows, E_hit = E·(1 − (1 − k/E)^rows). 1
 * without an engine figure (ideal mode, a compute override, an unmeasured vendor).
 */
export function routedShare(c: StepContext, rows: number): number {
  const moe = c.s.model.moe;
  if (!c.grouped || !moe || rows <= 0) return 1;
  return groupedGemmShare(c.grouped, (rows * moe.activeExperts) / expectedExpertsHit(moe.experts, moe.activeExperts, rows));
}

/**
 * Weight matmuls: FLOPs ÷ (chips × peak × sparse × compute eff.), the routed experts' at the
 * grouped-GEMM share of that rate (routedShare), against their bytes (shard ×
 * gather factor × steps) ÷ (bandwidth × memory eff. × quantised-kernel share); attention: FLOPs ÷
 * (chips × peak × compute eff. × attention share) against KV bytes per chip ÷ (bandwidth × memory
 * eff. × the engine's KV read share). Seconds. Shared by runStep and the critical-batch search so both classify alike.
 */
export function roofs(c: StepContext, o: StepOps, weightReadFactor: number, expertParallel = false): Roofs {
  const effC = matmulEfficiency(c, o.rows);
  const routed = 2 * c.mc.routedParamsPerToken * o.tokens;
  const imbalance = expertParallel ? expertImbalanceFlops(c, o.tokens) : 0;
  const rate = c.peak * c.sparseMul * effC;
  return {
    wCompute: seconds(flopTime(flop((o.matmulFlops - routed) / c.n), flopPerS(rate)) + flopTime(flop((routed + imbalance) / c.n), flopPerS(rate * routedShare(c, o.rows)))),
    wMemory: byteTime(bytes((o.weightBytes / c.n) * weightReadFactor * o.steps), bytesPerS(c.bw * c.eff.memory * c.quantShare)),
    aCompute: flopTime(flop(o.attnFlops / c.n), flopPerS(c.peak * effC * (c.realistic ? c.engine.attentionComputeShare : 1))),
    aMemory: byteTime(o.attnBytesPerChip, bytesPerS(c.bw * c.eff.memory * (c.realistic ? c.engine.kvBandwidthShare : 1))),
  };
}

/**
 * The one classification every bound in the report comes from: an operation counts as compute
 * when its FLOP time exceeds its byte time (ties count as memory); the step's compute and memory
 * seconds are the sums over its two operations (what TimeBreakdown holds).
 */
export function boundSeconds(r: Roofs): { compute: Seconds; memory: Seconds } {
  const w = Math.max(r.wCompute, r.wMemory);
  return {
    compute: seconds((r.wCompute > r.wMemory ? w : 0) + (r.aCompute > r.aMemory ? r.aCompute : 0)),
    memory: seconds((r.wMemory >= r.wCompute ? w : 0) + (r.aMemory >= r.aCompute ? r.aMemory : 0)),
  };
}

/**
 * Prices one step for a concrete layout: each operation's roofline max(FLOPs / (peak × eff),
 * bytes / (bandwidth × eff)), plus the communication the layout cannot hide, plus overheads.
 * Seconds; FLOPs and bytes for all chips.
 */
export function runStep(c: StepContext, layout: ConcreteLayout, o: StepOps, expertParallel = false): StepResult {
  const { n } = c;
  const plan = commPlan(layout, expertParallel ? c.epWidths : c.widths, o.tokens, c.s.model.layers, c.actBytes, c.net);
  const moe = c.s.model.moe;
  const ep = expertParallel && moe ? expertAllToAll(o.tokens, moe.activeExperts + moe.sharedExperts, c.s.model.dModel, c.actBytes, c.mc.params.moeLayers, c.net) : NO_A2A;
  const attA2a = o.batchSharded ? attentionAllToAll(c.widths, o.tokens, c.s.model.layers, c.actBytes, c.net) : NO_A2A;

  // weight matmuls (the gathered copy of weight-gathered layouts is what each chip then reads),
  // attention (FlashAttention-style kernels run below the matmul rate, engines.ts)
  const { wCompute, wMemory, aCompute, aMemory } = roofs(c, o, plan.weightReadFactor, expertParallel && !!moe && n > 1);
  const weightBytesRead = o.weightBytes * plan.weightReadFactor * o.steps;
  const wTime = Math.max(wCompute, wMemory, plan.overlappableS);
  const commS = plan.timeS + plan.latencyS + attA2a.timeS + attA2a.latencyS + ep.timeS + ep.latencyS;
  // Without graphs the host issues every kernel: the step lasts at least that long (own H200 eager runs).
  const engineS = engineOverheadS(c, o.steps, o.sequences);
  const gpuS = wTime + Math.max(aCompute, aMemory) + commS + engineS;
  const overhead = engineS + Math.max(0, o.steps * c.eagerIssueS - gpuS);

  // A weight gather hidden behind the matmuls shows only the part that sticks out of them.
  const wBound = Math.max(wCompute, wMemory);
  const breakdown: TimeBreakdown = {
    weightLoad: wMemory >= wCompute ? wBound : 0,
    matmulCompute: wCompute > wMemory ? wBound : 0,
    kvRead: aMemory >= aCompute ? aMemory : 0,
    attentionCompute: aCompute > aMemory ? aCompute : 0,
    communication: commS + (wTime - wBound),
    overhead,
  };
  return {
    timeS: seconds(Math.max(gpuS, o.steps * c.eagerIssueS)),
    breakdown,
    layout,
    commBytes: bytes(plan.bytesPerChip + attA2a.bytesPerChip + ep.bytesPerChip),
    detail: plan.detail,
    experts: moe && n > 1 ? (expertParallel ? "expert" : "tensor") : undefined,
    flops: flop(o.matmulFlops + o.attnFlops),
    bytes: bytes(weightBytesRead + o.attnBytesPerChip * n),
    hostBound: o.steps * c.eagerIssueS > gpuS,
    groupedGemmShare: c.grouped && moe ? routedShare(c, o.rows) : undefined,
  };
}

/**
 * The aggregate shape of a continuous-batching iteration (serving/simulate.ts fills it): decoding
 * sequences at their own contexts and prefill chunks, in one pass over the weights.
 */
export interface IterationShape {
  /** Sequences getting one decode token. */
  decodeSeqs: number;
  /** Σ over decoding sequences of the keys each new token attends to (its context + itself). */
  decodeKeys: number;
  /** The same for layers with a sliding window: Σ min(keys, window). */
  decodeKeysWindowed: number;
  /** Prefill tokens in the iteration (whole prompts or chunks). */
  prefillTokens: number;
  /** Σ over chunks of causal (query, key) pairs, ∫ t dt over the chunk's positions (a whole prompt of S: S²/2, as the contract's prefill). */
  prefillPairs: number;
  /** The same with keys capped at the window, ∫ min(t, W) dt. */
  prefillPairsWindowed: number;
  /** Σ over chunks of the tokens already in the cache before the chunk (read again by it). */
  prefillPriorKeys: number;
  /** The same capped at the window. */
  prefillPriorKeysWindowed: number;
  /** KV tokens the chunks leave in windowed layers: Σ (min(end, W) − min(start, W)). */
  prefillNewKeysWindowed: number;
  /** Rows whose logits are computed: every decode token, and each prefill that completes. */
  logitRows: number;
  /** Distinct sequences in the iteration. */
  sequences: number;
}

/**
 * The operations of one iteration (weights read once for every token in it; each sequence's
 * attention at its own context; logits only where a token is produced). A pure prefill or a pure
 * decode shape gives exactly the static phase's operations (a test checks the parity).
 */
export function iterationOps(c: StepContext, sharding: "heads" | "batch", it: IterationShape): StepOps {
  const mc = c.mc;
  const tokens = it.decodeSeqs + it.prefillTokens;
  const lmHead = mc.params.lmHead;
  const kvTokens = mc.fullLayers * (it.decodeKeys + it.prefillTokens + it.prefillPriorKeys) + mc.windowLayers * (it.decodeKeysWindowed + it.prefillNewKeysWindowed + it.prefillPriorKeysWindowed);
  return {
    tokens,
    rows: tokens,
    matmulFlops: flop(2 * (mc.matmulParamsPerToken - lmHead) * tokens + 2 * lmHead * it.logitRows),
    weightBytes: bytes(mc.fixedStreamBytes + routedBytes(c, tokens)),
    attnFlops: flop(mc.attnFlopsPerKey * (mc.fullLayers * (it.decodeKeys + it.prefillPairs) + mc.windowLayers * (it.decodeKeysWindowed + it.prefillPairsWindowed))),
    attnBytesPerChip: bytes(mc.kvBytesPerTokenLayer * kvTokens * kvShareOf(c, sharding)),
    batchSharded: sharding === "batch",
    steps: 1,
    sequences: it.sequences,
  };
}
