import { describe, expect, it } from "vitest";
import { createCostClient } from "./client";
import type { Analysis, CostApi } from "./protocol";

const answer = (tag: string): Analysis => ({ scenario: null, issues: [], report: null, sweep: null, error: tag });
const api: CostApi = { analyse: (input) => answer(String(input.workload?.batch)), reports: (inputs) => inputs.map(() => null), frontier: () => null };

describe("createCostClient", () => {
  it("should fall back to the in-thread implementation when no worker can start", async () => {
    const client = createCostClient({
      createWorker: () => {
        throw new Error("no workers here");
      },
      loadFallback: async () => api,
    });
    const a = await client.analyseLatest({ workload: { batch: 3 } });
    expect(a?.evaluator).toBe("main-thread");
    expect(a?.analysis.error).toBe("3");
  });

  it("should drop answers to superseded requests (latest wins)", async () => {
    const client = createCostClient({ createWorker: () => null, loadFallback: async () => api });
    const first = client.analyseLatest({ workload: { batch: 1 } });
    const second = client.analyseLatest({ workload: { batch: 2 } });
    expect(await first).toBeUndefined();
    expect((await second)?.analysis.error).toBe("2");
  });
});

describe("contextGrid", async () => {
  const { contextGrid, SWEEP_POINTS } = await import("./api");
  it("should span the prompt and the context window with at most SWEEP_POINTS increasing integers", () => {
    const g = contextGrid(1024, 256, 131072);
    expect(g.length).toBeLessThanOrEqual(SWEEP_POINTS);
    expect(g[0]).toBe(64);
    expect(g[g.length - 1]).toBe(131072);
    for (let i = 1; i < g.length; i++) expect(g[i]!).toBeGreaterThan(g[i - 1]!);
    expect(g.every(Number.isInteger)).toBe(true);
  });

  it("should reach past a prompt longer than the window and cope with silly inputs", () => {
    expect(contextGrid(500000, 0, 8192).at(-1)).toBe(1000000);
    const g = contextGrid(NaN, NaN, 0);
    expect(g.length).toBeGreaterThan(1);
    expect(g.every((x) => Number.isFinite(x) && x >= 1)).toBe(true);
  });
});

describe("reports (computed ahead)", async () => {
  const { reports, analyse, MAX_REPORTS } = await import("./api");
  it("should give the same report as the full analysis, null for an input the core cannot read, and cap the batch", () => {
    const input = { workload: { batch: 16 } };
    const [r, wrongType] = reports([input, { model: { preset: 42 } } as never]);
    const full = analyse(input);
    expect(r?.report).toEqual(full.report);
    expect(r?.roofline).toEqual(full.insights?.roofline);
    expect(r?.batch).toBe(16);
    // a wrong-typed preset is an issue (the full analysis reports it) and the default model is used
    expect(analyse({ model: { preset: 42 } } as never).issues.map((i) => i.path)).toEqual(["model.preset"]);
    expect(wrongType?.report).toEqual(analyse({}).report);
    // an input that cannot even be read (a getter that throws) gives null, not an exception
    const unreadable = Object.defineProperty({}, "model", { enumerable: true, get: () => { throw new Error("unreadable"); } });
    expect(reports([unreadable, input]).map((x) => x === null)).toEqual([true, false]);
    expect(reports(Array.from({ length: MAX_REPORTS + 5 }, () => input))).toHaveLength(MAX_REPORTS);
  });
});
