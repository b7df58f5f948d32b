import { describe, expect, it } from "vitest";
import { decodeAtMeanContext, expectedExpertsHit, meanCappedContext, modelCosts, type ModelCosts } from "./model";
import { resolveScenario } from "../scenario";
import { expertAllToAll, makeNet, torusAxes } from "./partition";

describe("model helpers", () => {
  it("should give one modelCosts object per model, precision and sparsity (a sweep's points share them), and new ones when any changes", () => {
    const s = resolveScenario({ model: { preset: "llama-3.1-8b" } }).scenario;
    const a = modelCosts(s);
    expect(modelCosts({ ...s, workload: { ...s.workload, batch: 7 } })).toBe(a);
    const fp8 = modelCosts({ ...s, precision: { ...s.precision, weights: "fp8" } });
    expect(fp8).not.toBe(a);
    expect(fp8.weightsBytes).toBeCloseTo(a.weightsBytes / 2, -3);
    expect(modelCosts({ ...s, sparsity: { weights: "2:4" } }).weightsBytes).toBeLessThan(a.weightsBytes);
    expect(modelCosts({ ...s, model: { ...s.model, layers: 16 } }).weightsBytes).toBeLessThan(a.weightsBytes);
  });

  it("should count distinct experts hit: E·(1 − (1 − k/E)^tokens)", () => {
    expect(expectedExpertsHit(8, 2, 1)).toBeCloseTo(2, 12);
    expect(expectedExpertsHit(8, 2, 2)).toBeCloseTo(3.5, 12); // 8 · (1 − 0.75²)
    expect(expectedExpertsHit(8, 8, 1)).toBe(8);
  });

  it("should price one decode sequence at the mean context, windowed layers capped", () => {
    // 2 full layers at the mean context 40 + 21/2 = 50.5 keys, 1 windowed layer at its mean 47.75 keys:
    // 148.75 keys; × 4 FLOP per key = 595 FLOP; × 8 bytes per key = 1190 bytes.
    const mc = { fullLayers: 2, windowLayers: 1, window: 50, attnFlopsPerKey: 4, kvBytesPerTokenLayer: 8 } as ModelCosts;
    expect(decodeAtMeanContext(mc, 40, 20)).toEqual({ attnFlops: 595, kvBytes: 1190, meanContext: 50.5 });
  });

  it("should average min(T, W) over the decode steps exactly", () => {
    expect(meanCappedContext(1024, 256, Infinity)).toBe(1152.5); // 1024 + 257/2
    expect(meanCappedContext(100, 10, 50)).toBe(50);
    expect(meanCappedContext(40, 20, 50)).toBe(47.75); // (41+…+50 = 455, + 10·50) / 20
  });

  it("should lay chips out as a near-cubic torus (Pope et al.: 64 = 4×4×4)", () => {
    expect(torusAxes(64)).toEqual([4, 4, 4]);
    expect(torusAxes(8)).toEqual([2, 2, 2]);
    expect(torusAxes(16)).toEqual([2, 2, 4]);
    expect(torusAxes(1)).toEqual([1, 1, 1]);
  });

  it("should move tokens·k·d·b_a·(n−1)/n / n bytes per chip per all-to-all under expert parallelism", () => {
    const net = makeNet({ name: "8 GPUs", chips: 8, memoryBytes: 1, memoryBandwidth: 1, peakFlops: { bf16: 1 }, interconnectBandwidth: 4.5e11, topology: "switch" }, "ideal", undefined);
    // DeepSeek-V3 decode, batch 64, 8 routed + 1 shared expert, d = 7,168, fp8 activations:
    // 2 · 64 · 9 · 7,168 · 1 B · 7/8 / 8 = 903,168 B per MoE layer; × 58 MoE layers
    const r = expertAllToAll(64, 9, 7168, 1, 58, net);
    expect(r.bytesPerChip).toBe(52_383_744);
    expect(r.timeS).toBeCloseTo(52_383_744 / 4.5e11, 15);
    expect(r.latencyS).toBe(0); // ideal mode: no fixed latency
  });
});
