import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, HARDWARE_PRESETS, MODEL_PRESETS, resolveScenario, type Report } from "./index";

/** Every number in a report, with its path (nulls are allowed: "no price"). */
function numbers(o: unknown, path = "report", out: [string, unknown][] = []): [string, unknown][] {
  if (typeof o === "number") out.push([path, o]);
  else if (o && typeof o === "object") for (const [k, v] of Object.entries(o)) numbers(v, `${path}.${k}`, out);
  return out;
}

const PRECISIONS = ["fp32", "bf16", "fp16", "fp8", "int8", "int4", "fp4"] as const;

describe("evaluate never returns NaN or Infinity", () => {
  // 2,000 scenarios: ~1.5 s alone; a stated limit for a loaded 2-core machine (not a retry).
  it("should give finite numbers for any valid scenario, extremes included", { timeout: 20_000 }, () => {
    const scenario = fc.record({
      model: fc.oneof(
        fc.record({ preset: fc.constantFrom(...MODEL_PRESETS.map((p) => p.id)) }),
        fc.record({ params: fc.double({ min: 1e6, max: 1e13, noNaN: true }) }),
      ),
      hardware: fc.record({ preset: fc.constantFrom(...HARDWARE_PRESETS.map((p) => p.id)), chips: fc.integer({ min: 1, max: 4096 }) }),
      workload: fc.record({
        batch: fc.integer({ min: 1, max: 1e6 }),
        promptTokens: fc.integer({ min: 1, max: 1e8 }),
        outputTokens: fc.integer({ min: 1, max: 1e8 }),
        prefillBatch: fc.integer({ min: 1, max: 1e6 }),
      }),
      precision: fc.record({ weights: fc.constantFrom(...PRECISIONS), kvCache: fc.constantFrom(...PRECISIONS), activations: fc.constantFrom(...PRECISIONS) }),
      parallelism: fc.record({
        layout: fc.constantFrom("auto", "1d-weight-stationary", "2d-weight-stationary", "weight-gathered"),
        attentionSharding: fc.constantFrom("auto", "heads", "batch"),
        experts: fc.constantFrom("auto", "tensor", "expert"),
      }),
      mode: fc.constantFrom("ideal", "realistic"),
      sparsity: fc.record({ weights: fc.constantFrom("none", "2:4") }),
    });
    fc.assert(
      fc.property(scenario, (input) => {
        const { scenario: s, issues } = resolveScenario(input);
        expect(issues).toEqual([]);
        const r: Report = evaluate(s);
        for (const [path, v] of numbers(r)) expect(Number.isFinite(v), `${path} = ${String(v)}`).toBe(true);
      }),
      { numRuns: 2000, seed: 42 },
    );
    // 2,000 full evaluations with their capacity and critical-batch searches: ~2 s alone, several
    // times that on a busy 2-core machine.
  }, 30_000);
});
