/**
 * Realistic-mode defaults. Each is a fraction of a datasheet roof or a fixed cost, justified by a
 * public measurement. Ideal mode ignores all of them (efficiencies 1, no overheads, no reserve).
 */
import type { HardwareSpec, Mode, Precision, PrecisionConfig } from "../types";

/**
 * Achievable share of datasheet HBM bandwidth for streaming kernels: 0.8. NVIDIA's own estimator
 * applies mem_bw_empirical_scaling_factor 0.8 (ai-dynamo/aiconfigurator systems/*.yaml); batch-1
 * decode measurements sit at 0.57–0.80 of datasheet once per-kernel costs are added (gpt-fast
 * Llama-2-7B on A100: 1,385 GB/s of 2,039; llama.cpp RTX 4090 f16: 76 %; M3 Max: 80 %).
 */
export const MEMORY_EFFICIENCY = 0.8;

/**
 * Achievable share of dense peak for large matmuls when the chip has no measured figure: 0.8
 * (ml-engineering "MAMF": A100 0.87, H100 0.80, B200 0.78 of datasheet bf16; presets carry their
 * own value in `achievable.compute`). PaLM 540B prefill reached 76 % MFU on TPU v4 (Pope et al.
 * 2022, Table 2), consistent with ~0.8 for very large matmuls.
 */
export const COMPUTE_EFFICIENCY = 0.8;

/**
 * Matmul efficiency falls for few rows on a systolic array: f(M) = M / (M + M_half), M = token rows
 * per step. A TPU's 128×128 MXU spends ~128 cycles filling and draining per pass; with double
 * buffering half of that shows, so M_half = 64 (PaLM 62B's batch-512 decode then lands at ~0.43 MFU
 * against 0.37 measured, Pope et al. Table 3, and 540B int8 at batch 64 stays weight-bound as
 * measured; without the factor 62B lands at 0.52). GPUs pick GEMV/split-K kernels for small M that stay on the memory
 * roof and tensor-core tiles of 64 rows above that, so no factor is applied (M_half = 0).
 */
export function matmulRowsHalf(hw: HardwareSpec): number {
  return hw.topology === "torus" ? 64 : 0;
}

/**
 * A whole forward pass on GPUs reaches ~3/4 of the best-case matmul rate: GEMMs of mixed shapes,
 * and unfused norms, RoPE, activations and softmax between them. TensorRT-LLM's GPT-J 6B prefill
 * of 2,048 tokens on A100 runs at 59 % MFU (TRT-LLM v0.9 performance docs), 0.68 of A100's 0.87
 * MAMF; Megatron-LM reaches 0.52–0.57 MFU on A100. XLA on TPU fuses these ops into the matmuls:
 * PaLM 540B's large prefill reached 0.76 MFU (Pope et al. Table 2), so TPUs keep 1.
 */
export function forwardPassShare(hw: HardwareSpec): number {
  return hw.topology === "torus" ? 1 : 0.75;
}

/**
 * Attention kernels run at 3/4 of the matmul rate: FlashAttention-2 reaches 50–73 % of peak on
 * A100 (Dao 2023) where GEMMs reach ~80 %; this multiplies the compute efficiency for attention.
 */
export const ATTENTION_COMPUTE_SHARE = 0.75;

/**
 * NCCL all-reduce bus bandwidth is typically ~80 % of the per-direction link rate
 * (hardware.md pitfall 5; nccl-tests PERFORMANCE.md). Used for every collective.
 */
export const NETWORK_EFFICIENCY = 0.8;

/**
 * Weight-only low-bit kernels reach a smaller share of bandwidth: the dequantization work per byte
 * limits them at small batch. Measured at batch 1: gpt-fast int8 Llama-2-70B on A100 1,323 GB/s
 * (65 % of datasheet, vs ~70 % in bf16) → 0.9; int4 g32 Llama-2-7B 863 GB/s (42 %) and torchao
 * int4 Llama-3.1-8B on H100 1,019 GB/s (30 %), llama.cpp q4_0 on M2 Ultra 66 % → 0.6 for 4-bit.
 * When the math itself runs in the low precision (W8A8 fp8/int8) nothing is dequantized: 1.
 */
export function quantKernelBandwidthShare(pc: PrecisionConfig, math: Precision): number {
  if (pc.weights === math || pc.weights === "fp32" || pc.weights === "bf16" || pc.weights === "fp16") return 1;
  return pc.weights === "int8" || pc.weights === "fp8" ? 0.9 : 0.6;
}

/**
 * Fixed cost per kernel (launch, ramp-up and tail of a small kernel): GPUs 3 µs (aiconfigurator
 * adds ~3 µs per kernel), XLA on TPU fuses harder, 1 µs. About 10 kernels per layer in decode
 * (2 norms, QKV, RoPE, attention, O, gate/up, activation, down, residual); MoE layers add 4
 * (router, top-k, gather, scatter). Checked against batch-1 decode: Llama-3.1-8B on H100 at
 * 126.9 tok/s (torchao) is 4.5 ms of weights at datasheet rate plus ~3 ms of fixed cost.
 */
export function kernelOverheadS(hw: HardwareSpec): number {
  return hw.topology === "torus" ? 1e-6 : 3e-6;
}
export const KERNELS_PER_LAYER = 10;
export const EXTRA_KERNELS_PER_MOE_LAYER = 4;

/**
 * Collective latency: a base cost per collective plus a cost per ring step. NVLink/NVSwitch
 * (NCCL, LL protocol): 3 µs + 0.8 µs per step, so an all-reduce over 2 GPUs costs ~6 µs and over
 * 8 GPUs ~17 µs (kipply's 8 µs per message on A100; nccl-tests small-message latency). TPU ICI
 * under XLA: 3 µs + 5 µs per hop; with Pope et al.'s 2D layout that is ~170 µs per layer on 64
 * chips, which is what separates PaLM 540B's measured 28.5/36.9 ms per token (int8/bf16, batch 64)
 * from its 7.2/14.3 ms weight-streaming floor (Pope et al. 2022, §4.4; the int8–bf16 gap equals the
 * weight-load gap, so the rest is a fixed additive cost), and PaLM 62B's 11.4 ms on 16 chips.
 */
export function collectiveLatency(hw: HardwareSpec): { baseS: number; perStepS: number } {
  return hw.topology === "torus" ? { baseS: 3e-6, perStepS: 5e-6 } : { baseS: 3e-6, perStepS: 0.8e-6 };
}

/**
 * Runtime reserve subtracted from capacity in realistic mode: CUDA context, NCCL buffers and
 * allocator slack, ~3.5 GiB per GPU (aiconfigurator reserves this much); TPUs and Apple: 1 GiB.
 */
export function runtimeReserveBytes(hw: HardwareSpec, mode: Mode): number {
  if (mode === "ideal") return 0;
  const gib = 2 ** 30;
  return Math.min(hw.topology === "torus" || hw.name.toLowerCase().includes("apple") ? 1 * gib : 3.5 * gib, 0.25 * hw.memoryBytes);
}

/**
 * GPU serving engines prefill in chunks of at most this many tokens (vLLM max_num_batched_tokens
 * and TensorRT-LLM max_num_tokens both default to 8,192), which bounds the transient activations
 * and re-reads the weights once per chunk. Pope et al.'s TPU system runs the whole batch in one
 * pass (a 512 × 2,048-token prefill, Table 2), so TPUs are not chunked.
 */
export function prefillChunkTokens(hw: HardwareSpec): number {
  return hw.topology === "torus" ? Infinity : 8192;
}
