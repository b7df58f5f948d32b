/**
 * The serving engine (the software stack) as an input: what each one costs beyond the chip's
 * roofs in realistic mode (CONTRACT "Engine"). One small table of documented terms per engine;
 * what belongs to the chip (a TPU matrix unit's fill, a vendor's GEMM efficiency, an
 * interconnect's hop latency) stays with the hardware preset. Ideal mode ignores all of it.
 *
 * Which measurement set each figure (the calibration set, tagged in the project's copies of
 * the cases; everything else is held out):
 * - the public static measurements in validation/public_cases.json: TensorRT-LLM, gpt-fast and
 *   torchao on NVIDIA, llama.cpp on NVIDIA and Apple, Pope et al. on TPU v4;
 * - this project's own H200 runs (calibration/, PyTorch 2.11 with and without CUDA graphs);
 * - the OCI MI300X vLLM batch sweep (validation/heldout_cases.json cases tagged "calibration").
 */
import type { Engine, EngineOptions } from "./types";
import { findHardwarePreset, type Vendor } from "./hardware/presets";

/**
 * How a routed expert's grouped GEMM runs against the dense matmul rate: with M token rows per
 * expert hit, share × M / (M + min(rowsHalf, M)) (the tiles of a few rows per expert fill poorly;
 * below rowsHalf rows the kernels' small-M tiles hold it at share / 2).
 */
export interface GroupedGemm {
  share: number;
  rowsHalf: number;
}

export interface EngineProfile {
  id: Engine;
  label: string;
  /** Fixed cost per kernel (launch, ramp-up, tail), seconds. */
  kernelS: number;
  /** Kernels per transformer layer in a step; MoE layers add `moeKernelsPerLayer`. */
  kernelsPerLayer: number;
  moeKernelsPerLayer: number;
  /**
   * Host time to issue one kernel when the step is not replayed from a CUDA/HIP graph
   * (`engineOptions.cudaGraphs: false`), seconds: the step then takes at least the host's issue
   * time. Undefined: the engine has no such switch the model knows.
   */
  eagerKernelS?: number;
  /** Host work per step not hidden behind the GPU (scheduling, input preparation), seconds. */
  stepS: number;
  /** Work per sequence per layer per step that grows with the batch (paged-attention metadata and per-sequence blocks, sampling), seconds. */
  perSequenceLayerS: number;
  /** A whole forward pass against the best-case GEMM rate (unfused norms, RoPE, activations between matmuls). */
  forwardPassShare: number;
  /** Attention kernels' FLOP rate against the matmul rate. */
  attentionComputeShare: number;
  /** Decode attention's KV-cache read rate against the weight-streaming rate (paged, split-KV kernels). */
  kvBandwidthShare: number;
  /**
   * Where a MoE's experts go when the scenario leaves `parallelism.experts` on "auto" (realistic
   * mode): "tensor" (each expert split over the chips, the engines' default; expert parallelism is
   * a flag) or "auto" (the faster of the two, as ideal mode does).
   */
  expertsDefault: "tensor" | "auto";
  /** Prefill tokens per forward pass at most (chunked prefill); Infinity: the whole batch in one pass. */
  prefillChunkTokens: number;
  /**
   * Weight-only low-bit matmul kernels: the share of the weight-streaming rate they reach (the
   * dequantization work per byte), for 8-bit and for 4-bit-or-fewer weights. Math in the weights'
   * own precision (W8A8 fp8/int8) dequantizes nothing and streams at the full rate.
   */
  lowBitShare: { int8: number; int4: number };
  /** Memory the runtime keeps per chip (context, collectives' buffers, allocator slack), GiB. */
  runtimeReserveGiB: number;
  /** The routed experts' grouped GEMMs by chip vendor (realistic mode); a vendor not listed: the dense rate. */
  groupedGemm: Partial<Record<Vendor, GroupedGemm>>;
  /** Where the figures come from. */
  source: string;
}

/**
 * Issuing a kernel from Python (PyTorch eager, which vLLM's and SGLang's model code also is when
 * their graphs are off): 31 µs, the median over this project's 63 eager H200 decode steps of the
 * step time ÷ its kernels (host issue time ÷ kernels: median 32 µs, 16–64 µs, moving with the
 * host's state; calibration/README.md). Eager steps took max(graph-replayed step, issue time):
 * Llama-3.2-1B 12.5–13.4 ms for its 400 kernels at every batch up to 64 where graph replay took 1.7–3.8 ms.
 */
export const PYTHON_EAGER_KERNEL_S = 31e-6;

/**
 * vLLM's and SGLang's fused_moe Triton kernel (the same kernel; SGLang's is a port of vLLM's), set
 * on two of vLLM's benchmark_moe.py tables with tuned configs, both bf16, coarse experts
 * (validation/moe_kernel_cases.json, tagged calibration): Mixtral-8x7B TP2 on H100 (vLLM #24700:
 * 1,536 tokens in 1,123 µs, 0.61 of H100's MAMF at 384 rows per expert; 1,024 in 834 µs, 0.55 at
 * 256) and an E=64, N=1,408, top-6 shape on A100 (vLLM #40542: 0.59 at 384 rows, 0.42 at 96).
 * Two points fix the two figures: 0.59/0.42 = 4(96 + h)/(384 + h) gives h ≈ 64, then
 * share = 0.60 × 448/384 ≈ 0.70. The same Triton source runs on ROCm; no AMD table was found, so
 * AMD takes NVIDIA's figures (an assumption). Fine-grained experts (N ≤ 768) and fp8 run slower
 * still (held-out tables, known misses).
 */
export const TRITON_FUSED_MOE: GroupedGemm = { share: 0.7, rowsHalf: 64 };

/** A grouped GEMM's rate against the dense matmul rate at `rowsPerExpert` token rows per expert hit. */
export function groupedGemmShare(g: GroupedGemm, rowsPerExpert: number): number {
  return rowsPerExpert > 0 ? (g.share * rowsPerExpert) / (rowsPerExpert + Math.min(g.rowsHalf, rowsPerExpert)) : g.share / 2;
}

/**
 * The GPU figures every CUDA engine starts from, all set on the public static measurements:
 * - 10 kernels per layer (2 norms, QKV, RoPE, attention, O, gate/up, activation, down, residual),
 *   MoE layers 4 more (router, top-k, gather, scatter), at 3 µs each (aiconfigurator adds ~3 µs per
 *   kernel): torchao Llama-3.1-8B on H100 at 126.9 tok/s is 4.5 ms of weights plus ~3 ms of fixed cost;
 * - a forward pass at 3/4 of the GEMM rate: TensorRT-LLM's GPT-J 6B 2,048-token prefill on A100 at
 *   59 % MFU, 0.68 of A100's 0.87 MAMF; Megatron-LM 0.52–0.57 MFU on A100;
 * - attention at 3/4 of the matmul rate: FlashAttention-2 reaches 50–73 % of A100 peak (Dao 2023);
 * - weight-only low-bit kernels (gpt-fast's and torchao's, the public int8/int4 cases): int8 Llama-2-70B
 *   on A100 1,323 GB/s (65 % of datasheet, vs ~70 % in bf16) → 0.9; int4 g32 Llama-2-7B 863 GB/s (42 %)
 *   and torchao int4 Llama-3.1-8B on H100 1,019 GB/s (30 %) → 0.6 for 4-bit;
 * - MoE experts split over the chips (tensor parallel) unless expert parallelism is asked for: vLLM's
 *   `--enable-expert-parallel` and SGLang's `--ep-size` are opt-in flags, TensorRT-LLM's `moe_tp_size`
 *   defaults to the tensor-parallel size, gpt-fast's Mixtral shards every expert ("tp8");
 * - prefill chunks of 8,192 tokens (TensorRT-LLM max_num_tokens and vLLM max_num_batched_tokens);
 * - a 3.5 GiB reserve per GPU (CUDA context, NCCL buffers; aiconfigurator reserves this much).
 */
const CUDA = {
  kernelS: 3e-6,
  kernelsPerLayer: 10,
  moeKernelsPerLayer: 4,
  stepS: 0,
  perSequenceLayerS: 0,
  forwardPassShare: 0.75,
  attentionComputeShare: 0.75,
  kvBandwidthShare: 1,
  prefillChunkTokens: 8192,
  expertsDefault: "tensor",
  lowBitShare: { int8: 0.9, int4: 0.6 },
  runtimeReserveGiB: 3.5,
  // No measurement of TensorRT-LLM's CUTLASS MoE GEMMs or of plain PyTorch's expert loops: the dense rate.
  groupedGemm: {},
} satisfies Omit<EngineProfile, "id" | "label" | "source">;

export const ENGINE_PROFILES: Record<Engine, EngineProfile> = {
  "tensorrt-llm": {
    id: "tensorrt-llm",
    label: "TensorRT-LLM",
    ...CUDA,
    source: "the CUDA figures above; TensorRT-LLM's published A100/H100/H200/L40S tables are most of the calibration set (XQA decode kernels stream the KV cache at the weights' rate)",
  },
  vllm: {
    id: "vllm",
    label: "vLLM",
    ...CUDA,
    // Decode attention reads the KV cache at ~0.47 of datasheet bandwidth in FlashAttention's
    // kernels on H200 (this project's runs: 0.43–0.50 for GQA, 0.69 for MQA) where weights stream
    // at 0.93: 0.47 / 0.8 (the memory efficiency) ≈ 0.6 of the weight-streaming rate.
    kvBandwidthShare: 0.6,
    // Set on the OCI MI300X vLLM Llama-3.1-405B fp8 batch sweep (batch 1, 32, 64, 256; the
    // calibration cases in validation/heldout_cases.json): beyond weights and KV reads its step
    // grows as ~6.4 ms + 0.27 ms per sequence over 126 layers, i.e. ~51 µs per layer (here 10
    // kernels at 8 µs instead of 3; our H200 runs measured 7.2 µs per eager kernel launch) and
    // ~2 µs per sequence per layer.
    kernelS: 8e-6,
    perSequenceLayerS: 2e-6,
    eagerKernelS: PYTHON_EAGER_KERNEL_S,
    // vLLM runs GPTQ/AWQ 4-bit and fp8 weight-only models through the Marlin kernels on sm80+:
    // "close to ideal (4x) speedups up to batchsizes of 16-32 tokens" over FP16 (IST-DASLab/marlin
    // README; Frantar et al. 2024), and FP8 Marlin "nearly a 2x speedup over FP16": the packed
    // weights stream at (almost) the 16-bit weights' rate.
    lowBitShare: { int8: 0.95, int4: 0.95 },
    groupedGemm: { nvidia: TRITON_FUSED_MOE, amd: TRITON_FUSED_MOE },
    source: "CUDA figures; KV read share from this project's H200 FlashAttention runs; per-sequence cost from the OCI MI300X vLLM Llama-3.1-405B batch sweep (calibration); low-bit share from the Marlin kernels' published speedups; grouped GEMMs from vLLM's benchmark_moe tables (calibration)",
  },
  sglang: {
    id: "sglang",
    label: "SGLang",
    ...CUDA,
    // FlashInfer decode kernels: the same KV read share as vLLM's (same measurement).
    kvBandwidthShare: 0.6,
    eagerKernelS: PYTHON_EAGER_KERNEL_S,
    groupedGemm: { nvidia: TRITON_FUSED_MOE, amd: TRITON_FUSED_MOE },
    // SGLang's scheduler overlaps CPU work with the GPU ("zero-overhead batch scheduler", v0.4;
    // wuklab's scheduling-overhead study found SGLang's far below vLLM's): no per-sequence cost.
    source: "CUDA figures; KV read share as vLLM; grouped GEMMs as vLLM (fused_moe_triton); no per-sequence host cost (overlapped scheduler)",
  },
  "llama.cpp": {
    id: "llama.cpp",
    label: "llama.cpp",
    ...CUDA,
    // One process on one device: no NCCL buffers; Metal or CUDA context ~1 GiB.
    runtimeReserveGiB: 1,
    // Block-quantized GGUF weights (q4_0: 4.5 bits with its scales) are dequantized inside the
    // matrix-vector kernel: Llama-2-70B q4_0 on M2 Ultra at 14.37 tokens/s (the calibration case
    // llamacpp-m2ultra-llama2-70b-q4_0) is 39 GB × 14.37 = 0.70 of the 800 GB/s datasheet, i.e.
    // 0.9 of the 0.8 weight-streaming rate the f16 cases reach, where CUDA int4 kernels reach 0.6.
    lowBitShare: { int8: 0.9, int4: 0.9 },
    source: "CUDA figures with a 1 GiB reserve; set on llama.cpp's published M2 Ultra, M3 Max, RTX 4090 and A100 tables (calibration), its 4-bit share on the M2 Ultra Llama-2-70B q4_0 row",
  },
  mlx: {
    id: "mlx",
    label: "MLX",
    ...CUDA,
    runtimeReserveGiB: 1,
    // No MLX measurement in the calibration set: llama.cpp's figures on the same chips. On one M1
    // Max, MLX 4-bit Qwen2-7B decoded 43.3 tokens/s against llama.cpp q4_k_m's 31.1 (xorbitsai/
    // inference PR #1765), so MLX's 4-bit kernels are at least as good as llama.cpp's.
    lowBitShare: { int8: 0.9, int4: 0.9 },
    source: "as llama.cpp on Apple silicon (no MLX measurement in the calibration set; MLX 4-bit at least as fast as llama.cpp's q4 on M1 Max, xorbitsai/inference #1765)",
  },
  jetstream: {
    id: "jetstream",
    label: "JetStream (XLA on TPU)",
    ...CUDA,
    // XLA fuses the ops between matmuls into them: PaLM 540B's large prefill reached 0.76 MFU on
    // TPU v4 (Pope et al. 2022, Table 2), so a pass runs at the GEMM rate; fused kernels cost ~1 µs.
    kernelS: 1e-6,
    forwardPassShare: 1,
    // Pope et al.'s system prefills the whole batch in one pass (512 × 2,048 tokens, Table 2).
    prefillChunkTokens: Infinity,
    // Pope et al.'s layouts leave the placement to the partitioner: the faster one.
    expertsDefault: "auto",
    runtimeReserveGiB: 1,
    source: "Pope et al. 2022 (PaLM on TPU v4, Tables 2–3) and the scaling book's TPU v5e figures (calibration)",
  },
  pytorch: {
    id: "pytorch",
    label: "PyTorch",
    ...CUDA,
    // Plain PyTorch, the step replayed from a CUDA graph: this project's H200 runs (calibration/,
    // tagged calibration) measured ~70 µs per layer of fixed cost, ~25 unfused kernels (RoPE in
    // 10, KV writes, residual adds, SiLU and multiply) at ~2.8 µs each, and decode attention
    // (scaled_dot_product_attention, flash backend) reading the KV cache at 0.6 of the weights' rate.
    kernelsPerLayer: 25,
    kernelS: 2.8e-6,
    eagerKernelS: PYTHON_EAGER_KERNEL_S,
    kvBandwidthShare: 0.6,
    source: "this project's H200 runs with CUDA graphs (calibration/README.md)",
  },
  generic: {
    id: "generic",
    label: "generic (CUDA-like)",
    ...CUDA,
    expertsDefault: "auto",
    eagerKernelS: PYTHON_EAGER_KERNEL_S,
    source: "the CUDA figures without any engine's own terms",
  },
};

/**
 * The engine a scenario runs on: the one it names, else the default for its hardware's vendor,
 * chosen so that the public measurements hold (NVIDIA: TensorRT-LLM, whose tables set the GPU
 * figures; Google: JetStream; AMD: vLLM, ROCm's documented stack; Apple: llama.cpp; others generic).
 */
export function engineOf(s: { engine?: Engine; hardware: { preset?: string } }): { engine: EngineProfile; assumed: boolean } {
  if (s.engine) return { engine: ENGINE_PROFILES[s.engine], assumed: false };
  return { engine: ENGINE_PROFILES[defaultEngineId(s.hardware.preset)], assumed: true };
}

/** Host issue time of one pass when the scenario turns the engine's graphs off, seconds; 0 otherwise. */
export function eagerIssueS(engine: EngineProfile, options: EngineOptions | undefined, layers: number, moeLayers: number): number {
  if (options?.cudaGraphs !== false || engine.eagerKernelS === undefined) return 0;
  return engine.eagerKernelS * (layers * engine.kernelsPerLayer + moeLayers * engine.moeKernelsPerLayer);
}

/** The engine's grouped-GEMM figures on the scenario's chip (by its preset's vendor); none for custom hardware or an unlisted vendor. */
export function groupedGemmOf(engine: EngineProfile, preset: string | undefined): GroupedGemm | undefined {
  const vendor = preset ? findHardwarePreset(preset)?.vendor : undefined;
  return vendor ? engine.groupedGemm[vendor] : undefined;
}

function defaultEngineId(preset: string | undefined): Engine {
  const vendor = preset ? findHardwarePreset(preset)?.vendor : undefined;
  return vendor === "nvidia" ? "tensorrt-llm" : vendor === "google" ? "jetstream" : vendor === "amd" ? "vllm" : vendor === "apple" ? "llama.cpp" : "generic";
}
