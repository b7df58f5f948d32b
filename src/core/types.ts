/**
 * The scenario and report types of shared/CONTRACT.md (copied into the project; field names are
 * the contract). All quantities are SI and unscaled: bytes, seconds, FLOP, FLOP/s, bytes/s,
 * tokens, US dollars. Formatting happens only at the edges (UI, CLI).
 */
import type { Serving, ServingInput } from "./serving/input";
import type { ServingReport } from "./serving/report";

/** Number formats a tensor can be stored or multiplied in. */
export const PRECISIONS = ["fp32", "bf16", "fp16", "fp8", "int8", "int4", "fp4"] as const;
export type Precision = (typeof PRECISIONS)[number];

export const LAYOUTS = ["auto", "1d-weight-stationary", "2d-weight-stationary", "weight-gathered"] as const;
export type Layout = (typeof LAYOUTS)[number];
export type ConcreteLayout = Exclude<Layout, "auto">;

export const ATTENTION_SHARDINGS = ["auto", "heads", "batch"] as const;
export type AttentionSharding = (typeof ATTENTION_SHARDINGS)[number];

/** The software stack serving the model (shared/CONTRACT.md, "Engine"). */
export const ENGINES = ["tensorrt-llm", "vllm", "sglang", "llama.cpp", "mlx", "jetstream", "pytorch", "generic"] as const;
export type Engine = (typeof ENGINES)[number];

/** Versions and flags of the engine that change the numbers (CONTRACT "Engine"; engines.ts). */
export interface EngineOptions {
  /** Decode steps replayed from a CUDA/HIP graph [true]; false: every kernel is issued from the host (vLLM enforce_eager, SGLang --disable-cuda-graph, plain PyTorch). */
  cudaGraphs?: boolean;
}

export type AttentionKind = "mha" | "gqa" | "mqa" | "mla";
export type FfnKind = "swiglu" | "gelu";
export type Mode = "realistic" | "ideal";
export type Bottleneck = "compute" | "memory" | "network";

export interface MlaConfig {
  kvLoraRank: number;
  qkRopeHeadDim: number;
  qLoraRank: number; // 0 = no query low-rank (DeepSeek-V2-Lite)
  qkNopeHeadDim: number;
  vHeadDim: number;
}

export interface MoeConfig {
  experts: number; // routed experts per MoE layer
  activeExperts: number; // routed experts chosen per token (top-k)
  sharedExperts: number; // always-on experts
  dFFExpert: number; // inner width of one expert
  denseLayers: number; // leading layers with a dense FFN of width dFF
}

/** A fully specified model shape (what presets hold and what the core computes with). */
export interface ModelShape {
  name: string;
  layers: number;
  dModel: number;
  heads: number;
  kvHeads: number; // = heads: MHA; 1: MQA; between: GQA
  headDim: number;
  dFF: number;
  ffn: FfnKind;
  vocab: number;
  tiedEmbeddings: boolean;
  attention: AttentionKind;
  parallelBlock: boolean;
  mla?: MlaConfig;
  moe?: MoeConfig;
  // --- fields beyond the contract (all optional; defaults in brackets) ---
  /** "rmsnorm" (d weights) [default] or "layernorm" (2d: scale and bias). */
  norm?: "rmsnorm" | "layernorm";
  /** Norms per layer [2; 1 for parallel blocks; Gemma 2 has 4]. */
  normsPerLayer?: number;
  /** Per-head RMSNorm on q and k (Qwen3): + 2·headDim per layer. */
  qkNorm?: boolean;
  /** Biases: "none" [default], "qkv" (Qwen2), "all" (GPT-2/3: every linear and norm). */
  bias?: "none" | "qkv" | "all";
  /** Learned absolute position embeddings (GPT-2/3): rows × dModel parameters [0]. */
  positionEmbeddings?: number;
  /** Sliding-window attention: window in tokens and which layers use it. */
  slidingWindow?: { window: number; layers: "all" | "alternate" };
  /** Attention sinks (gpt-oss): one learned scalar per head per layer. */
  attentionSinks?: boolean;
  /** Longest context the model was released for (prompt + output, tokens): a preset's published
   *  window, or an imported config's `max_position_embeddings`. Unknown: no window check. */
  contextWindow?: number;
}

export interface ModelInput extends Partial<ModelShape> {
  preset?: string;
  /** A parameter count alone (no shape): the shape is derived from it by a documented rule. */
  params?: number;
  mla?: MlaConfig;
  moe?: MoeConfig;
}

export interface HardwareSpec {
  name: string;
  chips: number;
  memoryBytes: number; // per chip
  memoryBandwidth: number; // bytes/s per chip
  peakFlops: Partial<Record<Precision, number>>; // dense FLOP/s per math precision
  interconnectBandwidth: number; // bytes/s per chip, one direction, inside the fast domain
  pricePerHour?: number; // USD per chip-hour
  // --- beyond the contract ---
  /** Board power in watts (energy per token). */
  powerWatts?: number;
  /** Chips joined by the fast interconnect (NVLink domain); beyond it scaleOutBandwidth applies. */
  fastDomainChips?: number;
  /** bytes/s per chip, one direction, between fast domains (InfiniBand/Ethernet). */
  scaleOutBandwidth?: number;
  /** "switch" (NVLink/NVSwitch, all-to-all), "torus" (TPU ICI), "none" (single device, PCIe). */
  topology?: "switch" | "torus" | "none";
  /** 2:4 structured sparsity doubles the math rate on this chip. */
  sparseTensorCores?: boolean;
  /** Fraction of each roof real kernels reach (MAMF, STREAM-like); realistic mode only. */
  achievable?: { compute?: number; memory?: number };
  /**
   * Token rows per step at which a systolic matrix unit reaches half its matmul rate (fill and
   * drain); realistic mode only. Absent: GPUs pick GEMV/split-K kernels for few rows (no factor).
   */
  matmulRowsHalf?: number;
  /** Latency of one collective: a base cost plus a cost per ring step or hop (seconds); realistic mode only. */
  collectiveLatency?: { baseS: number; perStepS: number };
}

/** A hardware block as given: the chip-level calibration (matrix-unit fill, collective latency) comes with its preset only. */
export interface HardwareInput extends Omit<Partial<HardwareSpec>, "pricePerHour" | "powerWatts" | "matmulRowsHalf" | "collectiveLatency"> {
  preset?: string;
  /** null: not known (the preset's figure is not inherited). */
  pricePerHour?: number | null;
  powerWatts?: number | null;
}

export interface Workload {
  batch: number;
  promptTokens: number;
  outputTokens: number;
  /** Prefill at another batch (Pope et al. Table 2 prefills at 1, decodes at 64). Default: batch. */
  prefillBatch?: number;
}

export interface PrecisionConfig {
  weights: Precision;
  kvCache: Precision;
  activations: Precision;
  /** Effective bits per weight including scales (q4_0 4.5, int4 g128 ≈ 4.125, MXFP4 4.25). */
  weightBits?: number;
}

export const EXPERT_PARALLELISMS = ["auto", "tensor", "expert"] as const;
export type ExpertParallelism = (typeof EXPERT_PARALLELISMS)[number];

export interface Parallelism {
  layout: Layout;
  attentionSharding: AttentionSharding;
  /** MoE only: split every expert over the chips ("tensor") or place whole experts on chips ("expert"). */
  experts?: ExpertParallelism;
}

export interface Efficiency {
  compute: number;
  memory: number;
  network: number;
}

export interface ScenarioInput {
  model?: ModelInput;
  hardware?: HardwareInput;
  workload?: Partial<Workload>;
  precision?: Partial<PrecisionConfig>;
  parallelism?: Partial<Parallelism>;
  mode?: Mode;
  efficiency?: Partial<Efficiency>;
  sparsity?: { weights?: "none" | "2:4" };
  /** Speculative decoding what-if: a draft model proposes tokens the target verifies in one step. */
  speculative?: SpeculativeInput;
  /** Traffic: requests arriving over time (core/serving/input.ts; the simulator comes later). */
  serving?: ServingInput;
  /** The serving software; realistic mode takes its overheads from it (engines.ts). */
  engine?: Engine;
  engineOptions?: EngineOptions;
  /** Fused attention (FlashAttention) in prefill [true]; false: the score matrix is materialised (cost/flash.ts). */
  flashAttention?: boolean;
}

export interface SpeculativeInput {
  /** The draft model: a preset id, or a parameter count (shape derived); none = no speculation. */
  draftPreset?: string;
  draftParams?: number;
  /** Tokens the draft proposes per target step (k). */
  draftTokens?: number;
  /** Probability that the target accepts each proposed token (α, 0–1). */
  acceptanceRate?: number;
}

/** A scenario with every field resolved: presets applied, defaults filled, validated. */
export interface Scenario {
  model: ModelShape & { preset?: string; derivedFromParams?: number };
  hardware: HardwareSpec & { preset?: string };
  workload: Required<Workload>;
  precision: PrecisionConfig;
  parallelism: Parallelism;
  mode: Mode;
  /** Overrides only; the mode's calibrated values fill in the rest. */
  efficiency: Partial<Efficiency>;
  sparsity: { weights: "none" | "2:4" };
  speculative?: { draft: ModelShape; draftTokens: number; acceptanceRate: number };
  /** The validated serving block with its defaults; undefined when the scenario has none. */
  serving?: Serving;
  /** The engine the scenario names; undefined when it names none. */
  engine?: Engine;
  /** The engine's options the scenario sets (unset: the engine's defaults). */
  engineOptions?: EngineOptions;
  /** Fused attention in prefill; false adds the score matrix's HBM traffic and activation memory. */
  flashAttention: boolean;
}

/** One problem found in an input, with the dotted path of the field it concerns. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** Something the reader should know about a scenario, with the dotted input field it concerns. */
export interface ReportWarning {
  field: string;
  message: string;
}

/** Time of one phase split by what bounds each operation (seconds; sums to the phase time). */
export interface TimeBreakdown {
  weightLoad: number; // weight matmuls bound by memory bandwidth
  kvRead: number; // attention bound by reading the KV cache
  matmulCompute: number; // weight matmuls bound by FLOP/s
  attentionCompute: number; // attention bound by FLOP/s
  communication: number; // collectives not hidden behind compute
  overhead: number; // fixed per-step costs (realistic mode only)
}

export interface PhaseReport {
  timeS: number;
  flops: number;
  bytes: number;
  mfu: number;
  bottleneck: Bottleneck;
  breakdown: TimeBreakdown;
  layout: ConcreteLayout;
  attentionSharding: "heads" | "batch";
  /** Why the layout was picked (for "auto"). */
  layoutReason: string;
  /** MoE on several chips: experts split over chips ("tensor") or placed whole ("expert"). */
  experts?: "tensor" | "expert";
  /** Bytes sent per chip over the interconnect in this phase (one step for decode). */
  commBytes: number;
  /**
   * The host issuing every kernel (engineOptions.cudaGraphs false) outlasts the GPU's own step, so
   * the phase waits on the host whatever `bottleneck` (the GPU's roofline bound) says.
   */
  hostBound: boolean;
  /**
   * Realistic MoE on an engine with a grouped-GEMM figure for the chip's vendor (engines.ts): the
   * routed experts' FLOP rate against the dense matmul rate in this phase's passes; absent: the dense rate.
   */
  groupedGemmShare?: number;
}

export interface Report {
  params: { total: number; active: number };
  memory: {
    weightsBytes: number;
    kvCacheBytesPerToken: number;
    kvCacheBytes: number;
    activationBytes: number;
    perChipBytes: number;
    capacityBytes: number;
    /** Capacity usable for the model (capacity less the runtime reserve in realistic mode). */
    usableBytes: number;
    fits: boolean;
    /** Largest batch that fits at this context (the prefill batch moves with it unless set apart). */
    maxBatch: number;
    /** Longest context (prompt + output) that fits at this batch, the prompt growing and the output
     *  fixed; 0 when not even a one-token prompt fits. Both capped at 1e9 (SEARCH_CAP in cost/search.ts). */
    maxContextTokens: number;
    /** The model's context window (tokens), or null when unknown. */
    contextWindowTokens: number | null;
    /** maxContextTokens is longer than the model's context window: memory is not what limits it. */
    maxContextBeyondWindow: boolean;
    perChip: { weights: number; kvCache: number; activations: number; reserve: number };
  };
  prefill: PhaseReport;
  decode: Omit<PhaseReport, "flops" | "bytes"> & {
    flopsPerToken: number; // whole batch, one step, at the mean context
    bytesPerStep: number; // all chips, one step, at the mean context
    timePerTokenS: number;
    mbu: number;
  };
  total: {
    timeS: number;
    outputTokensPerS: number;
    costPerMillionOutputTokens: number | null;
    costPerMillionInputTokens: number | null;
    chipSecondsPerMillionOutputTokens: number;
    chipSecondsPerMillionInputTokens: number;
    /** Whole request (prefill + decode) charged to the output tokens: price/3600 × chips × total.timeS ÷ (batch × outputTokens) × 1e6. */
    costPerMillionOutputTokensAllIn: number | null;
    chipSecondsPerMillionOutputTokensAllIn: number;
    joulesPerOutputToken: number | null;
  };
  attention: { flopsShare: number; crossoverTokens: number };
  /** Speculative decoding (only when the scenario asks for it). Leviathan et al. 2023. */
  speculative?: {
    expectedTokensPerStep: number; // (1 − α^(k+1)) / (1 − α)
    draftStepS: number;
    verifyStepS: number;
    timePerTokenS: number; // (k · draft step + verify step) / expected tokens
    speedup: number; // plain time per token / speculative time per token
    costPerMillionOutputTokens: number | null;
    draftBytesPerChip: number; // draft weights + its KV cache, per chip
  };
  /** Roofline figures for the chips and math precision in use. */
  roofline: {
    mathPrecision: Precision;
    peakFlops: number; // per chip, FLOP/s
    memoryBandwidth: number; // per chip, bytes/s
    ridgeIntensity: number; // FLOP/byte, datasheet peak ÷ datasheet bandwidth
    /**
     * The smallest batch at which this decode step is compute-bound, by the same per-operation
     * classification as decode.bottleneck (this mode's efficiencies, the weights plus the KV cache
     * read at this context, this layout); null when no batch up to 1e9 is.
     * decode.bottleneck is "compute" exactly when batch ≥ criticalBatch (unless network-bound).
     */
    criticalBatch: number | null;
    /** "weights": the step turns where the weight matmuls alone do (the KV read at this context
     *  does not move it); "weights+kv": the KV cache at this context moves it (or prevents it). */
    criticalBatchBasis: "weights" | "weights+kv";
    /** The smallest batch at which the decode weight matmuls alone are compute-bound (KV ignored). */
    criticalBatchWeightsOnly: number | null;
  };
  /** The efficiencies and overheads actually used (mode defaults merged with overrides). */
  assumptions: {
    mode: Mode;
    efficiency: Efficiency;
    stepOverheadS: { prefill: number; decode: number };
    runtimeReserveBytes: number;
  };
  /** The serving engine whose terms realistic mode used (CONTRACT "Engine"): the scenario's, else its vendor's default. */
  engine: Engine;
  /** True when the scenario named no engine and `engine` is the hardware vendor's default. */
  engineAssumed: boolean;
  warnings: ReportWarning[];
  /** Traffic (CONTRACT.md "Serving"): only when the scenario has a serving block and the caller runs it. */
  serving?: ServingReport;
}
