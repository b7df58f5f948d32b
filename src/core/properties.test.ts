/**
 * Properties the report must keep for every scenario (2,000 random ones each, fixed seeds, as in
 * robustness.test.ts): capacity edges, MFU within the mode's compute efficiency, and one
 * bottleneck story (badge, critical batch and sentence from the same classification).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SEARCH_CAP } from "./cost/search";
import { ENGINES } from "./types";
import { decodeBoundStory, evaluate, HARDWARE_PRESETS, MODEL_PRESETS, resolveScenario, type Report, type Scenario } from "./index";

const PRECISIONS = ["fp32", "bf16", "fp16", "fp8", "int8", "int4", "fp4"] as const;
const RUNS = 2000;
/** 2,000 scenarios take ~0.3–1.5 s alone; a stated limit for a loaded 2-core machine (not a retry). */
const PROPERTY_MS = 20_000;

/** A valid scenario input without prefillBatch (the prefill batch then moves with the batch). */
const scenarioInput = fc.record({
  model: fc.oneof(
    { weight: 4, arbitrary: fc.record({ preset: fc.constantFrom(...MODEL_PRESETS.map((p) => p.id)) }) },
    { weight: 1, arbitrary: fc.record({ params: fc.double({ min: 1e6, max: 2e12, noNaN: true }) }) },
  ),
  hardware: fc.record({ preset: fc.constantFrom(...HARDWARE_PRESETS.map((p) => p.id)), chips: fc.constantFrom(1, 1, 2, 4, 8, 16, 64, 256) }),
  workload: fc.record({
    batch: fc.oneof(fc.integer({ min: 1, max: 512 }), fc.integer({ min: 1, max: 1e6 })),
    promptTokens: fc.oneof(fc.integer({ min: 1, max: 32768 }), fc.integer({ min: 1, max: 1e7 })),
    outputTokens: fc.oneof(fc.integer({ min: 1, max: 4096 }), fc.integer({ min: 1, max: 1e6 })),
  }),
  precision: fc.record({ weights: fc.constantFrom(...PRECISIONS), kvCache: fc.constantFrom(...PRECISIONS), activations: fc.constantFrom(...PRECISIONS) }),
  parallelism: fc.record({
    layout: fc.constantFrom("auto", "1d-weight-stationary", "2d-weight-stationary", "weight-gathered"),
    attentionSharding: fc.constantFrom("auto", "heads", "batch"),
    experts: fc.constantFrom("auto", "tensor", "expert"),
  }),
  mode: fc.constantFrom("ideal", "realistic"),
  sparsity: fc.record({ weights: fc.constantFrom("none", "2:4") }),
  // every engine (their per-kernel, per-sequence and grouped-GEMM terms), or the vendor's default
  engine: fc.constantFrom(undefined, ...ENGINES),
});

function resolve(input: unknown): Scenario {
  const { scenario, issues } = resolveScenario(input);
  expect(issues).toEqual([]);
  return scenario;
}

const withWorkload = (s: Scenario, w: Partial<Scenario["workload"]>): Scenario => ({ ...s, workload: { ...s.workload, ...w } });

describe("capacity edges", () => {
  it("maxBatch fits and maxBatch + 1 does not (prefill batch moving with the batch), in both modes", { timeout: PROPERTY_MS }, () => {
    fc.assert(
      fc.property(scenarioInput, (input) => {
        const s = resolve(input);
        const r = evaluate(s, { brief: true });
        const mb = r.memory.maxBatch;
        const fitsAt = (b: number) => evaluate(withWorkload(s, { batch: b, prefillBatch: b }), { brief: true }).memory.fits;
        expect(r.memory.fits).toBe(s.workload.batch <= mb);
        if (mb >= 1) expect(fitsAt(mb), `batch ${mb}`).toBe(true);
        if (mb < SEARCH_CAP) expect(fitsAt(mb + 1), `batch ${mb + 1}`).toBe(false);
      }),
      { numRuns: RUNS, seed: 11 },
    );
  });

  it("maxContextTokens fits and one token more does not (the prompt growing, the output fixed), in both modes", { timeout: PROPERTY_MS }, () => {
    fc.assert(
      fc.property(scenarioInput, (input) => {
        const s = resolve(input);
        const r = evaluate(s, { brief: true });
        const O = s.workload.outputTokens;
        const T = r.memory.maxContextTokens;
        const fitsAt = (t: number) => evaluate(withWorkload(s, { promptTokens: t - O }), { brief: true }).memory.fits;
        expect(r.memory.fits).toBe(s.workload.promptTokens + O <= T);
        if (T === 0) expect(fitsAt(O + 1)).toBe(false);
        else {
          expect(T).toBeGreaterThan(O);
          expect(fitsAt(T), `context ${T}`).toBe(true);
          if (T < SEARCH_CAP) expect(fitsAt(T + 1), `context ${T + 1}`).toBe(false);
        }
      }),
      { numRuns: RUNS, seed: 12 },
    );
  });

  it("holds the prefill batch when it is set apart from the batch", () => {
    const s = resolve({ model: { preset: "llama-3.1-70b" }, hardware: { preset: "h200" }, workload: { batch: 4, prefillBatch: 1 } });
    const r = evaluate(s);
    expect(evaluate(withWorkload(s, { batch: r.memory.maxBatch })).memory.fits).toBe(true);
    expect(evaluate(withWorkload(s, { batch: r.memory.maxBatch + 1 })).memory.fits).toBe(false);
  });
});

describe("utilisation", () => {
  it("MFU never exceeds the mode's compute efficiency (1 in ideal mode), nor MBU its memory efficiency", { timeout: PROPERTY_MS }, () => {
    fc.assert(
      fc.property(scenarioInput, (input) => {
        const r = evaluate(resolve(input), { brief: true });
        const e = r.assumptions.efficiency;
        const slack = 1 + 1e-12;
        if (r.assumptions.mode === "ideal") expect(e.compute).toBe(1);
        expect(r.prefill.mfu).toBeLessThanOrEqual(e.compute * slack);
        expect(r.decode.mfu).toBeLessThanOrEqual(e.compute * slack);
        expect(r.decode.mbu).toBeLessThanOrEqual(e.memory * slack);
        for (const v of [r.prefill.mfu, r.decode.mfu, r.decode.mbu]) expect(v).toBeGreaterThan(0);
      }),
      { numRuns: RUNS, seed: 13 },
    );
  });
});

describe("one bottleneck story", () => {
  /** The step's verdict ignoring the network: compute seconds above memory seconds (the breakdown). */
  const computeSide = (r: Report) => r.decode.breakdown.matmulCompute + r.decode.breakdown.attentionCompute > r.decode.breakdown.weightLoad + r.decode.breakdown.kvRead;

  it("the badge, the critical batch and the sentence agree, and the critical batch is where the verdict turns", { timeout: PROPERTY_MS }, () => {
    fc.assert(
      fc.property(scenarioInput, (input) => {
        const s = resolve(input);
        const r = evaluate(s, { brief: true });
        const B = s.workload.batch;
        const crit = r.roofline.criticalBatch;
        const story = decodeBoundStory(r, B);
        expect(story.bound).toBe(r.decode.bottleneck);
        if (r.decode.bottleneck === "compute") {
          expect(crit).not.toBeNull();
          expect(B).toBeGreaterThanOrEqual(crit!);
          expect(story.side).toBe("above");
          expect(story.conclusion).not.toMatch(/below/);
        }
        if (r.decode.bottleneck === "memory") {
          if (crit !== null) expect(B).toBeLessThan(crit);
          expect(story.side).not.toBe("above");
        }
        expect(computeSide(r)).toBe(crit !== null && B >= crit);
        // Same layout and expert placement, other batches: the verdict turns exactly at crit.
        const fixed: Scenario = { ...s, parallelism: { ...s.parallelism, layout: r.decode.layout, experts: r.decode.experts ?? "auto" } };
        const at = (b: number) => evaluate(withWorkload(fixed, { batch: b, prefillBatch: b }), { brief: true });
        if (crit !== null) {
          expect(computeSide(at(crit)), `compute-bound at ${crit}`).toBe(true);
          if (crit > 1) expect(computeSide(at(crit - 1)), `memory-bound at ${crit - 1}`).toBe(false);
        }
        const w = r.roofline.criticalBatchWeightsOnly;
        if (w !== null) {
          expect(at(w).decode.breakdown.matmulCompute).toBeGreaterThan(0);
          if (w > 1) expect(at(w - 1).decode.breakdown.matmulCompute).toBe(0);
        }
        expect(r.roofline.criticalBatchBasis).toBe(crit === w ? "weights" : "weights+kv");
      }),
      { numRuns: RUNS, seed: 14 },
    );
  });

  it("batch 250 with a 16 + 16 context on an H100 is compute-bound, past its critical batch, and says so (the case a reader tripped on)", () => {
    const s = resolve({ model: { preset: "llama-3.1-8b" }, hardware: { preset: "h100-sxm" }, workload: { batch: 250, promptTokens: 16, outputTokens: 16 } });
    const r = evaluate(s);
    expect(r.decode.bottleneck).toBe("compute");
    // Weight matmuls: 2 × 7,504,658,432 FLOPs per sequence at 989e12 × 0.60 FLOP/s = 25.29 µs;
    // weight bytes (7,504,658,432 + 266,240 norm weights) × 2 B at 3.35e12 × 0.80 B/s = 5.6007 ms;
    // they cross at 221.43 sequences → 222. The KV read at this context (32.5 tokens × 128 KiB)
    // is 1.6 µs per sequence, below its 25.3 µs of matmul, so it does not move the crossing.
    expect(r.roofline.criticalBatchWeightsOnly).toBe(222);
    expect(r.roofline.criticalBatch).toBe(222);
    expect(r.roofline.criticalBatchBasis).toBe("weights");
    // The datasheet ridge (peak ÷ bandwidth, no efficiencies) would have said 295: the old contradiction.
    expect(r.roofline.ridgeIntensity).toBeCloseTo(295.22, 2);
    const story = decodeBoundStory(r, 250);
    expect(story.side).toBe("above");
    expect(`${story.critical} ${story.conclusion}`).not.toMatch(/below/);
    expect(story.conclusion).toMatch(/at or above it/);
    // At 1,024 + 256 tokens each sequence's KV read (1,152.5 × 128 KiB = 56 µs) outlasts its
    // matmuls: decode never turns compute-bound, and the sentence says so.
    const long = evaluate(withWorkload(s, { promptTokens: 1024, outputTokens: 256 }));
    expect(long.decode.bottleneck).toBe("memory");
    expect(long.roofline.criticalBatch).toBeNull();
    expect(long.roofline.criticalBatchBasis).toBe("weights+kv");
    expect(decodeBoundStory(long, 250).critical).toMatch(/does not turn compute-bound at any batch/);
    expect(decodeBoundStory(long, 250).side).toBe("none");
  });
});

describe("the brief form the sweeps use", () => {
  /** A report without its prose: the layout reasons and warnings the brief form leaves out. */
  const numbers = (r: Report) => ({
    ...r,
    warnings: [],
    prefill: { ...r.prefill, layoutReason: "" },
    decode: { ...r.decode, layoutReason: "" },
  });

  it("gives every number of the full evaluate(), bit for bit, with speculative decoding too", { timeout: PROPERTY_MS }, () => {
    let withDraft = 0;
    fc.assert(
      fc.property(scenarioInput, fc.boolean(), (input, spec) => {
        // a draft model the target accepts (same vocabulary), else the target alone
        const withSpec = { ...input, speculative: { draftPreset: "llama-3.2-1b", draftTokens: 4, acceptanceRate: 0.7 } };
        const s = spec && resolveScenario(withSpec).issues.length === 0 ? resolve(withSpec) : resolve(input);
        const full = evaluate(s);
        const brief = evaluate(s, { brief: true });
        if (s.speculative) withDraft++;
        expect(brief.warnings).toEqual([]);
        expect(numbers(brief)).toEqual(numbers(full));
      }),
      { numRuns: RUNS / 4, seed: 1205 },
    );
    expect(withDraft).toBeGreaterThan(20); // the speculative branch ran
  });
});
