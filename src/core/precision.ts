/**
 * Number formats: storage bytes and which math rate a matmul runs at.
 */
import type { HardwareSpec, Precision, PrecisionConfig } from "./types";

/** Storage size of one element in bytes: fp32 4, bf16/fp16 2, fp8/int8 1, int4/fp4 0.5. */
export function bytesPerElement(p: Precision): number {
  switch (p) {
    case "fp32":
      return 4;
    case "bf16":
    case "fp16":
      return 2;
    case "fp8":
    case "int8":
      return 1;
    case "int4":
    case "fp4":
      return 0.5;
  }
}

/**
 * Default effective bits per stored weight, scales included, when `weightBits` is not given.
 * 4-bit formats carry group scales: int4 with one fp16 scale per 128 weights is 4 + 16/128 =
 * 4.125 bits (GPTQ/AWQ group-128); fp4 is taken as MXFP4, one 8-bit scale per 32 = 4.25 bits
 * (OCP Microscaling spec; gpt-oss ships in it). 8-bit and wider: per-channel scales, negligible.
 */
export function defaultWeightBits(p: Precision): number {
  if (p === "int4") return 4.125;
  if (p === "fp4") return 4.25;
  return bytesPerElement(p) * 8;
}

/** Bytes per stored weight: weightBits / 8 (effective bits, scales included). */
export function weightBytesPerParam(pc: PrecisionConfig): number {
  return (pc.weightBits ?? defaultWeightBits(pc.weights)) / 8;
}

/**
 * The precision a matmul runs in: the activation precision, unless the weights are wider (then
 * the weights' precision). int8 weights × bf16 activations compute in bf16 (weight-only
 * quantization dequantizes first); fp8 × fp8 uses the fp8 rate (CONTRACT.md, precision block).
 */
export function mathPrecision(pc: PrecisionConfig): Precision {
  return bytesPerElement(pc.weights) > bytesPerElement(pc.activations) ? pc.weights : pc.activations;
}

/** Next wider format a chip without `p` falls back to (CONTRACT.md: "runs at the next wider one it has"). */
const WIDER: Record<Precision, Precision | null> = {
  fp4: "fp8",
  int4: "int8",
  fp8: "bf16",
  int8: "bf16",
  fp16: "bf16",
  bf16: "fp32",
  fp32: null,
};

/**
 * Dense peak FLOP/s of one chip for math in `p`, falling back to the next wider format it has;
 * a missing bf16/fp16 takes the other's value. FP32 without a figure runs at half the bf16 rate
 * (TF32-class tensor math: A100 156 vs 312 TFLOP/s). Returns the rate and the format used.
 */
export function peakFor(hw: HardwareSpec, p: Precision): { flops: number; used: Precision } {
  let q: Precision | null = p;
  while (q) {
    const v = hw.peakFlops[q] ?? (q === "bf16" ? hw.peakFlops.fp16 : q === "fp16" ? hw.peakFlops.bf16 : undefined);
    if (v !== undefined && v > 0) return { flops: v, used: q };
    q = WIDER[q];
  }
  const half = hw.peakFlops.bf16 ?? hw.peakFlops.fp16;
  if (half) return { flops: half / 2, used: "fp32" };
  // No figure at all: take the widest-to-narrowest first positive value.
  const any = Object.values(hw.peakFlops).find((v) => v !== undefined && v > 0);
  return { flops: any ?? 1, used: p };
}
