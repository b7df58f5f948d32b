/**
 * Teaching figures derived from a scenario: roofline operating points, the quadratic attention
 * terms, KV bytes under each attention variant, and the latency–cost frontier. Pure; runs in the
 * worker beside evaluate(), which stays lean for sweeps.
 */
import { scoreMatrixBytes, scoreMatrixTrafficBytes } from "./cost/flash";
import { evaluate } from "./cost/evaluate";
import { decodeAtMeanContext, expectedExpertsHit, kvBytesPerSequence, modelCosts, prefillAttentionFlops } from "./cost/model";
import { bytesPerElement, mathPrecision, peakFor, weightBytesPerParam } from "./precision";
import type { Precision, Report, Scenario } from "./types";

export interface RooflinePoint {
  id: "prefill" | "decode" | "prefill-attn-proj" | "prefill-ffn" | "prefill-attention" | "decode-attn-proj" | "decode-ffn" | "decode-attention";
  phase: "prefill" | "decode";
  label: string;
  /** Arithmetic intensity, FLOP per byte of memory traffic. */
  intensity: number;
  /** Attainable FLOP/s per chip on the roofline: min(peak, intensity × bandwidth). */
  attainable: number;
  /** FLOP/s per chip this phase actually achieves in the model (its FLOPs / its time), for the phase points. */
  achieved?: number;
}

/**
 * Operating points on the roofline (Williams et al. 2009): intensity = FLOPs / bytes of each
 * operation; attainable = min(peak, intensity × bandwidth). Matmul intensity ≈ 2·tokens / bytes per
 * weight; decode attention ≈ 2·(H/K) / bytes per KV element (formulas.md §6–7).
 */
export function rooflinePoints(s: Scenario, r: Report): RooflinePoint[] {
  const mc = modelCosts(s);
  const pb = mc.params;
  const m = s.model;
  const peak = r.roofline.peakFlops;
  const bw = r.roofline.memoryBandwidth;
  const bpp = weightBytesPerParam(s.precision);
  const { batch: B, promptTokens: P, outputTokens: O, prefillBatch: Bp } = s.workload;
  const point = (id: RooflinePoint["id"], label: string, flops: number, bytes: number, achieved?: number): RooflinePoint => {
    const intensity = bytes > 0 ? flops / bytes : 0;
    return { id, phase: id.startsWith("prefill") ? "prefill" : "decode", label, intensity, attainable: Math.min(peak, intensity * bw), achieved };
  };
  const ffnParams = (tokens: number) =>
    pb.denseFfn + pb.sharedExperts + pb.router + (m.moe ? pb.moeLayers * expectedExpertsHit(m.moe.experts, m.moe.activeExperts, tokens) * pb.expertParams : 0);
  const ffnActive = pb.denseFfn + pb.sharedExperts + pb.router + (m.moe ? pb.moeLayers * m.moe.activeExperts * pb.expertParams : 0);
  // the same mean-context step as the report's decode (windowed layers capped)
  const dec = decodeAtMeanContext(mc, P, O);
  const prefillTokens = Bp * P;
  const n = s.hardware.chips;
  return [
    point("prefill", "Prefill (whole pass)", r.prefill.flops, r.prefill.bytes, r.prefill.flops / n / r.prefill.timeS),
    point("prefill-attn-proj", "Prefill: attention projections", 2 * pb.attention * prefillTokens, pb.attention * bpp),
    point("prefill-ffn", "Prefill: feed-forward", 2 * ffnActive * prefillTokens, ffnParams(prefillTokens) * bpp),
    point("prefill-attention", "Prefill: attention scores and values", Bp * prefillAttentionFlops(mc, P), Bp * kvBytesPerSequence(mc, P)),
    point("decode", "Decode step (whole step)", r.decode.flopsPerToken * B, r.decode.bytesPerStep, (r.decode.flopsPerToken * B) / n / r.decode.timePerTokenS),
    point("decode-attn-proj", "Decode: attention projections", 2 * pb.attention * B, pb.attention * bpp),
    point("decode-ffn", "Decode: feed-forward", 2 * ffnActive * B, ffnParams(B) * bpp),
    point("decode-attention", "Decode: attention over the KV cache", B * dec.attnFlops, B * dec.kvBytes),
  ];
}

/** KV heads of the GQA comparison bar for a model that is not GQA itself (Llama 3's 8). */
export const GQA_KV_HEADS = 8;

export interface AttentionFigures {
  /** Prefill FLOPs: attention scores+values vs everything else, whole batch. */
  prefillAttentionFlops: number;
  prefillOtherFlops: number;
  /** One decode step at the mean context: attention vs the rest, whole batch. */
  decodeAttentionFlops: number;
  decodeOtherFlops: number;
  /** Score/probability matrices a non-fused kernel materialises in prefill: Bp·H·S²·b_a per layer (FlashAttention removes them). */
  scoreMatrixBytesPerLayer: number;
  /** HBM traffic those matrices cost without FlashAttention: 2 writes + 2 reads per layer, all layers (Dao et al. 2022). */
  scoreMatrixTrafficBytes: number;
  /** KV-cache bytes per token (all layers) under each attention variant for this model's shape. */
  kvBytesPerToken: { mha: number; gqa: number; mqa: number; mla: number };
  /** KV heads the GQA figure assumes: the model's own when it is GQA, else 8 (Llama 3's choice), at most H. */
  gqaKvHeads: number;
  /** Prompt length at which prefill attention FLOPs equal the rest (≈ 2 × the decode crossover). */
  prefillCrossoverTokens: number;
}

/**
 * The quadratic attention term against the rest, and what MHA/GQA/MQA/MLA would cache.
 * GQA is shown with the model's KV heads, or 8 (Llama 3) for a model that is not GQA; MLA with DeepSeek-V2's rule r_kv = 4·h, h_r = h/2 (4.5·h
 * per layer), unless the model has its own MLA ranks.
 */
export function attentionFigures(s: Scenario, r: Report): AttentionFigures {
  const m = s.model;
  const mc = modelCosts(s);
  const bkv = bytesPerElement(s.precision.kvCache);
  const { promptTokens: P, prefillBatch: Bp, batch: B } = s.workload;
  const prefillAttn = Bp * prefillAttentionFlops(mc, P);
  const decodeAttn = B * (r.decode.flopsPerToken - 2 * mc.matmulParamsPerToken);
  const perLayer = (kv: number) => 2 * kv * m.headDim * bkv * m.layers;
  const mla = m.mla ? (m.mla.kvLoraRank + m.mla.qkRopeHeadDim) * bkv * m.layers : 4.5 * m.headDim * bkv * m.layers;
  const H = m.heads;
  const gqaKvHeads = m.attention === "gqa" ? m.kvHeads : Math.min(GQA_KV_HEADS, H);
  return {
    prefillAttentionFlops: prefillAttn,
    prefillOtherFlops: r.prefill.flops - prefillAttn,
    decodeAttentionFlops: decodeAttn,
    decodeOtherFlops: 2 * mc.matmulParamsPerToken * B,
    scoreMatrixBytesPerLayer: scoreMatrixBytes(H, Bp * P, P, bytesPerElement(s.precision.activations)),
    scoreMatrixTrafficBytes: scoreMatrixTrafficBytes(m.layers, H, Bp, P, bytesPerElement(s.precision.activations)),
    kvBytesPerToken: { mha: perLayer(H), gqa: perLayer(gqaKvHeads), mqa: perLayer(1), mla },
    gqaKvHeads,
    prefillCrossoverTokens: 2 * r.attention.crossoverTokens,
  };
}

export interface FrontierPoint {
  chips: number;
  batch: number;
  weights: Precision;
  /** Time per output token (s) and all-in cost per million output tokens (prefill + decode; USD, or chip-seconds without a price). */
  timePerTokenS: number;
  cost: number;
  fits: boolean;
  pareto: boolean;
}

/**
 * The latency–cost frontier (Pope et al. Figure 1): sweep chips, batch and weight precision (the
 * layout is chosen per point by "auto"), keep the points that fit, and mark the Pareto set
 * (no other point is both faster per token and cheaper).
 */
export function frontier(s: Scenario, opts: { chips?: number[]; batches?: number[]; precisions?: Precision[] } = {}): FrontierPoint[] {
  const chips = opts.chips ?? [1, 2, 4, 8, 16, 32, 64].filter((c) => c <= Math.max(64, s.hardware.chips));
  const batches = opts.batches ?? [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];
  const math = mathPrecision(s.precision);
  const precisions = opts.precisions ?? uniq([s.precision.weights, "bf16", peakFor(s.hardware, "fp8").used === "fp8" ? "fp8" : "int8", "int4"] as Precision[]);
  const pts: FrontierPoint[] = [];
  for (const w of precisions) {
    const precision = { ...s.precision, weights: w, weightBits: w === s.precision.weights ? s.precision.weightBits : undefined, activations: w === "fp8" && math === "fp8" ? "fp8" : s.precision.activations } as Scenario["precision"];
    for (const c of chips) {
      for (const b of batches) {
        const r = evaluate({ ...s, precision, hardware: { ...s.hardware, chips: c }, workload: { ...s.workload, batch: b, prefillBatch: b } }, { brief: true });
        // the headline's basis: the whole request (prefill + decode) charged to its output tokens
        const cost = r.total.costPerMillionOutputTokensAllIn ?? r.total.chipSecondsPerMillionOutputTokensAllIn;
        pts.push({ chips: c, batch: b, weights: w, timePerTokenS: r.decode.timePerTokenS, cost, fits: r.memory.fits, pareto: false });
      }
    }
  }
  const ok = pts.filter((p) => p.fits).sort((a, b) => a.timePerTokenS - b.timePerTokenS || a.cost - b.cost);
  let best = Infinity;
  for (const p of ok) {
    if (p.cost < best) {
      p.pareto = true;
      best = p.cost;
    }
  }
  return pts;
}

function uniq<T>(xs: T[]): T[] {
  return xs.filter((x, i) => xs.indexOf(x) === i);
}
