/**
 * What a model weighs and costs per token: weight bytes, KV-cache bytes, FLOPs per token, the
 * widths that cross chips. Pure functions of the shape and the precisions (no hardware).
 */
import { paramCount, type ParamBreakdown } from "../model/shape";
import { bytesPerElement, weightBytesPerParam } from "../precision";
import type { ModelShape, PrecisionConfig, Scenario } from "../types";
import type { LayerWidths } from "./partition";
import { bytes, flop, type Bytes, type Flop } from "../units";

export interface ModelCosts {
  params: ParamBreakdown;
  /** Matmul parameters used per token (active experts, LM head; no embedding lookup). */
  matmulParamsPerToken: number;
  /** Of those, the routed experts' (the grouped GEMMs; 0 for a dense model). */
  routedParamsPerToken: number;
  /** Bytes of all weights as stored (memory.weightsBytes). */
  weightsBytes: Bytes;
  /** Bytes of weights every step must read, except the routed experts (counted per step). */
  fixedStreamBytes: Bytes;
  /** Bytes of one routed expert as stored, and routed experts per MoE layer. */
  expertBytes: Bytes;
  /** KV bytes per token per layer, and the number of full-attention and windowed layers. */
  kvBytesPerTokenLayer: Bytes;
  fullLayers: number;
  windowLayers: number;
  window: number;
  /** Attention FLOPs per query token per key, one layer (4·H·h; MLA absorbed: 2·H·(2·r_kv + h_r)). */
  attnFlopsPerKey: Flop;
  /** Widths that cross chips per layer, and one layer's matmul weight bytes. */
  widths: LayerWidths;
  /** The same when experts are placed whole on chips: only the attention block's collectives remain. */
  epWidths: LayerWidths;
}

/**
 * Stored bytes per weight: every table at the weight precision (CONTRACT: "whole model, at the
 * weight precision"). 2:4 sparsity stores half the values plus 1 bit of index per original weight
 * (NVIDIA's 2-bit metadata per kept value) on the transformer-block matmuls.
 */
function bytesPerParam(pc: PrecisionConfig, sparse: boolean) {
  const w = weightBytesPerParam(pc);
  return { matmul: sparse ? w / 2 + 1 / 8 : w, head: w, embedding: w };
}

/** Expected distinct experts hit when `tokens` tokens each pick k of E uniformly: E·(1 − (1 − k/E)^tokens). */
export function expectedExpertsHit(experts: number, k: number, tokens: number): number {
  if (k >= experts) return experts;
  return experts * (1 - Math.pow(1 - k / experts, tokens));
}

/**
 * modelCosts depends only on the model, the precisions and the weights' sparsity, which a sweep or a
 * simulation shares across its points (one object each): kept per model and precision object, and sparsity.
 */
const COSTS = new WeakMap<ModelShape, WeakMap<PrecisionConfig, { dense?: ModelCosts; sparse?: ModelCosts }>>();

/** Model-only cost figures for a scenario (bytes, parameters, widths); the same object for the same model, precision and sparsity objects. */
export function modelCosts(s: Scenario): ModelCosts {
  let byPrecision = COSTS.get(s.model);
  if (!byPrecision) COSTS.set(s.model, (byPrecision = new WeakMap()));
  let entry = byPrecision.get(s.precision);
  if (!entry) byPrecision.set(s.precision, (entry = {}));
  const key = s.sparsity.weights === "2:4" ? "sparse" : "dense";
  return (entry[key] ??= computeModelCosts(s));
}

function computeModelCosts(s: Scenario): ModelCosts {
  const m: ModelShape = s.model;
  const pb = paramCount(m);
  const bpp = bytesPerParam(s.precision, s.sparsity.weights === "2:4");
  const moe = m.moe;
  const k = moe ? moe.activeExperts + moe.sharedExperts : 0;
  const blockMatmul = pb.attention + pb.denseFfn + pb.sharedExperts + pb.router; // without routed experts
  const headParams = m.tiedEmbeddings ? 0 : pb.lmHead;
  const weightsBytes =
    (blockMatmul + pb.routedExperts) * bpp.matmul + headParams * bpp.head + pb.embedding * bpp.embedding + (pb.norms + pb.other) * bpp.embedding;
  // Every step reads all non-routed block weights, the LM head (the shared table when tied) and norms.
  const fixedStreamBytes = blockMatmul * bpp.matmul + (m.tiedEmbeddings ? pb.lmHead * bpp.embedding : headParams * bpp.head) + pb.norms * bpp.embedding;

  const bkv = bytesPerElement(s.precision.kvCache);
  const kvBytesPerTokenLayer = m.attention === "mla" && m.mla ? (m.mla.kvLoraRank + m.mla.qkRopeHeadDim) * bkv : 2 * m.kvHeads * m.headDim * bkv;
  const sw = m.slidingWindow;
  const windowLayers = sw ? (sw.layers === "all" ? m.layers : Math.ceil(m.layers / 2)) : 0;
  const attnFlopsPerKey =
    m.attention === "mla" && m.mla ? 2 * m.heads * (2 * m.mla.kvLoraRank + m.mla.qkRopeHeadDim) : 4 * m.heads * m.headDim;

  const dAttn = m.attention === "mla" && m.mla ? m.heads * m.mla.vHeadDim : m.heads * m.headDim;
  const qkv = m.attention === "mla" && m.mla ? m.heads * (m.mla.qkNopeHeadDim + m.mla.qkRopeHeadDim) + m.mla.kvLoraRank + m.mla.qkRopeHeadDim : dAttn + 2 * m.kvHeads * m.headDim;
  const ffnInner = moe && pb.moeLayers > 0 ? (k * moe.dFFExpert * pb.moeLayers + m.dFF * pb.denseLayers) / m.layers : m.dFF;
  const gate = m.ffn === "swiglu" ? 2 : 1;
  const routedPerToken = moe ? pb.moeLayers * moe.activeExperts * pb.expertParams : 0;
  const widths: LayerWidths = {
    dModel: m.dModel,
    inWidth: gate * ffnInner + qkv,
    outWidth: ffnInner + dAttn,
    attnQkv: qkv,
    attnOut: dAttn,
    weightBytes: (blockMatmul * bpp.matmul + routedPerToken * bpp.matmul) / m.layers,
    collectivesPerSide: m.parallelBlock ? 1 : 2,
  };
  return {
    params: pb,
    matmulParamsPerToken: blockMatmul + routedPerToken + pb.lmHead,
    routedParamsPerToken: routedPerToken,
    weightsBytes: bytes(weightsBytes),
    fixedStreamBytes: bytes(fixedStreamBytes),
    expertBytes: bytes(pb.expertParams * bpp.matmul),
    kvBytesPerTokenLayer: bytes(kvBytesPerTokenLayer),
    fullLayers: m.layers - windowLayers,
    windowLayers,
    window: sw?.window ?? Infinity,
    attnFlopsPerKey: flop(attnFlopsPerKey),
    widths,
    epWidths: { ...widths, inWidth: qkv, outWidth: dAttn, collectivesPerSide: 1 },
  };
}

/** KV-cache bytes of one sequence at context T (windowed layers hold at most W tokens). */
export function kvBytesPerSequence(mc: ModelCosts, T: number): Bytes {
  return bytes(mc.kvBytesPerTokenLayer * (mc.fullLayers * T + mc.windowLayers * Math.min(T, mc.window)));
}

/** Mean of min(T, W) over T = P+1 … P+O (exact, closed form; W = Infinity gives P + (O+1)/2). */
export function meanCappedContext(P: number, O: number, W: number): number {
  if (P + O <= W) return P + (O + 1) / 2;
  if (P >= W) return W;
  const below = W - P; // steps P+1 … W
  const sumBelow = (below * (P + 1 + W)) / 2;
  return (sumBelow + (O - below) * W) / O;
}

/**
 * One sequence's decode step at the exact mean over its O steps (contexts P+1 … P+O; windowed
 * layers capped at W, meanCappedContext): attention FLOPs (perKey per cached key, formulas.md §6)
 * and KV-cache bytes read (formulas.md §7), all layers; the mean context in tokens. Every decode
 * figure at "the mean context" (report, roofline points, charts) comes from here.
 */
export function decodeAtMeanContext(mc: ModelCosts, P: number, O: number): { attnFlops: Flop; kvBytes: Bytes; meanContext: number } {
  const meanContext = meanCappedContext(P, O, Infinity);
  const keys = mc.fullLayers * meanContext + (mc.windowLayers ? mc.windowLayers * meanCappedContext(P, O, mc.window) : 0);
  return { attnFlops: flop(mc.attnFlopsPerKey * keys), kvBytes: bytes(mc.kvBytesPerTokenLayer * keys), meanContext };
}

/** Causal prefill attention FLOPs of one sequence of S tokens: Σ_t perKey·min(t, W) over layers (≈ 2·L·S²·H·h·… for full layers). */
export function prefillAttentionFlops(mc: ModelCosts, S: number): Flop {
  const full = (mc.attnFlopsPerKey * S * S) / 2;
  const W = mc.window;
  const win = S <= W ? full : mc.attnFlopsPerKey * (W * S - (W * W) / 2);
  return flop(mc.fullLayers * full + mc.windowLayers * win);
}
