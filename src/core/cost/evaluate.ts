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
import { resolveScenario } from "../scenario";
import { weightBytesPerParam } from "../precision";
import type { Bottleneck, ConcreteLayout, Report, Scenario, TimeBreakdown } from "../types";
import { prefillChunkTokens, runtimeReserveBytes } from "./calibration";
import { kvBytesPerSequence, meanCappedContext, prefillAttentionFlops } from "./model";
import { decodeShardingOf, kvGroupsOf, kvShareOf, peakActivationBytes, routedBytes, runStep, stepContext, type StepContext, type StepResult } from "./step";

const LAYOUT_NAMES: Record<ConcreteLayout, string> = {
  "1d-weight-stationary": "1D weight-stationary",
  "2d-weight-stationary": "2D weight-stationary",
  "weight-gathered": "weight-gathered",
};

/** The step context plus whether this evaluation skips the prose (sweeps for charts never read it). */
type Ctx = StepContext & { brief: boolean };
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

function bottleneckOf(b: TimeBreakdown): Bottleneck {
  const compute = b.matmulCompute + b.attentionCompute;
  const memory = b.weightLoad + b.kvRead;
  const network = b.communication;
  if (network > compute && network > memory) return "network";
  return compute > memory ? "compute" : "memory";
}

/**
 * Evaluates a resolved scenario. Pure and deterministic; units per CONTRACT.md (SI).
 * `brief` leaves out the prose (layoutReason, warnings) for sweeps; every number is the same.
 */
export function evaluate(s: Scenario, opts: { brief?: boolean } = {}): Report {
  const brief = opts.brief === true;
  const warnings: string[] = [];
  const warn = (f: () => string) => {
    if (!brief) warnings.push(f());
  };
  const hw = s.hardware;
  const m = s.model;
  const n = hw.chips;
  const realistic = s.mode === "realistic";
  const c: Ctx = { ...stepContext(s), brief };
  const { mc, eff } = c;
  const pb = mc.params;
  const pk = c.math;
  const math = pk.asked;
  if (pk.used !== math) warn(() => `${hw.name} has no ${math} figure; math runs at its ${pk.used} rate`);
  if (s.sparsity.weights === "2:4" && !hw.sparseTensorCores) warn(() => "2:4 sparsity halves weight bytes, but this chip has no sparse tensor cores: no faster math");

  const { batch: B, promptTokens: P, outputTokens: O, prefillBatch: Bp } = s.workload;
  const kvTokens = P + O;

  // --- attention sharding (CONTRACT: "auto" shards over heads when kvHeads ≥ chips, else batch)
  const kvGroups = kvGroupsOf(c);
  const decodeSharding = decodeShardingOf(c);
  // Prefill shards over batch only when it has a sequence for every chip (Pope et al. §3.3 shard
  // batch-1 prefill over heads); otherwise as decode would.
  const prefillSharding: "heads" | "batch" = decodeSharding === "batch" && Bp >= n ? "batch" : "heads";
  const kvShare = (sh: "heads" | "batch") => kvShareOf(c, sh);
  if (decodeSharding === "heads" && kvGroups < n && n > 1) warn(() => `${kvGroups} KV head(s) on ${n} chips: the KV cache is replicated on every chip (sharding over heads)`);
  if (decodeSharding === "batch" && B < n) warn(() => `batch ${B} < ${n} chips: batch-sharded attention leaves ${n - B} chip(s) without a sequence`);

  // --- memory
  const kvPerSeq = kvBytesPerSequence(mc, kvTokens);
  const kvCacheBytes = B * kvPerSeq;
  const chunk = realistic ? prefillChunkTokens(hw) : Infinity;
  const prefillRows = Math.min(Bp * P, chunk);
  // formulas.md §8: b_a·tokens·(d + QKV + gate/up) for the largest layer, + fp32 last-token logits.
  const activationBytes = peakActivationBytes(c, prefillRows, Bp);
  const reserve = runtimeReserveBytes(hw, s.mode);
  const usable = hw.memoryBytes - reserve;
  const perChipWeights = mc.weightsBytes / n;
  const perChipKv = kvCacheBytes * kvShare(decodeSharding);
  const perChipAct = realistic ? activationBytes / n : 0;
  const perChipBytes = perChipWeights + perChipKv + perChipAct;
  const fits = perChipBytes <= usable;
  if (!fits) warn(() => `does not fit: ${(perChipBytes / 1e9).toFixed(1)} GB needed per chip, ${(usable / 1e9).toFixed(1)} GB usable`);
  const kvSeqPerChip = kvPerSeq * kvShare(decodeSharding);
  const freeForKv = usable - perChipWeights - perChipAct;
  const maxBatch = freeForKv <= 0 || kvSeqPerChip <= 0 ? 0 : Math.max(0, Math.floor(freeForKv / kvSeqPerChip + 1e-9));
  let maxContextTokens = 0;
  if (freeForKv > 0) {
    const perTokFull = B * kvShare(decodeSharding) * mc.kvBytesPerTokenLayer * mc.fullLayers;
    const perTokWin = B * kvShare(decodeSharding) * mc.kvBytesPerTokenLayer * mc.windowLayers;
    let T = freeForKv / (perTokFull + perTokWin);
    if (T > mc.window) T = perTokFull > 0 ? (freeForKv - perTokWin * mc.window) / perTokFull : 1e9;
    maxContextTokens = Math.min(1e9, Math.max(0, Math.floor(T + 1e-9)));
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
      attnBytesPerChip: Bp * kvBytesPerSequence(mc, P) * kvShare(prefillSharding),
      batchSharded: prefillSharding === "batch",
      steps: chunks,
    }, ep),
  );

  // --- decode: O steps of B tokens at contexts P+1 … P+O, reported at their exact mean
  const meanFull = meanCappedContext(P, O, Infinity);
  const meanWin = mc.windowLayers ? meanCappedContext(P, O, mc.window) : 0;
  const attnFlopsPerSeq = mc.attnFlopsPerKey * (mc.fullLayers * meanFull + mc.windowLayers * meanWin);
  const kvReadPerSeq = mc.kvBytesPerTokenLayer * (mc.fullLayers * meanFull + mc.windowLayers * meanWin);
  const kvReadPerChip = B * kvReadPerSeq * kvShare(decodeSharding);
  const decodeWeightBytes = mc.fixedStreamBytes + routedBytes(c, B);
  const decodeMatmul = 2 * mc.matmulParamsPerToken * B;
  const decode = choose(c, (l, ep) =>
    phaseStep(c, l, {
      tokens: B,
      rows: B,
      matmulFlops: decodeMatmul,
      weightBytes: decodeWeightBytes,
      attnFlops: B * attnFlopsPerSeq,
      attnBytesPerChip: kvReadPerChip,
      batchSharded: decodeSharding === "batch",
      steps: 1,
    }, ep),
  );
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

  // --- utilisation (MFU: 2·N_active per token, attention not counted — Pope et al. / PaLM)
  const peakAll = n * pk.flops;
  const prefillMfu = (2 * pb.active * Bp * P) / (peakAll * prefill.timeS);
  const decodeMfu = (2 * pb.active * B) / (peakAll * tpot);
  const bytesPerStep = decodeWeightBytes + kvReadPerChip * n;
  const mbu = bytesPerStep / (n * hw.memoryBandwidth * tpot);

  // --- cost (CONTRACT "Cost"): chip-time charged to input tokens by prefill, output by decode
  const chipSecIn = (n * prefill.timeS) / (Bp * P) * 1e6;
  const chipSecOut = (n * decodeTime) / (B * O) * 1e6;
  const price = hw.pricePerHour;
  const attnDecodeShare = attnFlopsPerSeq / (attnFlopsPerSeq + 2 * pb.active);
  const ridge = pk.flops / hw.memoryBandwidth;

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
      criticalBatch: (ridge * weightBytesPerParam(s.precision)) / 2,
    },
    assumptions: {
      mode: s.mode,
      efficiency: eff,
      stepOverheadS: { prefill: prefill.breakdown.overhead, decode: decode.breakdown.overhead },
      runtimeReserveBytes: reserve,
    },
    warnings,
  };
}

/** Validates, resolves and evaluates a contract input in one call. Never throws. */
export function evaluateInput(input: unknown) {
  const { scenario, issues } = resolveScenario(input);
  return { scenario, issues, report: evaluate(scenario) };
}
