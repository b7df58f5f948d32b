import { describe, expect, it } from "vitest";
import { evaluate } from "./cost/evaluate";
import { resolveScenario } from "./scenario";
import { BATCH_GRID, comparisonCurve, contextGrid, contextPoints, contextSweepOf, feasibleChipCounts, feasibleRegion, scenarioContextGrid } from "./curves";

const s = resolveScenario({ model: { preset: "llama-3.1-8b" }, hardware: { preset: "h100-sxm", chips: 1 }, workload: { batch: 8, promptTokens: 1000, outputTokens: 200 } }).scenario;

describe("curves", () => {
  it("should span min(64, prompt) … max(window, 2·prompt + output) in at most 40 points", () => {
    const g = contextGrid(1000, 200, 131072);
    expect(g[0]).toBe(64);
    expect(g.at(-1)).toBe(131072);
    expect(g.length).toBeLessThanOrEqual(40);
    expect(contextGrid(100_000, 50_000, 8192).at(-1)).toBe(250_000); // 2 · 100k + 50k beyond the window
    // the scenario's grid ends at the preset's window (Llama 3.1: 128k)
    expect(scenarioContextGrid(s).at(-1)).toBe(131072);
  });

  it("should give each context point the report of a prefill of that prompt and one decode step", () => {
    const [p] = contextPoints(s, [4096]);
    const r = evaluate({ ...s, workload: { ...s.workload, promptTokens: 4096, outputTokens: 1 } });
    expect(p!.prefillS).toBe(r.prefill.timeS);
    expect(p!.decodeStepS).toBe(r.decode.timePerTokenS);
    expect(p!.memory).toEqual(r.memory.perChip);
    // the decode marker sits at the mean context, P + (O + 1)/2 = 1000 + 100.5
    expect(contextSweepOf(s, [p!], 5).meanDecodeContext).toBe(1100.5);
  });

  it("should count chips 1, 2, 4 … up to max(8, chips) for the feasible region, ending at the count itself", () => {
    expect(feasibleChipCounts(1)).toEqual([1, 2, 4, 8]);
    expect(feasibleChipCounts(12)).toEqual([1, 2, 4, 8, 12]);
    expect(feasibleChipCounts(5000).at(-1)).toBe(1024);
    const f = feasibleRegion(s, [1024, 2048, 4096]);
    // every other grid point and the last: 1024 and 4096
    expect(f[0]!.points.map((p) => p.context)).toEqual([1024, 4096]);
    // more chips hold at least as many sequences
    expect(f[3]!.points[0]!.maxBatch).toBeGreaterThan(f[0]!.points[0]!.maxBatch);
  });

  it("should run the capacity chart from batch 1 to 4096 and A's curve over the scenario's grid", () => {
    expect(BATCH_GRID[0]).toBe(1);
    expect(BATCH_GRID.at(-1)).toBe(4096);
    expect(comparisonCurve(s).map((p) => p.context)).toEqual(scenarioContextGrid(s));
  });
});
