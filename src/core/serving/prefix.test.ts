import { describe, expect, it } from "vitest";
import { servingReport } from "./report";
import { cachedTokens, simulate, type IterationShape, type ReplicaModel, type ServingSpec } from "./simulate";

/** A hand-checkable step: 10 ms per iteration plus 0.1 ms per token (decode or prefill). */
const linear = (shape: IterationShape) => 0.01 + 1e-4 * (shape.decodeSeqs + shape.prefillTokens);

/** One request every 100 s (each alone on the replica): 1,000-token prompts, 20 output tokens. */
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

describe("prefix caching (issue 17)", () => {
  it("a 100 % hit rate leaves only the uncached suffix to prefill: hand-worked literals", () => {
    const shapes: IterationShape[] = [];
    const model: ReplicaModel = { kvCapacityTokens: 1e6, window: Infinity, step: (s) => (shapes.push({ ...s }), linear(s)) };
    const tr = simulate(spec({ prefixCache: { hitRate: 1, sharedPrefixTokens: 800 } }), model);
    // first iteration: the 200-token suffix, reading the 800 cached keys
    expect(shapes[0]).toMatchObject({ prefillTokens: 200, prefillPriorKeys: 800, prefillPairs: (1000 ** 2 - 800 ** 2) / 2, decodeSeqs: 0 });
    expect(shapes[0]!.prefillPairs).toBe(180_000);
    // TTFT = 10 ms + 200 × 0.1 ms = 30 ms (uncached: 10 ms + 1,000 × 0.1 ms = 110 ms)
    expect(tr.firstToken[0]! - tr.arrival[0]!).toBeCloseTo(0.03, 12);
    const plain = simulate(spec(), { kvCapacityTokens: 1e6, window: Infinity, step: linear });
    expect(plain.firstToken[0]! - plain.arrival[0]!).toBeCloseTo(0.11, 12);
    // decode still attends to the prefix: first decode step reads 200 own + 800 cached + itself = 1,001 keys
    expect(shapes[1]).toMatchObject({ decodeSeqs: 1, decodeKeys: 1001, prefillTokens: 0 });
    // the prefix occupies the cache once: 800 pinned + 200 own + 19 decode tokens = 1,019 at the last step
    expect(tr.pinnedKvTokens).toBe(800);
    expect(Math.max(...tr.iterations.kvUsed)).toBe(1019);
    expect(tr.iterations.kvUsed[0]).toBe(1000); // 800 pinned + the 200-token suffix reserved
  });

  it("a hit rate h is an exact, evenly spread share of requests; a prefix as long as the prompt still prefills one token", () => {
    const pc = { hitRate: 0.25, sharedPrefixTokens: 500 };
    let hits = 0;
    for (let i = 0; i < 200; i++) hits += cachedTokens(i, 1000, pc) > 0 ? 1 : 0;
    expect(hits).toBe(50);
    expect(cachedTokens(0, 300, { hitRate: 1, sharedPrefixTokens: 500 })).toBe(299);
    expect(cachedTokens(0, 300, undefined)).toBe(0);
  });

  it("a miss holds its whole prompt beside the pinned prefix, so a small cache holds fewer requests", () => {
    // 2,000 KV tokens: the 800-token prefix leaves 1,200; a miss needs 1,020, a hit 220
    const model: ReplicaModel = { kvCapacityTokens: 2000, window: Infinity, step: linear };
    expect(simulate(spec({ prefixCache: { hitRate: 0, sharedPrefixTokens: 800 } }), model).pinnedKvTokens).toBe(0);
    const tr = simulate(spec({ requestRate: 1000, requests: 10, prefixCache: { hitRate: 0.5, sharedPrefixTokens: 800 } }), model);
    expect(tr.rejected.reduce((a, b) => a + b, 0)).toBe(0);
    expect(Math.max(...tr.iterations.kvUsed)).toBeLessThanOrEqual(2000);
    expect(Math.max(...tr.iterations.running)).toBeLessThanOrEqual(5); // 800 + at most one miss (1,000) + hits of 200 each
  });

  it("the report says how much was cached, and a higher hit rate raises capacity and lowers TTFT", () => {
    const model: ReplicaModel = { kvCapacityTokens: 1e6, window: Infinity, step: linear };
    const busy = { requestRate: 5, arrival: "poisson" as const, requests: 400, slo: { ttftS: 0.5, tpotS: 0.05, percentile: 90 } };
    const off = servingReport(spec(busy), model, { chips: 1, pricePerHour: 2 });
    const on = servingReport(spec({ ...busy, prefixCache: { hitRate: 0.8, sharedPrefixTokens: 800 } }), model, { chips: 1, pricePerHour: 2 });
    expect(off.prefixCache).toBeNull();
    expect(on.prefixCache!.hitShare).toBeCloseTo(0.8, 2);
    expect(on.prefixCache!.cachedTokenShare).toBeCloseTo(0.64, 2); // 0.8 × 800 / 1,000
    expect(on.prefixCache!.pinnedKvTokens).toBe(800);
    expect(on.capacityRequestsPerS).toBeGreaterThan(off.capacityRequestsPerS);
    expect(on.ttftS!.p50).toBeLessThan(off.ttftS!.p50);
  });
});

describe("what a hit rate is worth (the page's with/without table)", () => {
  it("prices a rate as cost per hour ÷ 3600 ÷ (rate × mean output tokens) × 10⁶: hand-worked", async () => {
    const { worthOf } = await import("./view");
    const model: ReplicaModel = { kvCapacityTokens: 1e6, window: Infinity, step: linear };
    const r = servingReport(spec({ requestRate: 2, arrival: "poisson", requests: 200, slo: { ttftS: 0.5, tpotS: 0.05, percentile: 90 } }), model, { chips: 1, pricePerHour: 3.6 });
    const w = worthOf(r, 3.6);
    // $3.6/h = $0.001/s; 20 output tokens per request: at capacity C req/s, 0.001 ÷ (20 C) × 10⁶ = 50 ÷ C dollars
    expect(w.costPerMillionAtCapacity).toBeCloseTo(50 / r.capacityRequestsPerS, 9);
    expect(w.costPerMillionAtSloRate).toBeCloseTo(50 / r.maxRateAtSlo!, 9);
    expect(w.ttftP50S).toBe(r.ttftS!.p50);
    expect(worthOf(r, null).costPerMillionAtCapacity).toBeNull();
  });
});
