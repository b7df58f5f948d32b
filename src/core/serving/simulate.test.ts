import { describe, expect, it } from "vitest";
import { Random, seededUniform } from "./rng";
import { saturationRate, servingReport, summarizeTrace } from "./report";
import { cappedPairs, drawLength, simulate, type IterationShape, type ReplicaModel, type ServingSpec } from "./simulate";
import { nearestRank, percentile, select, summarize, summarizeWeighted } from "./stats";

/** A hand-checkable step: 10 ms per iteration plus 0.1 ms per token (decode or prefill). */
const linear = (shape: IterationShape) => 0.01 + 1e-4 * (shape.decodeSeqs + shape.prefillTokens);
const model = (over: Partial<ReplicaModel> = {}): ReplicaModel => ({ kvCapacityTokens: 1e6, step: linear, window: Infinity, ...over });

function spec(over: Partial<ServingSpec> = {}): ServingSpec {
  return {
    requestRate: 1,
    arrival: "poisson",
    burstiness: 1,
    requests: 200,
    seed: 1,
    promptTokens: { dist: "fixed", mean: 100 },
    outputTokens: { dist: "fixed", mean: 20 },
    replicas: 1,
    scheduler: { maxSequences: 256, maxBatchedTokens: 8192, chunkedPrefill: true },
    ...over,
  };
}

describe("random numbers", () => {
  it("are reproducible for a seed and differ between seeds", () => {
    const a = seededUniform(7);
    const b = seededUniform(7);
    const c = seededUniform(8);
    const xa = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xa);
    expect([c(), c(), c()]).not.toEqual(xa);
    for (const x of xa) expect(x >= 0 && x < 1).toBe(true);
  });

  it("draw exponential, log-normal and gamma with the asked mean and spread", () => {
    const r = new Random(3);
    const n = 200_000;
    const moments = (f: () => number) => {
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < n; i++) {
        const x = f();
        s += x;
        s2 += x * x;
      }
      const mean = s / n;
      return { mean, cv: Math.sqrt(s2 / n - mean * mean) / mean };
    };
    const e = moments(() => r.exponential(2));
    expect(e.mean).toBeCloseTo(2, 1);
    expect(e.cv).toBeCloseTo(1, 1);
    const l = moments(() => r.lognormal(1000, 0.8));
    expect(l.mean / 1000).toBeCloseTo(1, 1);
    expect(l.cv).toBeCloseTo(0.8, 1);
    for (const cv of [0.5, 1, 2]) {
      const g = moments(() => r.gamma(0.1, cv));
      expect(g.mean / 0.1).toBeCloseTo(1, 1);
      expect(g.cv).toBeCloseTo(cv, 1);
    }
  });

  it("round lengths to whole tokens and clip them", () => {
    const r = new Random(1);
    expect(drawLength({ dist: "fixed", mean: 99.6 }, r)).toBe(100);
    for (let i = 0; i < 1000; i++) {
      const u = drawLength({ dist: "uniform", min: 3, max: 5 }, r);
      expect([3, 4, 5]).toContain(u);
      const l = drawLength({ dist: "lognormal", mean: 100, cv: 3, min: 10, max: 200 }, r);
      expect(l >= 10 && l <= 200 && Number.isInteger(l)).toBe(true);
    }
  });
});

describe("order statistics", () => {
  it("take the nearest rank ⌈p·N/100⌉", () => {
    expect(nearestRank(90, 100)).toBe(90);
    expect(nearestRank(99, 10)).toBe(10);
    expect(nearestRank(50, 3)).toBe(2);
    const a = Float64Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1
    expect(percentile(a, 90)).toBe(90);
    expect(select(Float64Array.from([5, 1, 4, 2, 3]), 0)).toBe(1);
    expect(summarize(Float64Array.from([1, 2, 3, 4]))).toEqual({ mean: 2.5, p50: 2, p90: 4, p99: 4 });
  });

  it("weight runs of equal gaps", () => {
    // 9 gaps of 1 s and one of 10 s: p50 1, p90 1, p99 10, mean 1.9
    expect(summarizeWeighted(Float64Array.from([10, 1]), Float64Array.from([1, 9]))).toEqual({ mean: 1.9, p50: 1, p90: 1, p99: 10 });
  });

  it("count causal pairs with keys capped at the window, ∫ min(t, w) dt", () => {
    expect(cappedPairs(0, 4, Infinity)).toBe(8); // 4²/2
    expect(cappedPairs(0, 4, 2)).toBe(6); // 2²/2 + 2 × 2
    expect(cappedPairs(3, 5, 4)).toBe(7.5); // (16 − 9)/2 + 1 × 4
    expect(cappedPairs(1, 3, 10)).toBe(4); // (9 − 1)/2
    expect(cappedPairs(0, 3, Infinity) + cappedPairs(3, 8, Infinity)).toBe(cappedPairs(0, 8, Infinity)); // additive over chunks
  });
});

describe("serving simulator, exact limits", () => {
  it("one request at a time: TTFT is one prefill iteration, TPOT one decode iteration", () => {
    // Evenly spaced arrivals 100 s apart never overlap. Prefill of 100 tokens: 10 + 10 = 20 ms;
    // decode: 10 + 0.1 = 10.1 ms; e2e = 20 + 19 × 10.1 = 211.9 ms.
    const r = servingReport(spec({ arrival: "uniform", requestRate: 0.01 }), model(), { chips: 1, pricePerHour: 3.6 });
    expect(r.ttftS!.p99).toBeCloseTo(0.02, 12);
    expect(r.tpotS!.p50).toBeCloseTo(0.0101, 12);
    expect(r.itlS!.p99).toBeCloseTo(0.0101, 12);
    expect(r.e2eS!.mean).toBeCloseTo(0.2119, 9); // arrivals near 20,000 s leave ~1e-12 s of rounding
    expect(r.queueS!.p99).toBe(0);
    expect(r.meanRunningBatch).toBe(1);
    expect(r.saturated).toBe(false);
    // Cost counts idle time: one chip at $3.60/h is $0.001/s; one request (20 output tokens)
    // per 100 s is $0.10 per 20 tokens, $5,000 per 1M.
    expect(r.costPerMillionOutputTokens).toBeCloseTo(5000, 6);
  });

  it("chunked prefill splits a long prompt; unchunked it goes whole or is rejected", () => {
    const long = spec({ arrival: "uniform", requestRate: 0.01, requests: 20, promptTokens: { dist: "fixed", mean: 20_000 }, outputTokens: { dist: "fixed", mean: 2 } });
    // chunks of 8,192, 8,192, 3,616 tokens: 3 × 10 ms + 2 s of tokens
    const chunked = servingReport(long, model(), { chips: 1 });
    expect(chunked.ttftS!.p50).toBeCloseTo(0.03 + 2.0, 12);
    const whole = servingReport({ ...long, scheduler: { ...long.scheduler, chunkedPrefill: false } }, model(), { chips: 1 });
    expect(whole.rejected).toBe(20);
    expect(whole.ttftS).toBeNull();
  });

  it("with one sequence at a time and Poisson arrivals, the mean wait is M/D/1's λS²/(2(1 − λS))", () => {
    // S = 20 ms + 19 × 10.1 ms = 0.2119 s; λ = 2.36 /s gives ρ = λS ≈ 0.5 and W = S/2 ≈ 0.106 s
    const S = 0.2119;
    const lambda = 0.5 / S;
    const s = spec({ requestRate: lambda, requests: 40_000, scheduler: { maxSequences: 1, maxBatchedTokens: 8192, chunkedPrefill: true } });
    const r = summarizeTrace(simulate(s, model()), s, { chips: 1 });
    const md1 = (lambda * S * S) / (2 * (1 - lambda * S));
    expect(md1).toBeCloseTo(0.10595, 4);
    // 36,000 measured waits at ρ = 0.5: the standard error of their mean is about 2 %
    expect(Math.abs(r.summaries.queueS!.mean / md1 - 1)).toBeLessThan(0.05);
    expect(r.utilization).toBeGreaterThan(0.48);
    expect(r.utilization).toBeLessThan(0.52);
  }, 30_000); // 800,000 iterations: ~1 s alone, more on a busy 2-core machine

  it("above capacity says saturated, and the throughput is what the replica sustains", () => {
    const base = spec({ requests: 4000, outputTokens: { dist: "fixed", mean: 50 } });
    const cap = saturationRate(base, model());
    // Each request costs 149 tokens × 0.1 ms = 14.9 ms of token time (100 prefill + 49 decode),
    // plus its share of the 10 ms per iteration: 49 decode iterations shared by ≤ 256 sequences,
    // ≥ 1.9 ms. So at most 1 / (14.9 + 1.9) ms ≈ 59.5 requests/s.
    expect(cap).toBeGreaterThan(50);
    expect(cap).toBeLessThan(59.6);
    const over = servingReport({ ...base, requestRate: 3 * cap }, model(), { chips: 1 });
    expect(over.saturated).toBe(true);
    expect(Math.abs(over.requestsPerS / cap - 1)).toBeLessThan(0.1);
    const under = servingReport({ ...base, requestRate: 0.5 * cap }, model(), { chips: 1 });
    expect(under.saturated).toBe(false);
    expect(Math.abs(under.requestsPerS / (0.5 * cap) - 1)).toBeLessThan(0.1);
  });

  it("gives the same report for the same seed, bit for bit, and another for another seed", () => {
    const s = spec({ promptTokens: { dist: "lognormal", mean: 500, cv: 1, min: 1, max: 4000 }, outputTokens: { dist: "lognormal", mean: 100, cv: 1, min: 1, max: 1000 }, requestRate: 5 });
    const a = servingReport(s, model(), { chips: 1 });
    expect(servingReport(s, model(), { chips: 1 })).toEqual(a);
    expect(servingReport({ ...s, seed: 2 }, model(), { chips: 1 }).ttftS).not.toEqual(a.ttftS);
  });

  it("preempts and recomputes when the cache runs out, never holding more than it has", () => {
    // 2,000 tokens of cache; requests of 100 + 400 tokens arriving fast: at most 4 fit at once.
    const s = spec({ requestRate: 50, outputTokens: { dist: "fixed", mean: 400 } });
    const tr = simulate(s, model({ kvCapacityTokens: 2000 }));
    expect(tr.preemptions).toBeGreaterThan(0);
    for (let k = 0; k < tr.iterations.count; k++) expect(tr.iterations.kvUsed[k]).toBeLessThanOrEqual(2000);
    for (let i = 0; i < tr.n; i++) expect(tr.completion[i]).toBeGreaterThan(tr.arrival[i]!);
    const r = servingReport(s, model({ kvCapacityTokens: 2000 }), { chips: 1 });
    expect(r.peakKvOccupancy).toBeLessThanOrEqual(1);
    expect(r.preemptions).toBe(tr.preemptions);
  });

  it("rejects requests that can never fit in the cache", () => {
    const s = spec({ promptTokens: { dist: "uniform", min: 100, max: 3000 } });
    const r = servingReport(s, model({ kvCapacityTokens: 2000 }), { chips: 1 });
    expect(r.rejected).toBeGreaterThan(0);
    expect(r.rejected).toBeLessThan(200);
  });

  it("closed loop with one client: one request at a time, back to back", () => {
    const r = servingReport(spec({ requestRate: undefined, concurrency: 1 }), model(), { chips: 1 });
    expect(r.requestsPerS).toBeCloseTo(1 / 0.2119, 6);
    expect(r.utilization).toBeCloseTo(1, 9);
    expect(r.saturated).toBe(false);
    expect(r.maxRateAtSlo).toBeNull();
  });

  it("searches the largest rate and concurrency that meet the SLO", () => {
    const slo = { ttftS: 0.2, tpotS: 0.02, percentile: 90 };
    const open = servingReport(spec({ requests: 1000, slo }), model(), { chips: 1 });
    expect(open.maxRateAtSlo).toBeGreaterThan(0);
    expect(open.maxRateAtSlo!).toBeLessThanOrEqual(open.capacityRequestsPerS);
    // just below the answer the SLO holds; 5 % above it, it does not
    const at = (rate: number) => servingReport(spec({ requests: 1000, slo, requestRate: rate }), model(), { chips: 1 });
    const below = at(open.maxRateAtSlo! * 0.99);
    expect(below.ttftS!.p90 <= slo.ttftS && below.tpotS!.p90 <= slo.tpotS).toBe(true);
    const above = at(open.maxRateAtSlo! * 1.05);
    expect(above.ttftS!.p90 <= slo.ttftS && above.tpotS!.p90 <= slo.tpotS).toBe(false);
    const closed = servingReport(spec({ requests: 1000, slo, requestRate: undefined, concurrency: 4 }), model(), { chips: 1 });
    expect(closed.maxRateAtSlo).toBeNull();
    expect(closed.maxConcurrencyAtSlo).toBeGreaterThan(1);
  });

  it("balances replicas: two replicas at twice the rate see the latency of one at the rate", () => {
    const one = servingReport(spec({ requestRate: 20, requests: 2000, arrival: "uniform" }), model(), { chips: 1 });
    const two = servingReport(spec({ requestRate: 40, requests: 2000, arrival: "uniform", replicas: 2 }), model(), { chips: 1 });
    // Not exactly: ties go to the lowest index, so the split is not a strict alternation.
    expect(Math.abs(two.requestsPerS / one.requestsPerS / 2 - 1)).toBeLessThan(0.05);
    expect(Math.abs(two.ttftS!.p50 / one.ttftS!.p50 - 1)).toBeLessThan(0.15);
  });
});
