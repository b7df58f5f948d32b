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
import type { Bottleneck, ConcreteLayout, Report, ReportWarning, Scenario, TimeBreakdown } from "../types";
import { runtimeReserveBytes } from "./calibration";
import { kvBytesPerSequence, meanCappedContext, prefillAttentionFlops } from "./model";
import { commPlan } from "./partition";
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

const LAYOUT_NAMES: Record<ConcreteLayout, string> = {
  "1d-weight-stationary": "1D weight-stationary",
  "2d-weight-stationary": "2D weight-stationary",
  "weight-gathered": "weight-gathered",
};

type Ctx = StepContext;
type PhaseResult = StepResult;
const phaseStep = runStep;

/** Runs a phase for the requested layout, or for every layout when "auto", keeping the fastest. */
function choose(c: Ctx, run: (l: ConcreteLayout, expertParallel: boolean) => PhaseResult): PhaseResult & { reason: string } {
  if (c.n <= 1) return Object.assign(run("1d-weight-stationary", false), { reason: "one chip: nothing to partition" });
  const pe = c.s.parallelism.experts ?? "auto";
  const eps = c.s.model.moe ? (pe === "auto" ? [false, true] : [pe === "expert"]) : [false];
  const pick = (l: ConcreteLayout) => {
    let best: PhaseResult | undefined;
    for (const e of eps) {
      const r = run(l, e);
      if (!best || r.timeS < best.timeS) best = r;
    }
    return best!;
  };
  const how = (r: PhaseResult) => `${LAYOUT_NAMES[r.layout]} (${r.detail}${r.experts ? `; experts ${r.experts === "expert" ? "placed whole on chips" : "split over chips"}` : ""})`;
  if (c.s.parallelism.layout !== "auto") {
    const r = pick(c.s.parallelism.layout);
    return Object.assign(r, { reason: c.brief ? "" : `${how(r)} as chosen` });
  }
  const a = pick("1d-weight-stationary");
  const b = pick("2d-weight-stationary");
  const g = pick("weight-gathered");
  const best = a.timeS <= b.timeS && a.timeS <= g.timeS ? a : b.timeS <= g.timeS ? b : g;
  if (c.brief) return Object.assign(best, { reason: "" });
  let others = "";
  for (const r of [a, b, g]) if (r !== best) others += `${others ? ", " : ""}${LAYOUT_NAMES[r.layout]} ${fmtMs(r.timeS)}`;
  return Object.assign(best, { reason: `auto: ${how(best)} is fastest at ${fmtMs(best.timeS)} vs ${others}` });
}

function fmtMs(s: number): string {
  return s >= 1 ? `${s.toFixed(2)} s` : `${(s * 1e3).toFixed(s >= 0.01 ? 1 : 2)} ms`;
}

/** What bounds a phase: network when its unhidden communication outlasts both, else the larger of compute and memory (boundSeconds). */
function bottleneckOf(b: TimeBreakdown): Bottleneck {
  const compute = b.matmulCompute + b.attentionCompute;
  const memory = b.weightLoad + b.kvRead;
  const network = b.communication;
  if (network > compute && network > memory) return "network";
  return compute > memory ? "compute" : "memory";
}

/** Searches stop here: a batch or context beyond 1e9 tokens is reported as 1e9 (the scenario accepts at most 1e6 and 1e8). */
export const SEARCH_CAP = 1e9;

/** Narrows two integers with ok(t) true and ok(f) false (either order) to neighbours; returns the true one. */
function narrow(t: number, f: number, ok: (x: number) => boolean): number {
  while (Math.abs(f - t) > 1) {
    const mid = Math.floor((t + f) / 2);
    if (ok(mid)) t = mid;
    else f = mid;
  }
  return t;
}

/**
 * Largest integer x in [lo, SEARCH_CAP] with ok(x), for ok true up to some point and false after
 * it; lo − 1 when ok(lo) is false. Gallops from a guess (clamped to the range), then bisects:
 * two calls when the guess is right, ~2·log2 of the miss otherwise.
 */
function lastTrue(lo: number, ok: (x: number) => boolean, guess = lo): number {
  if (!ok(lo)) return lo - 1;
  let good = lo;
  const g = Math.min(SEARCH_CAP, Math.max(lo, Math.floor(Number.isFinite(guess) ? guess : lo)));
  if (g > lo) {
    if (ok(g)) good = g;
    else {
      // below the guess: gallop down from it to a true point
      let bad = g;
      for (let step = 1; ; step *= 2) {
        const x = Math.max(lo, bad - step);
        if (x === lo || ok(x)) return narrow(x, bad, ok);
        bad = x;
      }
    }
  }
  for (let step = 1; ; step *= 2) {
    const x = Math.min(SEARCH_CAP, good + step);
    if (x === good) return good;
    if (!ok(x)) return narrow(good, x, ok);
    good = x;
  }
}

/**
 * Smallest integer x in [1, SEARCH_CAP] with ok(x), for ok false up to some point and true after
 * it, starting from a guess (two calls when the guess is right); null when ok(SEARCH_CAP) is false.
 */
function firstTrue(guess: number, ok: (x: number) => boolean): number | null {
  let g = Math.min(SEARCH_CAP, Math.max(1, Math.round(Number.isFinite(guess) ? guess : 1)));
  if (ok(g)) {
    for (let step = 1; ; step *= 2) {
      const x = Math.max(0, g - step);
      if (x === 0 || !ok(x)) return narrow(g, x, ok); // 0 stands for "false" and is never asked
      g = x;
    }
  }
  for (let step = 1; ; step *= 2) {
    const x = Math.min(SEARCH_CAP, g + step);
    if (ok(x)) return narrow(x, g, ok);
    if (x === SEARCH_CAP) return null;
    g = x;
  }
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
  const at = (b: number) => roofs(c, decodeOps(b), gathered ? commPlan(layout, widths, b, c.s.model.layers, c.actBytes, c.net).weightReadFactor : 1);
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
  const linear = !gathered && (!c.realistic || c.s.efficiency.compute !== undefined || (c.s.hardware.matmulRowsHalf ?? 0) === 0);
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

/**
 * Evaluates a resolved scenario. Pure and deterministic; units per CONTRACT.md (SI).
 * `brief` leaves out the prose (layoutReason, warnings) for sweeps; every number is the same.
 */
export function evaluate(s: Scenario, opts: { brief?: boolean } = {}): Report {
  const brief = opts.brief === true;
  const warnings: ReportWarning[] = [];
  /** A warning about the input `field` (the message is only built for full reports). */
  const warn = (field: string, f: () => string) => {
    if (!brief) warnings.push({ field, message: f() });
  };
  const hw = s.hardware;
  const m = s.model;
  const n = hw.chips;
  const realistic = s.mode === "realistic";
  const c: Ctx = stepContext(s, brief);
  const { mc, eff } = c;
  const pb = mc.params;
  const pk = c.math;
  const math = pk.asked;
  if (pk.used !== math) warn("precision.activations", () => `${hw.name} has no ${math} figure; math runs at its ${pk.used} rate`);
  if (s.sparsity.weights === "2:4" && !hw.sparseTensorCores) warn("sparsity.weights", () => "2:4 sparsity halves weight bytes, but this chip has no sparse tensor cores: no faster math");

  const { batch: B, promptTokens: P, outputTokens: O, prefillBatch: Bp } = s.workload;
  const kvTokens = P + O;

  // --- attention sharding (CONTRACT: "auto" shards over heads when kvHeads ≥ chips, else batch)
  const kvGroups = kvGroupsOf(c);
  const decodeSharding = decodeShardingOf(c);
  // Prefill shards over batch only when it has a sequence for every chip (Pope et al. §3.3 shard
  // batch-1 prefill over heads); otherwise as decode would.
  const prefillSharding: "heads" | "batch" = decodeSharding === "batch" && Bp >= n ? "batch" : "heads";
  const kvShare = (sh: "heads" | "batch") => kvShareOf(c, sh);
  if (decodeSharding === "heads" && kvGroups < n && n > 1) warn("parallelism.attentionSharding", () => `${kvGroups} KV head(s) on ${n} chips: the KV cache is replicated on every chip (sharding over heads)`);
  if (decodeSharding === "batch" && B < n) warn("workload.batch", () => `batch ${B} < ${n} chips: batch-sharded attention leaves ${n - B} chip(s) without a sequence`);

  // --- memory (CONTRACT "Capacity")
  const kvPerSeq = kvBytesPerSequence(mc, kvTokens);
  const kvCacheBytes = B * kvPerSeq;
  const chunk = realistic ? c.engine.prefillChunkTokens : Infinity;
  const prefillRows = Math.min(Bp * P, chunk);
  /** formulas.md §8 (step.ts peakActivationBytes): the largest prefill chunk's activations, whole batch. */
  // Without FlashAttention one layer's score matrix is held too: heads × rows in flight × prompt × b_a (cost/flash.ts).
  const noFlash = s.flashAttention === false;
  const activationAt = (bp: number, p: number) =>
    peakActivationBytes(c, Math.min(bp * p, chunk), bp) + (noFlash ? scoreMatrixBytes(m.heads, Math.min(bp * p, chunk), p, c.actBytes) : 0);
  const activationBytes = activationAt(Bp, P);
  const reserve = runtimeReserveBytes(c.engine, hw, s.mode);
  const usable = hw.memoryBytes - reserve;
  const perChipWeights = mc.weightsBytes / n;
  const kvShareDecode = kvShare(decodeSharding);
  /** Bytes one chip holds at batch b, prefill batch bp, prompt p, context t: weights + KV (+ activations, realistic). */
  const perChipKvAt = (b: number, t: number) => b * kvBytesPerSequence(mc, t) * kvShareDecode;
  const perChipActAt = (bp: number, p: number) => (realistic ? activationAt(bp, p) / n : 0);
  const perChipAt = (b: number, bp: number, p: number, t: number) => perChipWeights + perChipKvAt(b, t) + perChipActAt(bp, p);
  const perChipKv = perChipKvAt(B, kvTokens);
  const perChipAct = perChipActAt(Bp, P);
  const perChipBytes = perChipWeights + perChipKv + perChipAct;
  const fits = perChipBytes <= usable;
  // The largest batch that fits: the prefill batch moves with the batch unless it was set apart
  // (as a batch sweep does); both terms grow with the batch, so the search is exact. It starts
  // from the KV-only estimate, which is the answer or next to it when activations are small.
  const tiedPrefill = Bp === B;
  const kvSeq = perChipKvAt(1, kvTokens);
  const maxBatch = lastTrue(1, (b) => perChipAt(b, tiedPrefill ? b : Bp, P, kvTokens) <= usable, kvSeq > 0 ? (usable - perChipWeights) / kvSeq : 1);
  // The longest context at this batch: the prompt grows, the output stays (activations follow the prompt).
  const kvTok = perChipKvAt(B, 1);
  const longest = lastTrue(O + 1, (t) => perChipAt(B, Bp, t - O, t) <= usable, kvTok > 0 ? (usable - perChipWeights) / kvTok : O + 1);
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

  // --- prefill: one pass over Bp × P tokens (realistic on GPUs: in chunks, calibration.ts)
  const prefillTokens = Bp * P;
  const chunks = Number.isFinite(chunk) ? Math.ceil(prefillTokens / chunk) : 1;
  // Logits only for the last prompt position (what serving engines compute).
  const prefillMatmul = 2 * (mc.matmulParamsPerToken - pb.lmHead) * prefillTokens + 2 * pb.lmHead * Bp;
  const prefillAttn = Bp * prefillAttentionFlops(mc, P);
  const prefill = choose(c, (l, ep) =>
    phaseStep(c, l, {
      tokens: prefillTokens,
      rows: prefillRows,
      matmulFlops: prefillMatmul,
      weightBytes: mc.fixedStreamBytes + routedBytes(c, prefillRows),
      attnFlops: prefillAttn,
      attnBytesPerChip: Bp * kvBytesPerSequence(mc, P) * kvShare(prefillSharding) + (noFlash ? scoreMatrixTrafficBytes(m.layers, m.heads, Bp, P, c.actBytes) / n : 0),
      batchSharded: prefillSharding === "batch",
      steps: chunks,
      sequences: Bp,
    }, ep),
  );

  // --- decode: O steps of B tokens at contexts P+1 … P+O, reported at their exact mean
  const meanFull = meanCappedContext(P, O, Infinity);
  const meanWin = mc.windowLayers ? meanCappedContext(P, O, mc.window) : 0;
  const attnFlopsPerSeq = mc.attnFlopsPerKey * (mc.fullLayers * meanFull + mc.windowLayers * meanWin);
  const kvReadPerSeq = mc.kvBytesPerTokenLayer * (mc.fullLayers * meanFull + mc.windowLayers * meanWin);
  const kvReadPerChip = B * kvReadPerSeq * kvShare(decodeSharding);
  // (decodeOps(B).attnBytesPerChip is this same product.)
  const decodeWeightBytes = mc.fixedStreamBytes + routedBytes(c, B);
  const decodeMatmul = 2 * mc.matmulParamsPerToken * B;
  /** One decode step of batch b at this context (b = B gives exactly the reported step). */
  const decodeOps = (b: number): StepOps => ({
    tokens: b,
    rows: b,
    matmulFlops: 2 * mc.matmulParamsPerToken * b,
    weightBytes: mc.fixedStreamBytes + routedBytes(c, b),
    attnFlops: b * attnFlopsPerSeq,
    attnBytesPerChip: b * kvReadPerSeq * kvShareDecode,
    batchSharded: decodeSharding === "batch",
    steps: 1,
    sequences: b,
  });
  const decode = choose(c, (l, ep) => phaseStep(c, l, decodeOps(B), ep));
  const tpot = decode.timeS;
  const decodeTime = tpot * O;
  let speculative: Report["speculative"];
  if (s.speculative) {
    // Leviathan et al. 2023: k draft steps, then one target step over k+1 tokens per sequence;
    // the expected number of tokens it yields is (1 − α^(k+1)) / (1 − α).
    const { draft, draftTokens: k, acceptanceRate: a } = s.speculative;
    const d = evaluate({ ...s, model: draft, speculative: undefined }, { brief: true });
    const verify = phaseStep(c, decode.layout, {
      tokens: B * (k + 1),
      rows: B * (k + 1),
      matmulFlops: decodeMatmul * (k + 1),
      weightBytes: mc.fixedStreamBytes + routedBytes(c, B * (k + 1)),
      attnFlops: B * attnFlopsPerSeq * (k + 1),
      attnBytesPerChip: kvReadPerChip,
      batchSharded: decodeSharding === "batch",
      steps: 1,
      sequences: B,
    }, decode.experts === "expert");
    const expected = a >= 1 ? k + 1 : (1 - Math.pow(a, k + 1)) / (1 - a);
    const t = (k * d.decode.timePerTokenS + verify.timeS) / expected;
    speculative = {
      expectedTokensPerStep: expected,
      draftStepS: d.decode.timePerTokenS,
      verifyStepS: verify.timeS,
      timePerTokenS: t,
      speedup: tpot / t,
      costPerMillionOutputTokens: hw.pricePerHour === undefined ? null : ((hw.pricePerHour / 3600) * n * t * 1e6) / B,
      draftBytesPerChip: d.memory.perChip.weights + d.memory.perChip.kvCache,
    };
  }
  const totalTime = prefill.timeS + decodeTime;

  // --- utilisation (CONTRACT "MFU"): the weight-matmul FLOPs the step performs — no input
  // embedding (a lookup), the output projection only for the tokens whose logits are computed
  // (prefill: the last prompt position), 2:4 sparsity skipping half — over chips × peak × time;
  // attention not counted. These are the FLOPs the matmul roofline timed, so MFU ≤ compute efficiency.
  const peakAll = n * pk.flops;
  const prefillMfu = prefillMatmul / c.sparseMul / (peakAll * prefill.timeS);
  const decodeMfu = decodeMatmul / c.sparseMul / (peakAll * tpot);
  const bytesPerStep = decodeWeightBytes + kvReadPerChip * n;
  const mbu = bytesPerStep / (n * hw.memoryBandwidth * tpot);

  // --- cost (CONTRACT "Cost"): chip-time charged to input tokens by prefill, output by decode;
  // all-in: the whole request's chip-time charged to the output tokens.
  const chipSecIn = (n * prefill.timeS) / (Bp * P) * 1e6;
  const chipSecOut = (n * decodeTime) / (B * O) * 1e6;
  const chipSecAllIn = (n * totalTime) / (B * O) * 1e6;
  const price = hw.pricePerHour;
  const attnDecodeShare = attnFlopsPerSeq / (attnFlopsPerSeq + 2 * pb.active);
  const ridge = pk.flops / hw.memoryBandwidth;
  const crit = criticalBatches(c, decode, decodeOps, B);

  return {
    params: { total: pb.total, active: pb.active },
    memory: {
      weightsBytes: mc.weightsBytes,
      kvCacheBytesPerToken: mc.kvBytesPerTokenLayer * m.layers,
      kvCacheBytes,
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
    },
    prefill: {
      timeS: prefill.timeS,
      flops: prefill.flops,
      bytes: prefill.bytes,
      mfu: prefillMfu,
      bottleneck: bottleneckOf(prefill.breakdown),
      breakdown: prefill.breakdown,
      layout: prefill.layout,
      attentionSharding: prefillSharding,
      layoutReason: prefill.reason,
      experts: prefill.experts,
      commBytes: prefill.commBytes,
    },
    decode: {
      flopsPerToken: 2 * mc.matmulParamsPerToken + attnFlopsPerSeq,
      bytesPerStep,
      timePerTokenS: tpot,
      timeS: decodeTime,
      mfu: decodeMfu,
      mbu,
      bottleneck: bottleneckOf(decode.breakdown),
      breakdown: decode.breakdown,
      layout: decode.layout,
      attentionSharding: decodeSharding,
      layoutReason: decode.reason,
      experts: decode.experts,
      commBytes: decode.commBytes,
    },
    total: {
      timeS: totalTime,
      outputTokensPerS: (B * O) / totalTime,
      costPerMillionOutputTokens: price === undefined ? null : (price / 3600) * chipSecOut,
      costPerMillionInputTokens: price === undefined ? null : (price / 3600) * chipSecIn,
      chipSecondsPerMillionOutputTokens: chipSecOut,
      chipSecondsPerMillionInputTokens: chipSecIn,
      costPerMillionOutputTokensAllIn: price === undefined ? null : (price / 3600) * chipSecAllIn,
      chipSecondsPerMillionOutputTokensAllIn: chipSecAllIn,
      joulesPerOutputToken: hw.powerWatts === undefined ? null : (hw.powerWatts * n * decodeTime) / (B * O),
    },
    speculative,
    attention: {
      flopsShare: attnDecodeShare,
      crossoverTokens: (2 * pb.active) / (mc.attnFlopsPerKey * m.layers),
    },
    roofline: {
      mathPrecision: pk.used,
      peakFlops: pk.flops,
      memoryBandwidth: hw.memoryBandwidth,
      ridgeIntensity: ridge,
      criticalBatch: crit.step,
      criticalBatchBasis: crit.step === crit.weightsOnly ? "weights" : "weights+kv",
      criticalBatchWeightsOnly: crit.weightsOnly,
    },
    assumptions: {
      mode: s.mode,
      efficiency: eff,
      stepOverheadS: { prefill: prefill.breakdown.overhead, decode: decode.breakdown.overhead },
      runtimeReserveBytes: reserve,
    },
    engine: c.engine.id,
    engineAssumed: c.engineAssumed,
    warnings,
  };
}
