/**
 * Parameter counts of a decoder-only transformer from its shape (shared/reference/formulas.md §1),
 * and a plausible shape derived from a parameter count alone.
 */
import { formatParamsShort } from "../format";
import type { ModelShape } from "../types";

/** Parameter counts (weights, not bytes) of a model, split by where they live. */
export interface ParamBreakdown {
  /** Every weight incl. norms and biases; a tied embedding table is counted once. */
  total: number;
  /** total − routed experts not chosen per token (k routed + shared experts, router and both
   *  embedding tables included: the DeepSeek/Mixtral convention). */
  active: number;
  /** Input table vocab·d (+ learned position rows·d). */
  embedding: number;
  /** Output projection vocab·d (reported for tied models too, but then not added to total). */
  lmHead: number;
  /** All layers' attention: projections, their biases, attention sinks, MLA's two latent norms. */
  attention: number;
  /** All dense FFN layers (every layer of a dense model; the leading dense layers of an MoE). */
  denseFfn: number;
  /** One routed expert (3·d·f, + biases when bias = "all"). */
  expertParams: number;
  /** All routed experts across all MoE layers. */
  routedExperts: number;
  /** All shared (always-on) experts across all MoE layers. */
  sharedExperts: number;
  /** All routers: E·d (+E bias) per MoE layer. */
  router: number;
  /** Every norm: per-layer norms, QK-norms and the final norm. */
  norms: number;
  /** Anything outside the categories above (0 for every supported shape; keeps the sum exact). */
  other: number;
  /** Layers with a routed-expert FFN. */
  moeLayers: number;
  /** Layers with a dense FFN. */
  denseLayers: number;
  /** Attention parameters of one layer (same meaning as `attention`, for one layer). */
  perLayerAttention: number;
}

/** Parameters of one FFN (dense or one expert) of inner width f: gelu 2·d·f, swiglu 3·d·f (+ biases). */
function ffnParams(d: number, f: number, ffn: ModelShape["ffn"], allBias: boolean): number {
  const mats = ffn === "swiglu" ? 3 : 2;
  const bias = allBias ? (mats - 1) * f + d : 0;
  return mats * d * f + bias;
}

/** One layer's attention parameters: d·d_attn + 2·d·d_kv + d_attn·d (or the MLA form) + biases + sinks. */
function attentionParams(shape: ModelShape): number {
  const d = shape.dModel;
  const h = shape.heads;
  let p: number;
  if (shape.attention === "mla" && shape.mla) {
    const m = shape.mla;
    const qk = m.qkNopeHeadDim + m.qkRopeHeadDim;
    const q = m.qLoraRank > 0 ? d * m.qLoraRank + m.qLoraRank * h * qk + m.qLoraRank : d * h * qk;
    const kv = d * (m.kvLoraRank + m.qkRopeHeadDim) + m.kvLoraRank * h * (m.qkNopeHeadDim + m.vHeadDim) + m.kvLoraRank;
    const o = h * m.vHeadDim * d;
    p = q + kv + o;
  } else {
    const dAttn = h * shape.headDim;
    const dKv = shape.kvHeads * shape.headDim;
    p = d * dAttn + 2 * d * dKv + dAttn * d;
    if (shape.bias === "all") p += dAttn + 2 * dKv + d;
    else if (shape.bias === "qkv") p += dAttn + 2 * dKv;
  }
  if (shape.attentionSinks) p += h;
  return p;
}

/** N = L·(P_attn + P_ffn + P_norm) + V·d·(tied ? 1 : 2) + n_pos·d + final norm [+ L_moe·((E + s_e)·P_exp + E·d)], in parameters (formulas.md §1). */
export function paramCount(shape: ModelShape): ParamBreakdown {
  const d = shape.dModel;
  const L = shape.layers;
  const allBias = shape.bias === "all";
  const normSize = shape.norm === "layernorm" ? 2 * d : d;
  const normsPerLayer = shape.normsPerLayer ?? (shape.parallelBlock ? 1 : 2);
  const qkNorm = shape.qkNorm ? 2 * shape.headDim : 0;
  const norms = L * (normsPerLayer * normSize + qkNorm) + normSize;

  const perLayerAttention = attentionParams(shape);
  const attention = L * perLayerAttention;

  const moe = shape.moe;
  const moeLayers = moe ? Math.max(0, L - moe.denseLayers) : 0;
  const denseLayers = L - moeLayers;
  const denseFfn = denseLayers * ffnParams(d, shape.dFF, shape.ffn, allBias);

  let expertParams = 0;
  let routedExperts = 0;
  let sharedExperts = 0;
  let router = 0;
  let inactive = 0;
  if (moe) {
    expertParams = ffnParams(d, moe.dFFExpert, shape.ffn, allBias);
    routedExperts = moeLayers * moe.experts * expertParams;
    sharedExperts = moeLayers * moe.sharedExperts * expertParams;
    router = moeLayers * (moe.experts * d + (allBias ? moe.experts : 0));
    inactive = moeLayers * Math.max(0, moe.experts - moe.activeExperts) * expertParams;
  }

  const embedding = shape.vocab * d + (shape.positionEmbeddings ?? 0) * d;
  const lmHead = shape.vocab * d;
  const other = 0;
  const total =
    embedding +
    (shape.tiedEmbeddings ? 0 : lmHead) +
    attention +
    denseFfn +
    routedExperts +
    sharedExperts +
    router +
    norms +
    other;

  return {
    total,
    active: total - inactive,
    embedding,
    lmHead,
    attention,
    denseFfn,
    expertParams,
    routedExperts,
    sharedExperts,
    router,
    norms,
    other,
    moeLayers,
    denseLayers,
    perLayerAttention,
  };
}

/** Width/layer ratio d/L the derived shapes aim for (Llama 3 family: 8B 128, 70B 102, 405B 130, 3.2-1B 128). */
const ASPECT = 128;
/** Llama FFN ratio d_ff/d = 8/3 (SwiGLU at the parameter count of a 4·d GELU FFN). */
const FFN_RATIO = 8 / 3;

/** Candidate widths: multiples of 128 to 1,024, 1,536 to 2,560 by 512, then multiples of 1,024 to 65,536. */
const WIDTHS: readonly number[] = (() => {
  const out: number[] = [];
  for (let d = 256; d <= 1024; d += 128) out.push(d);
  for (let d = 1536; d <= 2560; d += 512) out.push(d);
  for (let d = 3072; d <= 65536; d += 1024) out.push(d);
  return out;
})();

interface Derived {
  d: number;
  L: number;
  headDim: number;
  heads: number;
  kvHeads: number;
  vocab: number;
  tied: boolean;
  dFF: number;
}

function headsFor(d: number): { headDim: number; heads: number; kvHeads: number } {
  const headDim = d < 2560 ? 64 : 128;
  const heads = d / headDim;
  let kvHeads = heads;
  if (heads >= 16) {
    kvHeads = [8, 4, 2, 1].find((k) => heads % k === 0) ?? 1;
  }
  return { headDim, heads, kvHeads };
}

/**
 * A Llama-style dense shape whose paramCount().total ≈ params (within 1 %; parameters, not bytes).
 *
 * Rule (shown in the UI): SwiGLU FFN, RMSNorm, no biases, RoPE; head size 64 below d = 2,560 and 128
 * above (Llama 3.2 1B / 3B); MHA below 16 heads, else GQA with 8 KV heads (4, 2 or 1 when 8 does not
 * divide the head count); vocabulary 32,000 tied below 1e9 parameters (Llama 2 tokenizer, small
 * models tie), 128,256 tied below 5e9 (Llama 3.2), 128,256 untied above (Llama 3.1); layers
 * L = round(d / 128) (the Llama 3 family's width-to-depth ratio, min 2). The width d is taken from a
 * grid (multiples of 128 up to 1,024, of 512 up to 2,560, of 1,024 above) so that the d_ff which makes the count exact,
 * rounded to a multiple of 64 (d < 8,192) or 256, is closest to 8/3·d (Llama's ratio).
 */
export function deriveShape(params: number): ModelShape {
  const target = Math.max(params, 1e6);
  const vocab = target < 1e9 ? 32000 : 128256;
  const tied = target < 5e9;
  let best: Derived | undefined;
  let bestScore = Infinity;
  for (const d of WIDTHS) {
    const { headDim, heads, kvHeads } = headsFor(d);
    const L = Math.max(2, Math.round(d / ASPECT));
    const attn = 2 * d * heads * headDim + 2 * d * kvHeads * headDim;
    const fixed = vocab * d * (tied ? 1 : 2) + L * (attn + 2 * d) + d;
    const rest = target - fixed;
    if (rest <= 0) break; // wider models only grow the fixed part
    const mult = d < 8192 ? 64 : 256;
    const dFF = Math.max(mult, Math.round(rest / (3 * d * L) / mult) * mult);
    const score = Math.abs(Math.log(dFF / (FFN_RATIO * d)));
    if (score < bestScore) {
      bestScore = score;
      best = { d, L, headDim, heads, kvHeads, vocab, tied, dFF };
    }
  }
  // Below the smallest grid point's fixed part (not reached for params ≥ 1e8): the smallest shape.
  const b = best ?? { d: 256, L: 2, ...headsFor(256), vocab, tied, dFF: 704 };
  return {
    name: `derived from ${formatParamsShort(params)} parameters`,
    layers: b.L,
    dModel: b.d,
    heads: b.heads,
    kvHeads: b.kvHeads,
    headDim: b.headDim,
    dFF: b.dFF,
    ffn: "swiglu",
    vocab: b.vocab,
    tiedEmbeddings: b.tied,
    attention: b.kvHeads === b.heads ? "mha" : b.kvHeads === 1 ? "mqa" : "gqa",
    parallelBlock: false,
    norm: "rmsnorm",
    bias: "none",
  };
}

