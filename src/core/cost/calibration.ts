/**
 * Realistic-mode defaults. Each is a fraction of a datasheet roof or a fixed cost, justified by a
 * public measurement. Ideal mode ignores all of them (efficiencies 1, no overheads, no reserve).
 */
import type { EngineProfile } from "../engines";
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
 * NCCL all-reduce bus bandwidth is typically ~80 % of the per-direction link rate
 * (hardware.md pitfall 5; nccl-tests PERFORMANCE.md). Used for every collective.
 */
export const NETWORK_EFFICIENCY = 0.8;

/**
 * The share of the weight-streaming rate the engine's weight-only low-bit kernels reach
 * (`EngineProfile.lowBitShare`, each engine's measurement in engines.ts). When the math itself runs
 * in the low precision (W8A8 fp8/int8) nothing is dequantized: 1.
 */
export function quantKernelBandwidthShare(pc: PrecisionConfig, math: Precision, engine: EngineProfile): number {
  if (pc.weights === math || pc.weights === "fp32" || pc.weights === "bf16" || pc.weights === "fp16") return 1;
  return pc.weights === "int8" || pc.weights === "fp8" ? engine.lowBitShare.int8 : engine.lowBitShare.int4;
}

/**
 * Collective latency where the hardware preset gives none: a base cost per collective plus a cost
 * per ring step. NVLink/NVSwitch (NCCL, LL protocol): 3 µs + 0.8 µs per step, so an all-reduce
 * over 2 GPUs costs ~6 µs and over 8 GPUs ~17 µs (kipply's 8 µs per message on A100; nccl-tests
 * small-message latency). TPU presets carry their own (ICI hops, hardware/presets.ts).
 */
export const SWITCH_COLLECTIVE_LATENCY = { baseS: 3e-6, perStepS: 0.8e-6 };

/** Runtime reserve subtracted from capacity in realistic mode: the engine's, at most a quarter of the chip (bytes). */
export function runtimeReserveBytes(engine: EngineProfile, hw: HardwareSpec, mode: Mode): number {
  if (mode === "ideal") return 0;
  return Math.min(engine.runtimeReserveGiB * 2 ** 30, 0.25 * hw.memoryBytes);
}
