import { describe, expect, it } from "vitest";
import { resolveScenario } from "../scenario";
import { kvTransfer, simulateDisaggregated, transferOf, type KvTransfer, type PoolPlan } from "./disagg";
import type { IterationShape, ServingSpec } from "./simulate";

/** A hand-checkable step: 10 ms per iteration plus 0.1 ms per token (decode or prefill). */
const linear = (shape: IterationShape) => 0.01 + 1e-4 * (shape.decodeSeqs + shape.prefillTokens);
const pool = (role: PoolPlan["role"], replicas = 1): PoolPlan => ({ role, replicas, costPerHour: null, plan: { kvCapacityTokens: 1e6, step: linear, window: Infinity } } as unknown as PoolPlan);

function spec(over: Partial<ServingSpec> = {}): ServingSpec {
  return {
    requestRate: 0.01,
    arrival: "uniform",
    burstiness: 1,
    requests: 20,
    seed: 1,
    promptTokens: { dist: "fixed", mean: 1000 },
    outputTokens: { dist: "fixed", mean: 20 },
    replicas: 1,
    scheduler: { maxSequences: 256, maxBatchedTokens: 8192, chunkedPrefill: true },
    ...over,
  };
}

const scenario = (mode: "ideal" | "realistic", chips = 4) => {
  const { scenario: s, issues } = resolveScenario({ model: { preset: "llama-3.1-70b" }, hardware: { preset: "h100-sxm", chips }, mode, precision: { weights: "bf16", kvCache: "bf16", activations: "bf16" } });
  expect(issues).toEqual([]);
  return s!;
};

describe("disaggregated prefill and decode (issue 17)", () => {
  it("moves one request's KV cache in the hand-worked time: Llama-3.1-70B, 2,048 tokens, 4 + 4 H100s", () => {
    // 2 (K and V) × 8 KV heads × 128 dims × 2 bytes (bf16) = 4,096 bytes per token per layer; × 80 layers = 327,680
    const ideal = kvTransfer(scenario("ideal"), scenario("ideal"), false);
    expect(ideal.bytesPerToken).toBe(327_680);
    // 4 chips each side, each with its own 400 Gb/s NIC = 50 GB/s one way: 200 GB/s
    expect(ideal.bytesPerS).toBe(200e9);
    const x = transferOf(ideal, 2048, 0.2);
    expect(x.bytes).toBe(671_088_640); // 640 MiB
    expect(x.seconds).toBeCloseTo(3.3554432e-3, 12);
    expect(x.exposedS).toBe(x.seconds); // monolithic: all of it after the prefill
    // realistic mode: the network at 0.8 of its line rate → 4.194304 ms
    const real = kvTransfer(scenario("realistic"), scenario("realistic"), true);
    const y = transferOf(real, 2048, 0.2);
    expect(y.seconds).toBeCloseTo(4.194304e-3, 12);
    // layer by layer behind a 200 ms prefill: only the last layer's share shows, 4.194304 ms ÷ 80
    expect(y.exposedS).toBeCloseTo(4.194304e-3 / 80, 12);
    // the narrower side sets the links: 2 prefill chips to 8 decode chips = 2 links
    expect(kvTransfer(scenario("ideal", 2), scenario("ideal", 8), false).bytesPerS).toBe(100e9);
  });

  it("TTFT = prefill + transfer; TPOT from the decode pool alone: hand-worked literals on a linear step", () => {
    // one request alone: prefill 10 ms + 1,000 × 0.1 ms = 110 ms; 1,000 tokens × 1,000 bytes ÷ 10 MB/s = 100 ms
    const t: KvTransfer = { bytesPerToken: 1000, bytesPerS: 1e7, links: 1, linkBytesPerS: 1e7, networkEfficiency: 1, layers: 10, layerwise: false };
    const d = simulateDisaggregated(spec(), pool("prefill"), pool("decode"), t);
    const m = d.merged;
    expect(m.firstToken[0]! - m.arrival[0]!).toBeCloseTo(0.21, 12);
    expect(d.transferS[0]).toBeCloseTo(0.1, 12);
    // 19 decode steps of 10 ms + 0.1 ms each, no prefill beside them
    expect((m.completion[0]! - m.firstToken[0]!) / 19).toBeCloseTo(0.0101, 12);
    expect(m.completion[0]! - m.arrival[0]!).toBeCloseTo(0.21 + 19 * 0.0101, 12);
    // layer by layer over 10 layers: max(100 ms ÷ 10, 100 ms − 110 ms × 9/10) = 10 ms exposed
    const lw = simulateDisaggregated(spec(), pool("prefill"), pool("decode"), { ...t, layerwise: true });
    expect(lw.merged.firstToken[0]! - lw.merged.arrival[0]!).toBeCloseTo(0.12, 12);
    // iterations of both pools are logged, decode replicas after the prefill ones
    expect(new Set(m.iterations.replica)).toEqual(new Set([0, 1]));
  });

  it("keeps decode steps free of prefill: under load its TPOT beats a co-located replica's at the same rate", () => {
    const t: KvTransfer = { bytesPerToken: 1, bytesPerS: 1e12, links: 1, linkBytesPerS: 1e12, networkEfficiency: 1, layers: 10, layerwise: false };
    const busy = spec({ requestRate: 4, arrival: "poisson", requests: 300, promptTokens: { dist: "fixed", mean: 4000 } });
    const d = simulateDisaggregated(busy, pool("prefill"), pool("decode"), t).merged;
    const tpot = (i: number) => (d.completion[i]! - d.firstToken[i]!) / 19;
    let worst = 0;
    for (let i = d.warmup; i < d.n; i++) worst = Math.max(worst, tpot(i));
    // a decode step of the pool: 10 ms + 0.1 ms per running sequence; never a 4,000-token prefill (410 ms) inside
    expect(worst).toBeLessThan(0.05);
  });
});
