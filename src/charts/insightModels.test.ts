import { describe, expect, it } from "vitest";
import { attentionModel } from "./attentionModel";
import { decades } from "./axes";
import { capacityModel } from "./capacityModel";
import { frontierModel } from "./frontierModel";
import { rooflineModel } from "./rooflineModel";
import { siTick } from "../core/format";
import type { RooflinePoint, AttentionFigures, FrontierPoint } from "../core";
import type { ContextSweep } from "../core/curves";

const pt = (id: RooflinePoint["id"], intensity: number, attainable: number): RooflinePoint => ({
  id,
  phase: id.startsWith("prefill") ? "prefill" : "decode",
  label: id,
  intensity,
  attainable,
});

describe("decades", () => {
  it("should snap a range outwards to powers of ten", () => {
    expect(decades(3, 250)).toEqual({ domain: [1, 1000], ticks: [1, 10, 100, 1000] });
  });
  it("should survive zero and non-finite input", () => {
    expect(decades(0, NaN).domain).toEqual([1, 10]);
  });
});

describe("siTick", () => {
  it("should write SI prefixes", () => {
    expect(siTick(1e12)).toBe("1T");
    expect(siTick(2500)).toBe("2.5k");
    expect(siTick(0.1)).toBe("0.1");
    expect(siTick(NaN)).toBe("");
  });
});

describe("rooflineModel", () => {
  // H100-like: 1e15 FLOP/s, 3.35e12 B/s → ridge 298.5 FLOP/byte.
  const m = rooflineModel({
    points: [pt("decode", 1, 3.35e12), pt("prefill", 1000, 1e15), pt("decode-ffn", 1, 3.35e12)],
    peakFlops: 1e15,
    memoryBandwidth: 3.35e12,
    ridge: 298.5,
    batch: 1,
    decodeBound: "memory",
    prefillBound: "compute",
  })!;
  it("should draw the memory roof up to the ridge and the compute roof flat after it", () => {
    expect(m.roof[1]).toEqual({ x: 298.5, y: 1000 });
    expect(m.roof[2]!.y).toBe(1000);
    expect(m.roof[0]!.y).toBeCloseTo((m.xDomain[0] * 3.35e12) / 1e12);
  });
  it("should put decode in its own colour series and say it is memory-bound", () => {
    expect(m.series.map((s) => s.key)).toEqual(["prefill-phase", "decode-phase", "decode-ffn"]);
    expect(m.ariaLabel).toContain("memory-bound");
  });
  it("should put each phase's achieved FLOP/s below its point on the roof", () => {
    const withAchieved = rooflineModel({
      points: [{ ...pt("decode", 1, 3.35e12), achieved: 1.675e12 }, pt("decode-ffn", 1, 3.35e12)],
      peakFlops: 1e15,
      memoryBandwidth: 3.35e12,
      ridge: 298.5,
      batch: 1,
      decodeBound: "memory",
      prefillBound: "compute",
    })!;
    // 1.675 TFLOP/s achieved under a 3.35 TFLOP/s roof at intensity 1: half of it
    expect(withAchieved.achieved).toEqual([expect.objectContaining({ id: "decode", x: 1, y: 1.675, roofY: 3.35 })]);
    expect(withAchieved.achieved[0]!.label).toContain("50% of its roof");
    expect(withAchieved.yDomain[0]).toBeLessThanOrEqual(1.675);
    expect(m.achieved).toEqual([]);
  });
  it("should return null without a peak", () => {
    expect(rooflineModel({ points: [], peakFlops: 0, memoryBandwidth: 1, ridge: 1, batch: 1, decodeBound: "memory", prefillBound: "memory" })).toBeNull();
  });
});

const fig: AttentionFigures = {
  prefillAttentionFlops: 1,
  prefillOtherFlops: 3,
  decodeAttentionFlops: 1,
  decodeOtherFlops: 1,
  scoreMatrixBytesPerLayer: 10,
  scoreMatrixTrafficBytes: 40,
  kvBytesPerToken: { mha: 8, gqa: 2, mqa: 1, mla: 0 },
  gqaKvHeads: 2,
  prefillCrossoverTokens: 2000,
};
const zero = { weightLoad: 0, kvRead: 0, matmulCompute: 0, attentionCompute: 0, communication: 0, overhead: 0 };
const sweep: ContextSweep = {
  promptTokens: 100,
  meanDecodeContext: 100,
  maxContextTokens: 1e6,
  points: [10, 100, 1000].map((c) => ({
    context: c,
    prefill: zero,
    prefillS: 1,
    decode: zero,
    decodeStepS: 1,
    fits: true,
    attention: { prefillAttentionFlops: c * c, prefillOtherFlops: 1000 * c, decodeAttentionFlops: c, decodeOtherFlops: 1000, decodeKvBytes: c, decodeWeightBytes: 1e3, scoreMatrixTrafficBytes: 0 },
    memory: { weights: 1e9, kvCache: c * 1e6, activations: 0, reserve: 0 },
  })),
};

describe("attentionModel", () => {
  const m = attentionModel(sweep, fig, { decodeCrossover: 1000, attention: "gqa", prompt: 100, dModel: 4096 })!;
  it("should state the crossover and attention's share in one sentence", () => {
    expect(m.sentence).toContain("d_model 4,096");
    expect(m.sentence).toContain("2,000 tokens");
    expect(m.sentence).toContain("25% of prefill FLOPs");
  });
  it("should break the line where a value is zero (log axis)", () => {
    expect(m.rows[0]!.scoreTraffic).toBeNull();
  });
  it("should scale KV variants to the largest and mark the model's own", () => {
    expect(m.kv.map((k) => k.fraction)).toEqual([1, 0.25, 0.125, 0]);
    expect(m.kv.find((k) => k.current)?.key).toBe("gqa");
    expect(m.kv.find((k) => k.key === "gqa")?.label).toBe("GQA (2 KV heads)");
  });
});

describe("capacityModel", () => {
  it("should give GB per chip and one feasible column per chip count", () => {
    const m = capacityModel({
      byBatch: [1, 2].map((b) => ({ batch: b, memory: { weights: 2e9, kvCache: b * 1e9, activations: 0, reserve: 0 }, fits: true })),
      sweep,
      feasible: [
        { chips: 1, points: [{ context: 10, maxBatch: 50 }, { context: 100, maxBatch: 0 }] },
        { chips: 2, points: [{ context: 10, maxBatch: 120 }, { context: 100, maxBatch: 9 }] },
      ],
      capacityBytes: 80e9,
      batch: 1,
      context: 100,
      chips: 2,
    })!;
    expect(m.byBatch[1]).toMatchObject({ x: 2, weights: 2, kvCache: 2 });
    expect(m.capacityGB).toBe(80);
    expect(m.feasible[1]).toEqual({ context: 100, c1: null, c2: 9 });
    expect(m.chipCounts.find((c) => c.current)?.chips).toBe(2);
    expect(m.feasibleNote).toBeNull();
  });

  it("should say why the feasible region is empty when nothing fits on any chip count", () => {
    const m = capacityModel({
      byBatch: [1, 2].map((b) => ({ batch: b, memory: { weights: 810e9, kvCache: b * 1e9, activations: 0, reserve: 0 }, fits: false })),
      sweep,
      feasible: [1, 2, 4, 8].map((chips) => ({ chips, points: [{ context: 10, maxBatch: 0 }, { context: 100, maxBatch: 0 }] })),
      capacityBytes: 80e9,
      batch: 1,
      context: 100,
      chips: 1,
    })!;
    expect(m.feasibleNote).toContain("up to 8 chips");
    expect(m.ariaLabel).toContain("Not even one sequence fits");
  });
});

describe("frontierModel", () => {
  const p = (chips: number, batch: number, t: number, cost: number, pareto: boolean, fits = true): FrontierPoint => ({ chips, batch, weights: "bf16", timePerTokenS: t, cost, fits, pareto });
  it("should keep points that fit, in ms, and order the frontier by time", () => {
    const m = frontierModel([p(8, 1, 0.002, 10, true), p(1, 64, 0.02, 1, true), p(1, 1, 0.01, 20, false), p(1, 4096, 1, 0.1, false, false)], {
      chips: 1,
      batch: 1,
      weights: "bf16",
      hasPrice: true,
    })!;
    expect(m.dots).toHaveLength(3);
    expect(m.pareto.map((d) => d.x)).toEqual([2, 20]);
    expect(m.current?.x).toBe(10);
    expect(m.costUnit).toBe("USD per 1M output tokens");
  });
  it("should keep the star at a batch off the sweep grid, placed by the scenario's own report and inside the axes", () => {
    const pts = [p(8, 1, 0.002, 10, true), p(1, 64, 0.02, 1, true)];
    const m = frontierModel(pts, { chips: 3, batch: 300, weights: "bf16", hasPrice: true, timePerTokenS: 0.5, cost: 0.05 })!;
    expect(m.current).toMatchObject({ x: 500, y: 0.05, chips: 3, batch: 300 });
    expect(m.xDomain[1]).toBeGreaterThanOrEqual(500);
    expect(m.yDomain[0]).toBeLessThanOrEqual(0.05);
    expect(frontierModel(pts, { chips: 3, batch: 300, weights: "bf16", hasPrice: true })!.current).toBeNull();
  });
});
