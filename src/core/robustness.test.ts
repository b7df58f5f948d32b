import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, HARDWARE_PRESETS, MODEL_PRESETS, PLAUSIBLE, resolveScenario, type Report } from "./index";

/** Every number in a report, with its path (nulls are allowed: "no price"). */
function numbers(o: unknown, path = "report", out: [string, unknown][] = []): [string, unknown][] {
  if (typeof o === "number") out.push([path, o]);
  else if (o && typeof o === "object") for (const [k, v] of Object.entries(o)) numbers(v, `${path}.${k}`, out);
  return out;
}

const PRECISIONS = ["fp32", "bf16", "fp16", "fp8", "int8", "int4", "fp4"] as const;

describe("evaluate never returns NaN or Infinity", () => {
  // 2,000 scenarios: ~1.5 s alone; a stated limit for a loaded 2-core machine (not a retry).
  it("should give finite numbers for any valid scenario, extremes included", { timeout: 30_000 }, () => {
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
  });
});

describe("every figure the plausible ranges allow gives numbers (issue 20)", () => {
  /** Log-uniform over a range, its ends included. */
  const logIn = (path: keyof typeof PLAUSIBLE) => {
    const r = PLAUSIBLE[path];
    const lo = Math.max(r.min, r.minExclusive ? r.min * 1.0001 || 1e-9 : r.min, 1e-12);
    return fc.oneof(fc.constant(lo), fc.constant(r.max), fc.double({ min: Math.log10(lo), max: Math.log10(r.max), noNaN: true }).map((e) => Math.min(r.max, Math.max(lo, 10 ** e))));
  };
  it("should give finite numbers and positive times for hardware anywhere in its ranges", { timeout: 30_000 }, () => {
    const scenario = fc.record({
      model: fc.record({ preset: fc.constantFrom(...MODEL_PRESETS.map((p) => p.id)) }),
      hardware: fc.record({
        preset: fc.constantFrom(...HARDWARE_PRESETS.map((p) => p.id)),
        chips: fc.integer({ min: 1, max: 4096 }),
        memoryBytes: logIn("hardware.memoryBytes"),
        memoryBandwidth: logIn("hardware.memoryBandwidth"),
        peakFlops: fc.record({ bf16: logIn("hardware.peakFlops"), fp8: logIn("hardware.peakFlops") }, { requiredKeys: [] }),
        interconnectBandwidth: logIn("hardware.interconnectBandwidth"),
        scaleOutBandwidth: logIn("hardware.scaleOutBandwidth"),
        pricePerHour: logIn("hardware.pricePerHour"),
        powerWatts: logIn("hardware.powerWatts"),
        achievable: fc.record({ compute: logIn("hardware.achievable.compute"), memory: logIn("hardware.achievable.memory") }, { requiredKeys: [] }),
      }, { requiredKeys: ["preset"] }),
      workload: fc.record({ batch: fc.integer({ min: 1, max: 1e6 }), promptTokens: fc.integer({ min: 1, max: 1e8 }), outputTokens: fc.integer({ min: 1, max: 1e8 }) }),
      precision: fc.record({ weights: fc.constantFrom(...PRECISIONS), activations: fc.constantFrom(...PRECISIONS) }),
      efficiency: fc.record({ compute: logIn("efficiency.compute"), memory: logIn("efficiency.memory"), network: logIn("efficiency.network") }, { requiredKeys: [] }),
      mode: fc.constantFrom("ideal", "realistic"),
    });
    fc.assert(
      fc.property(scenario, (input) => {
        const { scenario: s, issues } = resolveScenario(input);
        expect(issues).toEqual([]);
        const r: Report = evaluate(s);
        for (const [path, v] of numbers(r)) expect(Number.isFinite(v), `${path} = ${String(v)}`).toBe(true);
        expect(r.prefill.timeS).toBeGreaterThan(0);
        expect(r.decode.timePerTokenS).toBeGreaterThan(0);
        expect(r.total.outputTokensPerS).toBeGreaterThan(0);
      }),
      { numRuns: 1500, seed: 20 },
    );
  });
});
