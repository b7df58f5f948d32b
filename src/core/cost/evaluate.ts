/**
 * evaluate(scenario) → report, following shared/CONTRACT.md "Definitions the numbers follow".
 *
 * Each phase's time is the sum over its operations of that operation's roofline,
 * max(FLOPs / (peak × compute efficiency), bytes / (bandwidth × memory efficiency)), plus the
 * communication the layout cannot hide, plus (realistic mode) fixed per-step overheads:
 *   weight matmuls   FLOPs 2·N_matmul·tokens,      bytes = weights read (shard per chip)
 *   attention        FLOPs 4·H·h·T per query,      bytes = KV cache read (decode) / written (prefill)
 *   communication    per layout (partition.ts),    latency per collective (realistic)
 * Decode is reported at the exact mean of its steps: every term is constant or linear in the
 * context (min(T, W) for windowed layers, whose mean is taken in closed form).
 */
import { scoreMatrixBytes, scoreMatrixTrafficBytes } from "./flash";
import type { Bottleneck, Report, ReportWarning, Scenario, TimeBreakdown } from "../types";
import { runtimeReserveBytes } from "./calibration";
import { decodeAtMeanContext, kvBytesPerSequence, prefillAttentionFlops } from "./model";
import { commPlan } from "./partition";
import { chooseLayout } from "./layouts";
import { bytes, flop, type Flop } from "../units";
import { firstTrue, lastTrue, narrow, SEARCH_CAP } from "./search";
import {
  boundSeconds,
  decodeShardingOf,
  kvGroupsOf,
  kvShareOf,
  peakActivationBytes,
  roofs,
  routedBytes,
  runStep,
  stepContext,
  type StepContext,
  type StepOps,
  type StepResult,
} from "./step";

type Ctx = StepContext;
type PhaseResult = StepResult;

/** What bounds a phase: network when its unhidden communication outlasts both, else the larger of compute and memory (boundSeconds). */
function bottleneckOf(b: TimeBreakdown): Bottleneck {
  const compute = b.matmulCompute + b.attentionCompute;
  const memory = b.weightLoad + b.kvRead;
  const network = b.communication;
  if (network > compute && network > memory) return "network";
  return compute > memory ? "compute" : "memory";
}

/**
 * The decode critical batches (report.roofline), at this context, with the layout and expert
 * placement chosen at this batch: the smallest batch at which the weight matmuls alone are
 * compute-bound, and at which the whole step is (boundSeconds: compute seconds > memory seconds,
 * the classification behind decode.bottleneck).
 * Where the matmul efficiency does not depend on the batch (GPUs, ideal mode, an explicit
 * efficiency) and each weight shard is read once (not weight-gathered), the weights' FLOP time
 * grows linearly with the batch while their byte time is fixed (dense) or grows ever more slowly
 * (MoE: experts hit), so they cross once; attention's two roofs both grow linearly, so its verdict
 * never changes, and above the weights' crossing neither does the step's: the step turns where the
 * weights do, or never (when each sequence's KV read outlasts its matmul time), or earlier (when
 * attention itself is compute-bound). Elsewhere it is searched. The step figure is then checked
 * against the current batch, so decode.bottleneck and criticalBatch never disagree.
 */
function criticalBatches(c: Ctx, decode: PhaseResult, decodeOps: (b: number) => StepOps, B: number): { weightsOnly: number | null; step: number | null } {
  const layout = decode.layout;
  const gathered = layout === "weight-gathered" && c.n > 1;
  const widths = decode.experts === "expert" ? c.epWidths : c.widths;
  const ep = decode.experts === "expert";
  const at = (b: number) => roofs(c, decodeOps(b), gathered ? commPlan(layout, widths, b, c.s.model.layers, c.actBytes, c.net).weightReadFactor : 1, ep);
  const weightsOk = (b: number) => {
    const r = at(b);
    return r.wCompute > r.wMemory;
  };
  const stepOk = (b: number) => {
    const x = boundSeconds(at(b));
    return x.compute > x.memory;
  };
  const r1 = at(1);
  const weightsOnly = firstTrue(Math.floor(r1.wMemory / r1.wCompute) + 1, weightsOk);
  // matmul time linear in the batch: not with a weight gather, a matrix unit's fill, experts' imbalance or grouped GEMMs' row fill (realistic mode)
  const linear = !gathered && !(ep && c.realistic) && !c.grouped && (!c.realistic || c.s.efficiency.compute !== undefined || (c.s.hardware.matmulRowsHalf ?? 0) === 0);
  let step: number | null;
  if (linear && r1.aCompute <= r1.aMemory) step = weightsOnly !== null && stepOk(weightsOnly) ? weightsOnly : null;
  else step = firstTrue(Math.min(weightsOnly ?? SEARCH_CAP, Math.floor(r1.wMemory / r1.aCompute) + 1), stepOk);
  const here = stepOk(B);
  if (here && (step === null || step > B)) step = narrow(B, 0, (b) => b > 0 && stepOk(b));
  else if (!here && step !== null && step <= B) {
    step = firstTrue(B + 1, (b) => b > B && stepOk(b));
  }
  return { weightsOnly, step };
}

/** Collects warnings about input fields; a brief evaluation builds none (the message is only made for full reports). */
type Warn = (field: string, message: () => string) => void;

/** How attention is split over the chips, and the share of one sequence's KV cache each chip then holds. */
interface Sharding {
  decode: "heads" | "batch";
  prefill: "heads" | "batch";
  /** kvShareOf(decode sharding): the fraction of a sequence's KV cache on one chip. */
  kvShareDecode: number;
}

/**
 * Attention sharding (CONTRACT: "auto" shards over heads when kvHeads ≥ chips, else batch).
 * Prefill shards over batch only when it has a sequence for every chip (Pope et al. §3.3 shard
 * batch-1 prefill over heads); otherwise as decode would.
 */
function attentionSharding(c: Ctx, warn: Warn): Sharding {
  const { n } = c;
  const B = c.s.workload.batch;
  const kvGroups = kvGroupsOf(c);
  const decode = decodeShardingOf(c);
  const prefill: "heads" | "batch" = decode === "batch" && c.s.workload.prefillBatch >= n ? "batch" : "heads";
  if (decode === "heads" && kvGroups < n && n > 1) warn("parallelism.attentionSharding", () => `${kvGroups} KV head(s) on ${n} chips: the KV cache is replicated on every chip (sharding over heads)`);
  if (decode === "batch" && B < n) warn("workload.batch", () => `batch ${B} < ${n} chips: batch-sharded attention leaves ${n - B} chip(s) without a sequence`);
  return { decode, prefill, kvShareDecode: kvShareOf(c, decode) };
}

/** The largest prefill chunk of the realistic engine (tokens); unbounded in ideal mode. */
const prefillChunk = (c: Ctx) => (c.realistic ? c.engine.prefillChunkTokens : Infinity);

/**
 * Memory and capacity (CONTRACT "Capacity"), bytes per chip: weights / chips + KV cache × the
 * chip's share + (realistic) the largest prefill chunk's activations / chips, against the chip's
 * memory less the engine's runtime reserve. Also the largest batch and the longest context that fit.
 */
function memoryCapacity(c: Ctx, sh: Sharding, warn: Warn): Report["memory"] {
  const { s, mc, n, realistic } = c;
  const { hardware: hw, model: m } = s;
  const { batch: B, promptTokens: P, outputTokens: O, prefillBatch: Bp } = s.workload;
  const kvTokens = P + O;
  const chunk = prefillChunk(c);
  // formulas.md §8 (step.ts peakActivationBytes): the largest prefill chunk's activations, whole batch.
  // Without FlashAttention one layer's score matrix is held too: heads × rows in flight × prompt × b_a (cost/flash.ts).
  const activationAt = (bp: number, p: number) =>
    peakActivationBytes(c, Math.min(bp * p, chunk), bp) + (s.flashAttention === false ? scoreMatrixBytes(m.heads, Math.min(bp * p, chunk), p, c.actBytes) : 0);
  const activationBytes = activationAt(Bp, P);
  const reserve = runtimeReserveBytes(c.engine, hw, s.mode);
  const usable = hw.memoryBytes - reserve;
  const perChipWeights = mc.weightsBytes / n;
  /** Bytes one chip holds at batch b, prefill batch bp, prompt p, context t: weights + KV (+ activations, realistic). */
  const perChipKvAt = (b: number, t: number) => b * kvBytesPerSequence(mc, t) * sh.kvShareDecode;
  const perChipActAt = (bp: number, p: number) => (realistic ? activationAt(bp, p) / n : 0);
  const perChipAt = (b: number, bp: number, p: number, t: number) => perChipWeights + perChipKvAt(b, t) + perChipActAt(bp, p);
  const perChipKv = perChipKvAt(B, kvTokens);
  const perChipAct = perChipActAt(Bp, P);
  const perChipBytes = perChipWeights + perChipKv + perChipAct;
  const fits = perChipBytes <= usable;
  // The largest batch that fits: the prefill batch moves with the batch unless it was set apart
  // (as a batch sweep does); both terms grow with the batch, so the search is exact.
  const tiedPrefill = Bp === B;
  const kvSeq = perChipKvAt(1, kvTokens);
  // Both searches start from the KV-only estimate less the activations at that estimate (they stop
  // growing at the prefill chunk, so this is the answer or next to it): two calls, not ~2·log2 of a miss.
  const batchGuess = (g: number) => (usable - perChipWeights - perChipActAt(tiedPrefill ? Math.max(1, Math.floor(g)) : Bp, P)) / kvSeq;
  const maxBatch = lastTrue(1, (b) => perChipAt(b, tiedPrefill ? b : Bp, P, kvTokens) <= usable, kvSeq > 0 ? batchGuess((usable - perChipWeights) / kvSeq) : 1);
  // The longest context at this batch: the prompt grows, the output stays (activations follow the prompt).
  const kvTok = perChipKvAt(B, 1);
  const contextGuess = (g: number) => (usable - perChipWeights - perChipActAt(Bp, Math.max(1, Math.floor(g) - O))) / kvTok;
  const longest = lastTrue(O + 1, (t) => perChipAt(B, Bp, t - O, t) <= usable, kvTok > 0 ? contextGuess((usable - perChipWeights) / kvTok) : O + 1);
  const maxContextTokens = longest > O ? longest : 0;
  const window = m.contextWindow;
  if (!fits) {
    warn(maxBatch >= 1 ? "workload.batch" : "hardware.chips", () =>
      `does not fit: ${(perChipBytes / 1e9).toFixed(1)} GB needed per chip, ${(usable / 1e9).toFixed(1)} GB usable` +
      (maxBatch >= 1 ? `; at most ${maxBatch.toLocaleString("en-US")} sequences fit at this context` : "; not even one sequence fits on these chips"));
  }
  if (window !== undefined && kvTokens > window) {
    warn(P > window ? "workload.promptTokens" : "workload.outputTokens", () =>
      `prompt + output = ${kvTokens.toLocaleString("en-US")} tokens is beyond ${m.name}'s ${window.toLocaleString("en-US")}-token context window; the numbers are computed anyway`);
  }
  return {
    weightsBytes: mc.weightsBytes,
    kvCacheBytesPerToken: mc.kvBytesPerTokenLayer * m.layers,
    kvCacheBytes: B * kvBytesPerSequence(mc, kvTokens),
    activationBytes,
    perChipBytes,
    capacityBytes: hw.memoryBytes,
    usableBytes: usable,
    fits,
    maxBatch,
    maxContextTokens,
    contextWindowTokens: window ?? null,
    maxContextBeyondWindow: window !== undefined && maxContextTokens > window,
    perChip: { weights: perChipWeights, kvCache: perChipKv, activations: perChipAct, reserve },
  };
}

/**
 * Prefill: one pass over Bp × P tokens (realistic: in chunks of the engine's size), logits only for
 * the last prompt position (what serving engines compute). FLOPs 2·(N_matmul − N_lm)·tokens +
 * 2·N_lm·Bp + causal attention; bytes: weights once per chunk, the KV cache written, and without
 * FlashAttention the score matrices (cost/flash.ts).
 */
function prefillPhase(c: Ctx, sh: Sharding): { step: PhaseResult & { reason: string }; matmulFlops: Flop } {
  const { s, mc, n } = c;
  const { promptTokens: P, prefillBatch: Bp } = s.workload;
  const tokens = Bp * P;
  const chunk = prefillChunk(c);
  const rows = Math.min(tokens, chunk);
  const chunks = Number.isFinite(chunk) ? Math.ceil(tokens / chunk) : 1;
  const lmHead = mc.params.lmHead;
  const matmulFlops = flop(2 * (mc.matmulParamsPerToken - lmHead) * tokens + 2 * lmHead * Bp);
  const noFlash = s.flashAttention === false;
  const ops: StepOps = {
    tokens,
    rows,
    matmulFlops,
    weightBytes: bytes(mc.fixedStreamBytes + routedBytes(c, rows)),
    attnFlops: flop(Bp * prefillAttentionFlops(mc, P)),
    attnBytesPerChip: bytes(Bp * kvBytesPerSequence(mc, P) * kvShareOf(c, sh.prefill) + (noFlash ? scoreMatrixTrafficBytes(s.model.layers, s.model.heads, Bp, P, c.actBytes) / n : 0)),
    batchSharded: sh.prefill === "batch",
    steps: chunks,
    sequences: Bp,
  };
  return { step: chooseLayout(c, (l, ep) => runStep(c, l, ops, ep)), matmulFlops };
}

/** The decode phase at its exact mean step, and the operations of a step at any batch (for the critical-batch search). */
interface DecodePhase {
  step: PhaseResult & { reason: string };
  /** One decode step of batch b at the mean context (b = batch gives exactly the reported step). */
  opsAt: (b: number) => StepOps;
  /** Per sequence at the mean context: attention FLOPs and KV bytes read (decodeAtMeanContext). */
  perSeq: { attnFlops: number; kvBytes: number };
}

/**
 * Decode: O steps of B tokens at contexts P+1 … P+O, reported at their exact mean (every term is
 * constant or linear in the context). FLOPs 2·N_matmul·B + B·attention at the mean context; bytes:
 * the weights (routed experts as hit by B tokens) and each chip's share of the KV cache read.
 */
function decodePhase(c: Ctx, sh: Sharding): DecodePhase {
  const { mc, s } = c;
  const perSeq = decodeAtMeanContext(mc, s.workload.promptTokens, s.workload.outputTokens);
  const opsAt = (b: number): StepOps => ({
    tokens: b,
    rows: b,
    matmulFlops: flop(2 * mc.matmulParamsPerToken * b),
    weightBytes: bytes(mc.fixedStreamBytes + routedBytes(c, b)),
    attnFlops: flop(b * perSeq.attnFlops),
    attnBytesPerChip: bytes(b * perSeq.kvBytes * sh.kvShareDecode),
    batchSharded: sh.decode === "batch",
    steps: 1,
    sequences: b,
  });
  const ops = opsAt(s.workload.batch);
  return { step: chooseLayout(c, (l, ep) => runStep(c, l, ops, ep)), opsAt, perSeq };
}

/**
 * Speculative decoding (Leviathan et al. 2023): k draft steps, then one target step over k+1 tokens
 * per sequence; the expected number of tokens it yields is (1 − α^(k+1)) / (1 − α). Seconds per
 * output token = (k · draft step + verify step) / expected tokens.
 */
function speculativeDecoding(c: Ctx, dec: DecodePhase, sh: Sharding): Report["speculative"] {
  const { s, mc } = c;
  if (!s.speculative) return undefined;
  const { draft, draftTokens: k, acceptanceRate: a } = s.speculative;
  const B = s.workload.batch;
  const d = evaluate({ ...s, model: draft, speculative: undefined }, { brief: true });
  const one = dec.opsAt(B);
  const verify = runStep(c, dec.step.layout, {
    ...one,
    tokens: B * (k + 1),
    rows: B * (k + 1),
    matmulFlops: flop(2 * mc.matmulParamsPerToken * B * (k + 1)),
    weightBytes: bytes(mc.fixedStreamBytes + routedBytes(c, B * (k + 1))),
    attnFlops: flop(B * dec.perSeq.attnFlops * (k + 1)),
    // the KV cache is read once for the k+1 queries
    attnBytesPerChip: bytes(B * dec.perSeq.kvBytes * sh.kvShareDecode),
  }, dec.step.experts === "expert");
  const expected = a >= 1 ? k + 1 : (1 - Math.pow(a, k + 1)) / (1 - a);
  const t = (k * d.decode.timePerTokenS + verify.timeS) / expected;
  const price = s.hardware.pricePerHour;
  return {
    expectedTokensPerStep: expected,
    draftStepS: d.decode.timePerTokenS,
    verifyStepS: verify.timeS,
    timePerTokenS: t,
    speedup: dec.step.timeS / t,
    costPerMillionOutputTokens: price === undefined ? null : ((price / 3600) * c.n * t * 1e6) / B,
    draftBytesPerChip: d.memory.perChip.weights + d.memory.perChip.kvCache,
  };
}

/**
 * Throughput and cost (CONTRACT "Cost"): chip-time charged to input tokens by prefill, output
 * tokens by decode; all-in: the whole request's chip-time charged to its output tokens. Chip-seconds
 * per million tokens, US$ at the chip's hourly price, joules at its power.
 */
function totals(c: Ctx, prefillS: number, decodeS: number): Report["total"] {
  const { n, s } = c;
  const { batch: B, outputTokens: O, promptTokens: P, prefillBatch: Bp } = s.workload;
  const { pricePerHour: price, powerWatts } = s.hardware;
  const totalTime = prefillS + decodeS;
  const chipSecIn = (n * prefillS) / (Bp * P) * 1e6;
  const chipSecOut = (n * decodeS) / (B * O) * 1e6;
  const chipSecAllIn = (n * totalTime) / (B * O) * 1e6;
  const usd = (chipSeconds: number) => (price === undefined ? null : (price / 3600) * chipSeconds);
  return {
    timeS: totalTime,
    outputTokensPerS: (B * O) / totalTime,
    costPerMillionOutputTokens: usd(chipSecOut),
    costPerMillionInputTokens: usd(chipSecIn),
    chipSecondsPerMillionOutputTokens: chipSecOut,
    chipSecondsPerMillionInputTokens: chipSecIn,
    costPerMillionOutputTokensAllIn: usd(chipSecAllIn),
    chipSecondsPerMillionOutputTokensAllIn: chipSecAllIn,
    joulesPerOutputToken: powerWatts === undefined ? null : (powerWatts * n * decodeS) / (B * O),
  };
}

/** A phase's report entry: its step, bottleneck and layout (prefill and decode share these fields). */
function phaseFields(p: PhaseResult & { reason: string }, sharding: "heads" | "batch") {
  return {
    bottleneck: bottleneckOf(p.breakdown),
    breakdown: p.breakdown,
    layout: p.layout,
    attentionSharding: sharding,
    layoutReason: p.reason,
    experts: p.experts,
    commBytes: p.commBytes,
    hostBound: p.hostBound,
    ...(p.groupedGemmShare === undefined ? {} : { groupedGemmShare: p.groupedGemmShare }),
  };
}

/**
 * Evaluates a resolved scenario. Pure and deterministic; units per CONTRACT.md (SI).
 * `brief` leaves out the prose (layoutReason, warnings) for sweeps; every number is the same.
 * Steps: attention sharding → memory and capacity → prefill → decode → speculative decoding →
 * utilisation, cost and the roofline's critical batches.
 */
export function evaluate(s: Scenario, opts: { brief?: boolean } = {}): Report {
  const brief = opts.brief === true;
  const warnings: ReportWarning[] = [];
  const warn: Warn = (field, f) => {
    if (!brief) warnings.push({ field, message: f() });
  };
  const c: Ctx = stepContext(s, brief);
  const { mc, n, math: pk } = c;
  const hw = s.hardware;
  if (pk.used !== pk.asked) warn("precision.activations", () => `${hw.name} has no ${pk.asked} figure; math runs at its ${pk.used} rate`);
  if (s.sparsity.weights === "2:4" && !hw.sparseTensorCores) warn("sparsity.weights", () => "2:4 sparsity halves weight bytes, but this chip has no sparse tensor cores: no faster math");

  const sh = attentionSharding(c, warn);
  const memory = memoryCapacity(c, sh, warn);
  const { step: prefill, matmulFlops: prefillMatmul } = prefillPhase(c, sh);
  const dec = decodePhase(c, sh);
  const decode = dec.step;
  const speculative = speculativeDecoding(c, dec, sh);

  const { batch: B, outputTokens: O } = s.workload;
  const tpot = decode.timeS;
  const decodeTime = tpot * O;
  const decodeOps = dec.opsAt(B);
  const kvReadPerChip = decodeOps.attnBytesPerChip;

  // utilisation (CONTRACT "MFU"): the weight-matmul FLOPs the step performs — no input embedding
  // (a lookup), the output projection only for the tokens whose logits are computed (prefill: the
  // last prompt position), 2:4 sparsity skipping half — over chips × peak × time; attention not
  // counted. These are the FLOPs the matmul roofline timed, so MFU ≤ compute efficiency.
  const peakAll = n * pk.flops;
  const bytesPerStep = decodeOps.weightBytes + kvReadPerChip * n;

  const active = mc.params.active;
  const crit = criticalBatches(c, decode, dec.opsAt, B);

  return {
    params: { total: mc.params.total, active },
    memory,
    prefill: {
      timeS: prefill.timeS,
      flops: prefill.flops,
      bytes: prefill.bytes,
      mfu: prefillMatmul / c.sparseMul / (peakAll * prefill.timeS),
      ...phaseFields(prefill, sh.prefill),
    },
    decode: {
      flopsPerToken: 2 * mc.matmulParamsPerToken + dec.perSeq.attnFlops,
      bytesPerStep,
      timePerTokenS: tpot,
      timeS: decodeTime,
      mfu: decodeOps.matmulFlops / c.sparseMul / (peakAll * tpot),
      mbu: bytesPerStep / (n * hw.memoryBandwidth * tpot),
      ...phaseFields(decode, sh.decode),
    },
    total: totals(c, prefill.timeS, decodeTime),
    speculative,
    attention: {
      flopsShare: dec.perSeq.attnFlops / (dec.perSeq.attnFlops + 2 * active),
      crossoverTokens: (2 * active) / (mc.attnFlopsPerKey * s.model.layers),
    },
    roofline: {
      mathPrecision: pk.used,
      peakFlops: pk.flops,
      memoryBandwidth: hw.memoryBandwidth,
      ridgeIntensity: pk.flops / hw.memoryBandwidth,
      criticalBatch: crit.step,
      criticalBatchBasis: crit.step === crit.weightsOnly ? "weights" : "weights+kv",
      criticalBatchWeightsOnly: crit.weightsOnly,
    },
    assumptions: {
      mode: s.mode,
      efficiency: c.eff,
      stepOverheadS: { prefill: prefill.breakdown.overhead, decode: decode.breakdown.overhead },
      runtimeReserveBytes: memory.perChip.reserve,
    },
    engine: c.engine.id,
    engineAssumed: c.engineAssumed,
    warnings,
  };
}
