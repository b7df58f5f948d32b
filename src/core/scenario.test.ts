import { describe, expect, it } from "vitest";
import { resolveScenario, paramCount } from "./index";

describe("resolveScenario", () => {
  it("should fill every field from the defaults", () => {
    const { scenario, issues } = resolveScenario({});
    expect(issues).toEqual([]);
    expect(scenario.model.preset).toBe("llama-3.1-8b");
    expect(scenario.hardware.chips).toBe(1);
    expect(scenario.workload).toEqual({ batch: 1, promptTokens: 1024, outputTokens: 256, prefillBatch: 1 });
  });

  it("should name each invalid field and keep the valid ones", () => {
    const { scenario, issues } = resolveScenario({ workload: { batch: -1, promptTokens: 2048 }, hardware: { chips: 0 }, model: { preset: "nope" } });
    expect(issues.map((i) => i.path).sort()).toEqual(["hardware.chips", "model.preset", "workload.batch"]);
    expect(issues.find((i) => i.path === "workload.batch")?.message).toBe("must be a whole number from 1 to 1e6 (got -1)");
    expect(scenario.workload.promptTokens).toBe(2048);
    expect(scenario.workload.batch).toBe(1);
  });

  it("should refuse absurd sizes with a message", () => {
    expect(resolveScenario({ model: { params: 1e15 } }).issues[0]?.path).toBe("model.params");
    expect(resolveScenario("not an object").issues[0]?.path).toBe("(scenario)");
  });

  it("should derive a shape from a parameter count alone", () => {
    const { scenario } = resolveScenario({ model: { params: 7e9 } });
    const n = paramCount(scenario.model).total;
    expect(Math.abs(n - 7e9) / 7e9).toBeLessThan(0.01);
    expect(scenario.model.derivedFromParams).toBe(7e9);
  });

  it("should identify a chip given only by its datasheet figures", () => {
    const { scenario } = resolveScenario({ hardware: { name: "TPU", chips: 64, memoryBytes: 34359738368, memoryBandwidth: 1.2e12, peakFlops: { bf16: 275e12 }, interconnectBandwidth: 270e9 } });
    expect(scenario.hardware.topology).toBe("torus");
  });
});
