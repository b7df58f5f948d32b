import { describe, expect, it } from "vitest";
import { resolveScenario } from "../scenario";
import { replicaPlan } from "./replica";
import { simulate, type ServingSpec } from "./simulate";
import { latencyCurve, servingRun, servingTimeline } from "./view";

const base = resolveScenario({
  model: { preset: "llama-3.1-8b" },
  hardware: { preset: "h100-sxm", chips: 1 },
  serving: { requestRate: 10, dataset: "sharegpt", requests: 400, slo: { ttftS: 0.5, tpotS: 0.05 } },
}).scenario;

const spec: ServingSpec = {
  requestRate: 8,
  arrival: "poisson",
  burstiness: 1,
  requests: 300,
  seed: 1,
  promptTokens: { dist: "fixed", mean: 512 },
  outputTokens: { dist: "fixed", mean: 64 },
  replicas: 1,
  scheduler: { maxSequences: 64, maxBatchedTokens: 4096, chunkedPrefill: true },
};

describe("serving timeline", () => {
  const model = replicaPlan(base, spec.scheduler);
  const tr = simulate(spec, model);
  const tl = servingTimeline(tr, 1, 50);

  it("bins the whole run, and the time-weighted running batch integrates back to the log's", () => {
    expect(tl).toHaveLength(50);
    const w = tr.endS / 50;
    let fromBins = 0;
    for (const p of tl) fromBins += p.running * w;
    let fromLog = 0;
    for (let k = 0; k < tr.iterations.count; k++) fromLog += tr.iterations.running[k]! * tr.iterations.duration[k]!;
    expect(fromBins).toBeCloseTo(fromLog, 6);
  });

  it("keeps KV occupancy within [0, 1] and every figure finite", () => {
    for (const p of tl) {
      expect(p.kvOccupancy).toBeGreaterThanOrEqual(0);
      expect(p.kvOccupancy).toBeLessThanOrEqual(1 + 1e-12);
      expect(Number.isFinite(p.running) && Number.isFinite(p.waiting)).toBe(true);
    }
    expect(tl.some((p) => p.running > 0)).toBe(true);
  });
});

describe("latency curve", () => {
  const model = replicaPlan(base, spec.scheduler);
  const curve = latencyCurve(spec, model, { chips: 1 }, 20, { requests: 200, fractions: [0.2, 0.6, 1.3] });

  it("runs each fraction of capacity and the spec's own rate, in rate order", () => {
    expect(curve.map((p) => p.rate)).toEqual([4, 8, 12, 26]);
  });

  it("TTFT's tail grows with the rate: queueing past the knee", () => {
    expect(curve[3]!.ttft!.p99).toBeGreaterThan(curve[0]!.ttft!.p99);
    for (const p of curve) expect(p.ttft!.p50).toBeLessThanOrEqual(p.ttft!.p99);
  });
});

describe("serving run", () => {
  const steps: number[] = [];
  const run = servingRun(base, base.serving!, (d, t) => steps.push(d / t));

  it("reports progress from 0 to 1, never backwards", () => {
    expect(steps[0]).toBe(0);
    expect(steps[steps.length - 1]).toBe(1);
    for (let i = 1; i < steps.length; i++) expect(steps[i]!).toBeGreaterThanOrEqual(steps[i - 1]!);
  });

  it("gives every figure a why with this run's values, none NaN", () => {
    for (const [id, t] of Object.entries(run.terms)) {
      expect(t.withValues, id).not.toMatch(/NaN|undefined|Infinity/);
      expect(t.formula.length, id).toBeGreaterThan(10);
    }
    expect(run.terms.ttft.withValues).toContain("p99");
    expect(run.curve.length).toBeGreaterThan(5);
    expect(run.timeline.length).toBeGreaterThan(0);
  });
});
