import { describe, expect, it } from "vitest";
import { resolveScenario } from "../scenario";
import { capacityPlan } from "./plan";
import { replicaPlan } from "./replica";
import { servingReport } from "./report";
import type { ServingSpec } from "./simulate";

const base = resolveScenario({ model: { preset: "llama-3.1-8b" }, hardware: { preset: "a100-80gb", chips: 1 } }).scenario;
const spec: ServingSpec = {
  requestRate: 20,
  arrival: "poisson",
  burstiness: 1,
  requests: 600,
  seed: 1,
  promptTokens: { dist: "fixed", mean: 1024 },
  outputTokens: { dist: "fixed", mean: 128 },
  replicas: 1,
  scheduler: { maxSequences: 256, maxBatchedTokens: 8192, chunkedPrefill: true },
  slo: { ttftS: 1, tpotS: 0.05, percentile: 90 },
};

describe("capacity plan", () => {
  const plan = capacityPlan(base, spec, { hardware: ["a100-80gb", "h100-sxm"], chips: [1, 2], precisions: [base.precision] });

  it("ranks plans by cost per hour: replicas × chips × price", () => {
    expect(plan.rows.length).toBeGreaterThan(0);
    for (const r of plan.rows) expect(r.costPerHour).toBeCloseTo(r.replicas * r.chipsPerReplica * r.scenario.hardware.pricePerHour!, 9);
    for (let i = 1; i < plan.rows.length; i++) expect(plan.rows[i]!.costPerHour!).toBeGreaterThanOrEqual(plan.rows[i - 1]!.costPerHour!);
  });

  it("each plan meets the SLO when its whole deployment is simulated at the full rate", () => {
    for (const r of plan.rows) {
      expect(r.meetsSlo).toBe(true);
      expect(r.ttftS).toBeLessThanOrEqual(1);
      expect(r.tpotS).toBeLessThanOrEqual(0.05);
      // the replicas needed if each served its SLO rate
      expect(r.replicas).toBeGreaterThanOrEqual(Math.ceil(20 / r.ratePerReplica));
      const rep = servingReport({ ...spec, replicas: r.replicas, requests: Math.max(600, 100 * r.replicas) }, replicaPlan(r.scenario, spec.scheduler), { chips: r.chipsPerReplica });
      expect(rep.tpotS!.p90).toBeLessThanOrEqual(0.05);
    }
  });

  it("asks for a rate", () => {
    expect(() => capacityPlan(base, { ...spec, requestRate: undefined, concurrency: 8 })).toThrow(/requestRate/);
  });
});
