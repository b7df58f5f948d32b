import { describe, expect, it } from "vitest";
import { logSpace, nearestReference, resolveScenario, runReference, sweep, sweepSelect, type ReferenceCase } from "../index";
import { weightBytesPerParam } from "../precision";
import { ENGINE_PROFILES, engineOf } from "../engines";
import { findHardwarePreset } from "../hardware/presets";
import { quantKernelBandwidthShare, runtimeReserveBytes, SWITCH_COLLECTIVE_LATENCY } from "./calibration";
import { kvBytesPerSequence, modelCosts, prefillAttentionFlops } from "./model";
import { attentionAllToAll, commPlan, makeNet, type LayerWidths } from "./partition";
import type { HardwareSpec } from "../types";

const tpu64: HardwareSpec = { name: "TPU v4 ×64", chips: 64, memoryBytes: 1, memoryBandwidth: 1.2e12, peakFlops: { bf16: 275e12 }, interconnectBandwidth: 270e9, topology: "torus" };
const h100: HardwareSpec = { name: "H100", chips: 1, memoryBytes: 80 * 2 ** 30, memoryBandwidth: 3.35e12, peakFlops: { bf16: 989e12 }, interconnectBandwidth: 450e9, topology: "switch" };

describe("partitioning (Pope et al. §3.2 worked example: PaLM 540B decode, batch 512, 64 chips)", () => {
  // Two-matrix FFN with F = 4E as in the paper's formulas; bf16 activations.
  const w: LayerWidths = { dModel: 18432, inWidth: 73728, outWidth: 73728, attnQkv: 0, attnOut: 0, weightBytes: 0, collectivesPerSide: 1 };
  const net = makeNet(tpu64, "ideal", undefined);
  it("should cost 2·B·E·b·(n−1)/n / bw per layer in 1D weight-stationary (paper 139.8 µs without (n−1)/n)", () => {
    // 2 · 512 · 18,432 · 2 B · 63/64 / 270e9 = 137.63 µs
    expect(commPlan("1d-weight-stationary", w, 512, 1, 2, net).timeS).toBeCloseTo(137.63e-6, 8);
  });
  it("should cost 2·B·(E/X·(YZ−1)/YZ + F/YZ·(X−1)/X)·b / bw in 2D with X = 4, YZ = 16 (paper 69.9 µs without the factors)", () => {
    // E side 2 · 512 · 2 B · 4,608 · 15/16 = 8,847,360 B; F side 2 · 512 · 2 B · 4,608 · 3/4 = 7,077,888 B → 15,925,248 B / 270e9 = 58.98 µs
    const p = commPlan("2d-weight-stationary", w, 512, 1, 2, net);
    expect(p.detail).toBe("x = 4, yz = 16");
    expect(p.timeS).toBeCloseTo(58.982e-6, 8);
  });
  it("should move tokens·(qkv + out)·b·(n−1)/n / n bytes per all-to-all pair of batch-sharded attention", () => {
    const wa: LayerWidths = { ...w, attnQkv: 12800, attnOut: 12288 };
    // 512 · 2 B · 25,088 = 25,690,112; · 63/64 = 25,288,704; / 64 = 395,136 B per layer
    expect(attentionAllToAll(wa, 512, 1, 2, net).bytesPerChip).toBe(395_136);
  });
});

describe("model helpers with hand-worked numbers", () => {
  const s = resolveScenario({ model: { preset: "gemma-2-9b" }, mode: "ideal" }).scenario;
  const mc = modelCosts(s);
  it("should cap the windowed half of Gemma 2's layers at 4,096 tokens", () => {
    // 42 layers: 21 global + 21 local; 2 · 8 KV heads · 256 · 2 B = 8,192 B per token per layer
    expect(mc.kvBytesPerTokenLayer).toBe(8192);
    expect(kvBytesPerSequence(mc, 8192)).toBe(8192 * (21 * 8192 + 21 * 4096)); // 2,113,929,216
  });
  it("should count causal prefill attention FLOPs: perKey·S²/2 full, perKey·(W·S − W²/2) windowed", () => {
    // perKey = 4 · 16 heads · 256 = 16,384; S = 8,192, W = 4,096
    const full = (16384 * 8192 * 8192) / 2; // 549,755,813,888 per layer
    const win = 16384 * (4096 * 8192 - (4096 * 4096) / 2); // 412,316,860,416 per layer
    expect(prefillAttentionFlops(mc, 8192)).toBe(21 * full + 21 * win);
  });
});

describe("calibration constants as documented", () => {
  it("should give the stated fractions and costs", () => {
    expect(weightBytesPerParam({ weights: "int4", kvCache: "bf16", activations: "bf16" })).toBe(0.515625); // 4.125 bits
    expect(weightBytesPerParam({ weights: "int4", kvCache: "bf16", activations: "bf16", weightBits: 4.5 })).toBe(0.5625);
    const trt = ENGINE_PROFILES["tensorrt-llm"];
    const w4 = { weights: "int4", kvCache: "bf16", activations: "bf16" } as const;
    expect(quantKernelBandwidthShare(w4, "bf16", trt)).toBe(0.6);
    expect(quantKernelBandwidthShare({ ...w4, weights: "int8" }, "bf16", trt)).toBe(0.9);
    expect(quantKernelBandwidthShare({ weights: "fp8", kvCache: "fp8", activations: "fp8" }, "fp8", trt)).toBe(1);
    // per engine: Marlin (vLLM) near the 16-bit rate; llama.cpp's q4_0 on M2 Ultra 0.70 of datasheet / 0.8 ≈ 0.9; MLX as llama.cpp
    expect(["vllm", "llama.cpp", "mlx", "sglang"].map((e) => quantKernelBandwidthShare(w4, "bf16", ENGINE_PROFILES[e as "vllm"]))).toEqual([0.95, 0.9, 0.9, 0.6]);
    const xla = ENGINE_PROFILES.jetstream;
    expect(runtimeReserveBytes(trt, h100, "realistic")).toBe(3_758_096_384); // 3.5 GiB
    expect(runtimeReserveBytes(trt, h100, "ideal")).toBe(0);
    expect(runtimeReserveBytes(xla, { ...h100, memoryBytes: 2 * 2 ** 30 }, "realistic")).toBe(2 ** 29); // capped at a quarter of 2 GiB
    expect([trt.prefillChunkTokens, xla.prefillChunkTokens]).toEqual([8192, Infinity]);
    expect([trt.forwardPassShare, xla.forwardPassShare]).toEqual([0.75, 1]);
    expect([trt.kernelS, xla.kernelS]).toEqual([3e-6, 1e-6]);
    const v4 = findHardwarePreset("tpu-v4")!.spec;
    expect([h100.matmulRowsHalf ?? 0, v4.matmulRowsHalf]).toEqual([0, 64]);
    expect(v4.collectiveLatency).toEqual({ baseS: 3e-6, perStepS: 5e-6 });
    expect(SWITCH_COLLECTIVE_LATENCY).toEqual({ baseS: 3e-6, perStepS: 0.8e-6 });
  });
  it("should default the engine by the hardware's vendor and keep a named one", () => {
    const of = (hardware: { preset?: string }, engine?: "vllm") => engineOf({ hardware, engine });
    expect(of({ preset: "h100-sxm" })).toEqual({ engine: ENGINE_PROFILES["tensorrt-llm"], assumed: true });
    expect(of({ preset: "tpu-v5e" }).engine.id).toBe("jetstream");
    expect(of({ preset: "mi300x" }).engine.id).toBe("vllm");
    expect(of({ preset: "m2-ultra" }).engine.id).toBe("llama.cpp");
    expect(of({ preset: "gaudi2" }).engine.id).toBe("generic");
    expect(of({ preset: "h100-sxm" }, "vllm")).toEqual({ engine: ENGINE_PROFILES.vllm, assumed: false });
  });
});

describe("sweeps", () => {
  it("should space integer points evenly on a log axis", () => {
    expect(logSpace(1, 1000, 4)).toEqual([1, 10, 100, 1000]);
    expect(logSpace(1, 4, 10)).toEqual([1, 2, 3, 4]); // duplicates after rounding are dropped
  });
  it("should evaluate each value and keep what select picks", () => {
    const s = resolveScenario({ mode: "ideal" }).scenario;
    const pts = sweep(s, "batch", [1, 2]);
    expect(pts.map((p) => p.x)).toEqual([1, 2]);
    expect(pts[1]!.report.memory.kvCacheBytes).toBe(2 * pts[0]!.report.memory.kvCacheBytes);
    expect(sweepSelect(s, "chips", [1, 2], (r, x) => [x, r.memory.perChip.weights])).toEqual([
      [1, 16_060_522_496],
      [2, 8_030_261_248],
    ]);
  });
});

describe("reference cases (generic runner)", () => {
  const kvCase: ReferenceCase = {
    id: "inline-kv",
    source: "hand-made",
    kind: "analytic",
    tags: [],
    quantity: "KV bytes per token",
    scenario: { model: { preset: "llama-3.1-8b" }, mode: "ideal" },
    field: "memory.kvCacheBytesPerToken",
    expected: 131_072,
    unit: "bytes",
    tolerance_pct: 0.1,
  };
  it("should run a case and report its error", () => {
    expect(runReference(kvCase)).toEqual({ id: "inline-kv", group: "analytic", value: 131_072, errorPct: 0, pass: true });
    expect(runReference({ ...kvCase, expected: 100_000 }).errorPct).toBeCloseTo(31.072, 10);
    expect(runReference({ ...kvCase, transform: { name: "scale", factor: 2 }, expected: 262_144 }).pass).toBe(true);
  });
  it("should pick the measured case nearest in size, bandwidth, batch and chips", () => {
    const near = { ...kvCase, id: "near", kind: "measured" as const, scenario: { model: { preset: "llama-3.1-8b" }, hardware: { preset: "h100-sxm" } } };
    const far = { ...kvCase, id: "far", kind: "measured" as const, scenario: { model: { preset: "llama-3.1-405b" }, hardware: { preset: "tpu-v5e", chips: 64 } } };
    const s = resolveScenario({ model: { preset: "llama-3.1-8b" }, hardware: { preset: "h100-sxm" } }).scenario;
    const r = nearestReference(s, [far, near, kvCase]);
    expect(r?.case.id).toBe("near");
    expect(r?.distance).toBe(0);
    expect(r).toMatchObject({ sameFamily: true, sameChip: true, close: true });
  });

  it("should prefer the same model family or chip, and find none when neither is shared (issue 19)", () => {
    const palm = { ...kvCase, id: "palm", kind: "measured" as const, scenario: { model: { preset: "llama-3.1-70b" }, hardware: { preset: "tpu-v5e", chips: 8 } } };
    const mixtralTpu = { ...kvCase, id: "mixtral-tpu", kind: "measured" as const, scenario: { model: { preset: "mixtral-8x7b" }, hardware: { preset: "tpu-v5e", chips: 8 } } };
    const llamaA100 = { ...kvCase, id: "llama-a100", kind: "measured" as const, scenario: { model: { preset: "llama-3.1-8b" }, hardware: { preset: "a100-80gb" } } };
    const s = resolveScenario({ model: { preset: "llama-3.1-70b" }, hardware: { preset: "h100-sxm", chips: 8 } }).scenario;
    // a Llama on TPUs beats a Mixtral on TPUs; with both a Llama case and nothing on H100, the Llama one wins
    expect(nearestReference(s, [mixtralTpu, palm])?.case.id).toBe("palm");
    expect(nearestReference(s, [mixtralTpu, llamaA100])).toMatchObject({ case: { id: "llama-a100" }, sameFamily: true, sameChip: false });
    // nothing of this family or chip: no figure rather than an unrelated one
    expect(nearestReference(s, [mixtralTpu])).toBeNull();
  });
});
