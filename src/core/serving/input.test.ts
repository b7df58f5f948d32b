import { describe, expect, it } from "vitest";
import { resolveServing, SERVING_DEFAULTS } from "./input";

const W = { promptTokens: 1024, outputTokens: 256 };
const issuesOf = (raw: unknown) => resolveServing(raw, W).issues;

describe("the serving block (CONTRACT.md, Serving)", () => {
  it("fills the contract's defaults around the load", () => {
    const { serving, issues } = resolveServing({ requestRate: 8 }, W);
    expect(issues).toEqual([]);
    expect(serving).toEqual({
      load: { kind: "rate", requestRate: 8 },
      arrival: "poisson",
      burstiness: null,
      requests: 2000,
      seed: 1,
      replicas: 1,
      scheduler: { maxSequences: 256, maxBatchedTokens: 8192, chunkedPrefill: true },
      slo: null,
      prefixCache: null,
      disaggregated: null,
      hostKv: null,
      promptTokens: { dist: "fixed", mean: 1024 },
      outputTokens: { dist: "fixed", mean: 256 },
    });
    expect(resolveServing({ concurrency: 32 }, W).serving).toMatchObject({ load: { kind: "concurrency", concurrency: 32 }, arrival: null });
    expect(resolveServing({ requestRate: 2, arrival: "gamma" }, W).serving?.burstiness).toBe(SERVING_DEFAULTS.burstiness);
  });

  it("needs exactly one load: a rate or a concurrency", () => {
    expect(issuesOf({ requestRate: 8, concurrency: 4 })).toEqual([{ path: "serving.concurrency", message: "give requestRate (open loop) or concurrency (closed loop), not both" }]);
    expect(issuesOf({})[0]?.path).toBe("serving");
    expect(resolveServing({ requestRate: 8, concurrency: 4 }, W).serving).toBeUndefined();
  });

  it("names an unknown field, a field of the wrong type and a value out of range", () => {
    expect(issuesOf({ requestRate: 8, requestrate: 9 })).toEqual([{ path: "serving.requestrate", message: 'unknown field; did you mean "requestRate"?' }]);
    expect(issuesOf({ requestRate: -1 })).toEqual([{ path: "serving.requestRate", message: "must be a number above 0 and at most 1,000,000 requests/s (got -1)" }]);
    expect(issuesOf({ requestRate: "8" })[0]?.path).toBe("serving.requestRate");
    expect(issuesOf({ concurrency: 2.5 })[0]?.path).toBe("serving.concurrency");
    expect(issuesOf({ requestRate: 1, requests: 0 })[0]?.path).toBe("serving.requests");
    expect(issuesOf({ requestRate: 1, seed: -1 })[0]?.path).toBe("serving.seed");
    expect(issuesOf({ requestRate: 1, replicas: 0 })[0]?.path).toBe("serving.replicas");
    expect(issuesOf({ requestRate: 1, arrival: "bursty" })[0]?.path).toBe("serving.arrival");
    expect(issuesOf({ requestRate: 1, dataset: "alpaca" })[0]?.path).toBe("serving.dataset");
    expect(issuesOf({ requestRate: 1, scheduler: { maxSequences: 0 } })[0]?.path).toBe("serving.scheduler.maxSequences");
    expect(issuesOf({ requestRate: 1, scheduler: { maxBatchedTokens: JSON.parse("1e400") as number } })[0]).toMatchObject({ path: "serving.scheduler.maxBatchedTokens", message: expect.stringContaining("beyond double precision") });
    expect(issuesOf({ requestRate: 1, scheduler: { chunkedPrefill: "yes" } })[0]?.path).toBe("serving.scheduler.chunkedPrefill");
    expect(issuesOf({ requestRate: 1, scheduler: { chunked: true } })[0]?.path).toBe("serving.scheduler.chunked");
    expect(issuesOf({ requestRate: 1, slo: { ttftS: 0 } })[0]?.path).toBe("serving.slo.ttftS");
    expect(issuesOf({ requestRate: 1, slo: { tpotS: 0.1, percentile: 101 } })[0]?.path).toBe("serving.slo.percentile");
    expect(issuesOf("fast")).toEqual([{ path: "serving", message: 'must be an object like {"requestRate": 8} (got "fast")' }]);
  });

  it("refuses a field that does not apply to its neighbours", () => {
    expect(issuesOf({ requestRate: 1, burstiness: 2 })).toEqual([{ path: "serving.burstiness", message: 'applies only to arrival "gamma" (arrival is "poisson")' }]);
    expect(issuesOf({ concurrency: 4, arrival: "poisson" })[0]?.path).toBe("serving.arrival");
    expect(issuesOf({ requestRate: 1, promptTokens: { dist: "fixed", mean: 100, cv: 1 } })[0]?.path).toBe("serving.promptTokens.cv");
    expect(issuesOf({ requestRate: 1, promptTokens: { dist: "uniform", min: 10, max: 100, mean: 50 } })[0]?.path).toBe("serving.promptTokens.mean");
    expect(issuesOf({ requestRate: 1, outputTokens: { dist: "lognormal", mean: 100 } })).toEqual([{ path: "serving.outputTokens", message: 'dist "lognormal" needs cv' }]);
    expect(issuesOf({ requestRate: 1, outputTokens: { dist: "uniform", min: 100, max: 10 } })[0]?.path).toBe("serving.outputTokens.max");
    expect(issuesOf({ requestRate: 1, outputTokens: { mean: 10.5 } })[0]?.path).toBe("serving.outputTokens.mean");
    expect(issuesOf({ requestRate: 1, slo: { percentile: 90 } })).toEqual([{ path: "serving.slo", message: "needs ttftS, tpotS or both" }]);
  });

  it("resolves each length distribution with its own fields", () => {
    const { serving } = resolveServing(
      {
        requestRate: 4,
        arrival: "gamma",
        burstiness: 2,
        promptTokens: { dist: "lognormal", mean: 1024, cv: 0.8, max: 32768 },
        outputTokens: { dist: "uniform", min: 16, max: 512 },
        slo: { ttftS: 2, tpotS: 0.2 },
      },
      W,
    );
    expect(serving).toMatchObject({
      burstiness: 2,
      promptTokens: { dist: "lognormal", mean: 1024, cv: 0.8, min: 1, max: 32768 },
      outputTokens: { dist: "uniform", min: 16, max: 512 },
      slo: { ttftS: 2, tpotS: 0.2, percentile: 99 },
    });
    // a log-normal without max is clipped at the model's window (left to the simulator)
    expect(resolveServing({ requestRate: 4, promptTokens: { dist: "lognormal", mean: 10, cv: 1 } }, W).serving?.promptTokens).toEqual({ dist: "lognormal", mean: 10, cv: 1, min: 1 });
  });

  it("carries a dataset with the length fields given to override it", () => {
    expect(resolveServing({ requestRate: 4, dataset: "sharegpt", outputTokens: { max: 1024 } }, W).serving).toMatchObject({ dataset: "sharegpt", promptTokens: {}, outputTokens: { max: 1024 } });
  });

  it("resolves prefix caching and disaggregated pools (issue 17), naming the field of each mistake", () => {
    expect(resolveServing({ requestRate: 8, prefixCache: { hitRate: 0.5, sharedPrefixTokens: 512 } }, W).serving?.prefixCache).toEqual({ hitRate: 0.5, sharedPrefixTokens: 512 });
    expect(issuesOf({ requestRate: 8, prefixCache: { hitRate: 0.5 } })).toEqual([{ path: "serving.prefixCache", message: expect.stringContaining("needs sharedPrefixTokens") }]);
    expect(issuesOf({ requestRate: 8, prefixCache: { hitRate: 1.5, sharedPrefixTokens: 10 } })[0]?.path).toBe("serving.prefixCache.hitRate");
    const d = resolveServing({ requestRate: 8, disaggregated: { prefill: { hardware: "h100-sxm", chips: 4, replicas: 2 }, decode: { precision: "fp8" } } }, W).serving;
    expect(d?.disaggregated).toEqual({ prefill: { hardware: "h100-sxm", chips: 4, replicas: 2 }, decode: { precision: "fp8", replicas: 1 }, layerwiseTransfer: null });
    expect(issuesOf({ requestRate: 8, replicas: 2, disaggregated: {} })).toEqual([{ path: "serving.replicas", message: expect.stringContaining("disaggregated") }]);
    expect(issuesOf({ concurrency: 8, disaggregated: {} })[0]?.path).toBe("serving.disaggregated");
    expect(issuesOf({ requestRate: 8, disaggregated: { prefill: { hardware: "h100" } } })[0]?.path).toBe("serving.disaggregated.prefill.hardware");
    expect(issuesOf({ requestRate: 8, disaggregated: { decode: { replicas: 0 } } })[0]?.path).toBe("serving.disaggregated.decode.replicas");
  });
});
