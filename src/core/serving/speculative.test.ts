import { describe, expect, it } from "vitest";
import { evaluateInput } from "../index";

const input = {
  model: { preset: "llama-3.1-70b" },
  hardware: { preset: "h100-sxm", chips: 4 },
  workload: { batch: 1, promptTokens: 1024, outputTokens: 256 },
  speculative: { draftPreset: "llama-3.1-8b", draftTokens: 4, acceptanceRate: 0.7 },
  serving: { requestRate: 4, requests: 300 },
};

describe("speculative decoding under load (issue 17)", () => {
  const { report, issues } = evaluateInput(input);
  expect(issues).toEqual([]);
  const s = report.serving!.speculative!;

  it("expects (1 − α^(k+1)) ÷ (1 − α) tokens per step: k = 4, α = 0.7 gives 2.7731", () => {
    expect(s.expectedTokensPerStep).toBeCloseTo((1 - 0.7 ** 5) / 0.3, 12);
    expect(s.expectedTokensPerStep).toBeCloseTo(2.7731, 12);
  });

  it("at batch 1 it is the static what-if's speed-up (same step function, within 0.1 %)", () => {
    expect(s.rows[0]!.batch).toBe(1);
    expect(Math.abs(s.rows[0]!.speedup / report.speculative!.speedup - 1)).toBeLessThan(1e-3);
  });

  it("the gain shrinks as the batch grows, and the crossover is the first batch where it no longer pays", () => {
    for (let i = 1; i < s.rows.length; i++) expect(s.rows[i]!.speedup).toBeLessThan(s.rows[i - 1]!.speedup);
    const first = s.rows.find((r) => r.speedup < 1);
    expect(s.crossoverBatch).toBe(first?.batch ?? null);
    expect(s.crossoverBatch).not.toBeNull();
    expect(s.atMeanBatch.batch).toBe(Math.max(1, Math.round(report.serving!.meanRunningBatch)));
  });
});
