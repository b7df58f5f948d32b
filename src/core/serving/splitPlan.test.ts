import { describe, expect, it } from "vitest";
import { resolveScenario } from "../scenario";
import { capacityPlan } from "./plan";
import { comparePlans, disaggregatedPlan, idleDecodeStepS } from "./splitPlan";
import type { ServingSpec } from "./simulate";

const base = resolveScenario({ model: { preset: "llama-3.1-8b" }, hardware: { preset: "a100-80gb", chips: 1 } }).scenario!;
const spec = (tpotS: number): ServingSpec => ({
  requestRate: 20,
  arrival: "poisson",
  burstiness: 1,
  requests: 400,
  seed: 1,
  promptTokens: { dist: "fixed", mean: 2048 },
  outputTokens: { dist: "fixed", mean: 128 },
  replicas: 1,
  scheduler: { maxSequences: 256, maxBatchedTokens: 8192, chunkedPrefill: true },
  slo: { ttftS: 1, tpotS, percentile: 90 },
});
const opts = { hardware: ["a100-80gb"], chips: [1], precisions: [base.precision], requests: 400 };

describe("the disaggregated capacity plan (issue 17)", () => {
  it("finds the cheapest prefill:decode split meeting the SLO, and fewer replicas on either side miss it", () => {
    const d = disaggregatedPlan(base, spec(0.05), opts)!;
    expect(d.meetsSlo).toBe(true);
    expect(d.costPerHour).toBeCloseTo((d.prefill.replicas + d.decode.replicas) * base.hardware.pricePerHour!, 9);
    // every split tried that is cheaper than the answer missed the SLO
    for (const t of d.splits) if (t.costPerHour! < d.costPerHour!) expect(t.meetsSlo).toBe(false);
    // the transfer of a 2,048-token Llama-3.1-8B prompt (128 KiB per token in bf16) over one 25 GB/s NIC at 0.8
    expect(d.transferBytesMean).toBe(2048 * 131072);
    expect(d.transferP50S).toBeCloseTo((2048 * 131072) / (25e9 * 0.8), 9);
  });

  it("names a winner with the reason and the figures that decide it", () => {
    const sp = spec(0.05);
    const co = capacityPlan(base, sp, opts).rows[0] ?? null;
    const d = disaggregatedPlan(base, sp, opts);
    const c = comparePlans(sp, co, d, idleDecodeStepS(base, sp));
    expect(c.winner).not.toBeNull();
    const cheaper = c.winner === "colocated" ? co!.costPerHour! <= d!.costPerHour! : d!.costPerHour! < co!.costPerHour!;
    expect(cheaper).toBe(true);
    expect(c.reason).toMatch(c.winner === "colocated" ? /^Co-located is/ : /^Disaggregated is/);
    expect(c.factors.promptOutputRatio).toBe(16);
    expect(c.factors.colocatedLoad).toBeGreaterThan(0);
    expect(c.factors.colocatedLoad).toBeLessThanOrEqual(1);
  });
});
